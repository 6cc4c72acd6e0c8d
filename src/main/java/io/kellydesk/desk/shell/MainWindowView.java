package io.kellydesk.desk.shell;

import io.kellydesk.core.ServiceState;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.controlsfx.control.StatusBar;
import io.kellydesk.desk.fx.Fxml;
import io.kellydesk.desk.fx.Theme;
import io.kellydesk.desk.tiles.TilesViewModel;

/** Controller of {@code fxml/MainWindow.fxml}: binds the frame to its view model, renders nothing else. */
public final class MainWindowView {

    /** What the window's menus ask the rest of the application to do. */
    public interface Actions {
        void openSettings();
        void showAbout();

        /** Help › Local API: where the read-only API listens and how to call it. */
        void showLocalApi();

        /** Help › Keyboard shortcuts. */
        void showShortcuts();

        /** Help › User guide. */
        void showUserGuide();
        void quit();
    }

    private final MainWindowViewModel viewModel;
    private final Actions actions;

    @FXML private Parent root;
    @FXML private Label deskNameLabel;
    @FXML private Label accountLabel;
    @FXML private Label equityLabel;
    @FXML private Label drawdownLabel;
    @FXML private HBox healthLights;
    @FXML private HBox errorBanner;
    @FXML private Label errorBannerText;
    @FXML private Button errorBannerDismiss;
    @FXML private SplitPane verticalSplit;
    @FXML private SplitPane horizontalSplit;
    @FXML private FlowPane tilePane;
    @FXML private javafx.scene.control.TextField tileFilter;
    @FXML private javafx.scene.control.ToggleButton tradableOnly;
    @FXML private javafx.scene.control.ComboBox<TilesViewModel.TileOrder> tileOrder;
    @FXML private VBox tilesEmptyState;
    @FXML private Label tilesEmptyDetail;
    @FXML private Label tilesEmptyTitle;
    @FXML private Label decisionsEmptyTitle;
    @FXML private Label decisionsEmptyText;
    @FXML private StackPane detailPane;
    @FXML private javafx.scene.control.TabPane bottomTabs;
    @FXML private javafx.scene.control.Tab decisionsTab;
    @FXML private javafx.scene.control.Tab chartTab;
    @FXML private StackPane decisionsContent;
    @FXML private StackPane chartContent;
    @FXML private StackPane healthContent;
    @FXML private StackPane handoffsContent;
    @FXML private javafx.scene.control.Tab handoffsTab;
    @FXML private javafx.scene.control.Tab healthTab;
    @FXML private StatusBar statusBar;
    @FXML private RadioMenuItem darkThemeItem;
    @FXML private RadioMenuItem lightThemeItem;
    @FXML private CheckMenuItem showDetailItem;
    @FXML private CheckMenuItem showBottomItem;
    @FXML private javafx.scene.control.TabPane mainTabs;
    @FXML private javafx.scene.control.Tab tilesTab;
    @FXML private javafx.scene.control.Tab tableTab;
    @FXML private javafx.scene.control.Tab positionsTab;
    @FXML private javafx.scene.control.Tab calibrationTab;
    @FXML private StackPane tableContent;
    @FXML private StackPane positionsContent;
    @FXML private StackPane calibrationContent;
    @FXML private VBox tilesTabContent;
    @FXML private VBox tableTabContent;
    @FXML private VBox positionsTabContent;
    @FXML private HBox tileToolbar;
    @FXML private Label tileOrderLabel;
    @FXML private Label tileKeysHint;
    @FXML private javafx.scene.control.MenuItem tilesViewItem;
    @FXML private javafx.scene.control.MenuItem tableViewItem;
    @FXML private javafx.scene.control.MenuItem positionsViewItem;
    @FXML private javafx.scene.control.MenuItem chartViewItem;
    @FXML private javafx.scene.control.MenuItem calibrationViewItem;

    public MainWindowView(MainWindowViewModel viewModel, Actions actions) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.actions = Objects.requireNonNull(actions);
    }

    /** Loads the FXML with this instance as its controller. */
    public Parent load() {
        return Fxml.load(this, "MainWindow.fxml");
    }

    @FXML
    private void initialize() {
        deskNameLabel.textProperty().bind(viewModel.deskNameProperty());
        accountLabel.textProperty().bind(viewModel.accountCaptionProperty());
        equityLabel.textProperty().bind(viewModel.equityTextProperty());
        drawdownLabel.textProperty().bind(viewModel.drawdownTextProperty());
        toggleClass(equityLabel, "no-data", !viewModel.accountKnownProperty().get());
        toggleClass(drawdownLabel, "no-data", !viewModel.accountKnownProperty().get());
        viewModel.accountKnownProperty().addListener((obs, was, known) -> {
            toggleClass(equityLabel, "no-data", !known);
            toggleClass(drawdownLabel, "no-data", !known);
        });
        viewModel.emergencyProperty().addListener((obs, was, now) -> toggleClass(drawdownLabel, "danger", now));

        errorBanner.visibleProperty().bind(viewModel.errorVisibleProperty());
        errorBanner.managedProperty().bind(viewModel.errorVisibleProperty());
        errorBannerText.textProperty().bind(viewModel.errorTextProperty());

        statusBar.textProperty().bind(viewModel.statusTextProperty());
        tilesEmptyDetail.textProperty().bind(viewModel.tilesWaitingTextProperty());
        tilesEmptyTitle.textProperty().bind(viewModel.tilesTitleProperty());
        decisionsEmptyTitle.textProperty().bind(viewModel.decisionsTitleProperty());
        decisionsEmptyText.textProperty().bind(viewModel.decisionsTextProperty());
        tilesEmptyState.visibleProperty().bind(Bindings.isEmpty(tilePane.getChildren()));

        viewModel.services().forEach(service -> healthLights.getChildren().add(healthLight(service)));

        darkThemeItem.setSelected(viewModel.themeProperty().get() == Theme.DARK);
        lightThemeItem.setSelected(viewModel.themeProperty().get() == Theme.LIGHT);
        darkThemeItem.setOnAction(e -> viewModel.themeProperty().set(Theme.DARK));
        lightThemeItem.setOnAction(e -> viewModel.themeProperty().set(Theme.LIGHT));
        showDetailItem.selectedProperty().addListener((obs, was, show) -> showDetail(show));
        // "/" jumps to the tile filter from anywhere but a text field
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            boolean typing = root.getScene() != null && root.getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl;
            if ("/".equals(e.getCharacter()) && !typing) {
                tileFilter.requestFocus();
                e.consume();
            }
        });
        showBottomItem.selectedProperty().addListener((obs, was, show) -> showBottom(show));
        // Ctrl+1…5 choose the main view
        tilesViewItem.setOnAction(e -> mainTabs.getSelectionModel().select(tilesTab));
        tableViewItem.setOnAction(e -> mainTabs.getSelectionModel().select(tableTab));
        positionsViewItem.setOnAction(e -> mainTabs.getSelectionModel().select(positionsTab));
        chartViewItem.setOnAction(e -> mainTabs.getSelectionModel().select(chartTab));
        calibrationViewItem.setOnAction(e -> mainTabs.getSelectionModel().select(calibrationTab));
        // the filter toolbar serves the three symbol views: it moves to the one on show (the order is the tiles' own)
        mainTabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> placeToolbar(now));
        placeToolbar(mainTabs.getSelectionModel().getSelectedItem());
    }

    private void placeToolbar(javafx.scene.control.Tab tab) {
        VBox host = tab == tableTab ? tableTabContent : tab == positionsTab ? positionsTabContent : tab == tilesTab ? tilesTabContent : null;
        if (host != null && tileToolbar.getParent() != host) {
            ((javafx.scene.layout.Pane) tileToolbar.getParent()).getChildren().remove(tileToolbar);
            host.getChildren().addFirst(tileToolbar);
        }
        boolean tiles = tab == tilesTab;
        for (javafx.scene.Node tilesOnly : List.of(tileOrderLabel, tileOrder, tileKeysHint)) {
            tilesOnly.setVisible(tiles);
            tilesOnly.setManaged(tiles);
        }
    }

    private HBox healthLight(ServiceLightViewModel service) {
        Circle dot = new Circle(6);
        dot.getStyleClass().add("health-dot");
        Label name = new Label(service.serviceName());
        name.getStyleClass().add("health-light-name");
        Label state = new Label();
        state.getStyleClass().add("health-light-state");
        // Words next to the dot: the state reads without relying on colour.
        state.textProperty().bind(Bindings.createStringBinding(() -> service.stateProperty().get().label(), service.stateProperty()));
        HBox light = new HBox(dot, new VBox(name, state));
        light.getStyleClass().add("health-light");
        light.setId("health-" + service.serviceName().toLowerCase().replace(' ', '-'));
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(Bindings.createStringBinding(
                () -> service.serviceName() + ": " + service.stateProperty().get().label()
                        + (service.detailProperty().get().isBlank() ? "" : "\n" + service.detailProperty().get()),
                service.stateProperty(), service.detailProperty()));
        Tooltip.install(light, tooltip);
        applyStateClass(dot, service.stateProperty().get());
        service.stateProperty().addListener((obs, was, now) -> applyStateClass(dot, now));
        return light;
    }

    private static void applyStateClass(Circle dot, ServiceState state) {
        dot.getStyleClass().removeAll("ok", "degraded", "down", "auth");
        switch (state) {
            case OK -> dot.getStyleClass().add("ok");
            case DEGRADED -> dot.getStyleClass().add("degraded");
            case DOWN -> dot.getStyleClass().add("down");
            case AUTH_FAILED -> dot.getStyleClass().add("auth");
            case UNKNOWN, NOT_CONFIGURED -> { }
        }
    }

    private static void toggleClass(javafx.scene.Node node, String styleClass, boolean on) {
        node.getStyleClass().remove(styleClass);
        if (on) {
            node.getStyleClass().add(styleClass);
        }
    }

    private void showDetail(boolean show) {
        togglePane(horizontalSplit, detailPane, show);
    }

    private void showBottom(boolean show) {
        togglePane(verticalSplit, bottomTabs, show);
    }

    /** Hides or restores the second pane of a split, keeping where the divider was. */
    private static void togglePane(SplitPane split, javafx.scene.Node pane, boolean show) {
        if (show && !split.getItems().contains(pane)) {
            split.getItems().add(pane);
            Object saved = pane.getProperties().get("kd.divider");
            if (saved instanceof double[] dividers) {
                split.setDividerPositions(dividers);
            }
        } else if (!show && split.getItems().contains(pane)) {
            pane.getProperties().put("kd.divider", split.getDividerPositions());
            split.getItems().remove(pane);
        }
    }

    @FXML
    private void onSettings() {
        actions.openSettings();
    }

    @FXML
    private void onQuit() {
        actions.quit();
    }

    @FXML
    private void onLocalApi() {
        actions.showLocalApi();
    }

    @FXML
    private void onShortcuts() {
        actions.showShortcuts();
    }

    @FXML
    private void onUserGuide() {
        actions.showUserGuide();
    }

    @FXML
    private void onAbout() {
        actions.showAbout();
    }

    @FXML
    private void onDismissError() {
        viewModel.dismissError();
    }

    /** Where later features put their tiles; exposed for the tile grid and for tests. */
    public FlowPane tilePane() { return tilePane; }
    public javafx.scene.control.TextField tileFilter() { return tileFilter; }
    public javafx.scene.control.ToggleButton tradableOnly() { return tradableOnly; }
    public javafx.scene.control.ComboBox<TilesViewModel.TileOrder> tileOrder() { return tileOrder; }
    public StackPane detailPane() { return detailPane; }
    public StackPane decisionsContent() { return decisionsContent; }
    public javafx.scene.control.Tab decisionsTab() { return decisionsTab; }
    public javafx.scene.control.Tab chartTab() { return chartTab; }
    public StackPane chartContent() { return chartContent; }
    public StackPane healthContent() { return healthContent; }

    public StackPane handoffsContent() { return handoffsContent; }

    public javafx.scene.control.Tab handoffsTab() { return handoffsTab; }

    public javafx.scene.control.Tab healthTab() { return healthTab; }
    public javafx.scene.control.TabPane mainTabs() { return mainTabs; }
    public javafx.scene.control.TabPane bottomTabs() { return bottomTabs; }
    public javafx.scene.control.Tab tilesTab() { return tilesTab; }
    public javafx.scene.control.Tab tableTab() { return tableTab; }
    public javafx.scene.control.Tab positionsTab() { return positionsTab; }
    public javafx.scene.control.Tab calibrationTab() { return calibrationTab; }
    public StackPane tableContent() { return tableContent; }
    public StackPane positionsContent() { return positionsContent; }
    public StackPane calibrationContent() { return calibrationContent; }
    public SplitPane verticalSplit() { return verticalSplit; }
    public SplitPane horizontalSplit() { return horizontalSplit; }
    public Parent root() { return root; }
}

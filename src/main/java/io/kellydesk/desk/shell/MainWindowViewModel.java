package io.kellydesk.desk.shell;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import io.kellydesk.desk.fx.Theme;

/**
 * State of the main window's frame: header, health lights, error banner, status line. The numbers
 * start as "no data" and stay so until a service has answered: the window never shows an invented figure.
 */
public final class MainWindowViewModel {

    static final String NO_DATA = "—";

    private final StringProperty deskName = new SimpleStringProperty("Kelly Desk");
    private final StringProperty accountCaption = new SimpleStringProperty("waiting for the trading engine");
    private final StringProperty equityText = new SimpleStringProperty(NO_DATA);
    private final StringProperty drawdownText = new SimpleStringProperty(NO_DATA);
    private final BooleanProperty accountKnown = new SimpleBooleanProperty(false);
    private final BooleanProperty emergency = new SimpleBooleanProperty(false);
    private final StringProperty statusText = new SimpleStringProperty("Starting…");
    private final StringProperty tilesWaitingText = new SimpleStringProperty("");
    private final StringProperty tilesTitle = new SimpleStringProperty("No recommendations yet");
    private final StringProperty decisionsTitle = new SimpleStringProperty("No decision log open");
    private final StringProperty decisionsText = new SimpleStringProperty(
            "Every recommendation, hand-off and settings change is written to the local decision log.");
    private final StringProperty errorText = new SimpleStringProperty("");
    private final BooleanProperty errorVisible = new SimpleBooleanProperty(false);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.DARK);
    private final ObservableList<ServiceLightViewModel> services = FXCollections.observableArrayList();
    private int unseenErrors;

    public MainWindowViewModel(List<String> serviceNames) {
        serviceNames.forEach(name -> services.add(new ServiceLightViewModel(name)));
    }

    /** Shows a problem in the banner without blocking anything; repeated problems are counted, not stacked. */
    public void reportError(String message) {
        unseenErrors++;
        errorText.set(unseenErrors == 1 ? message : message + "  (" + unseenErrors + " problems since last dismissed)");
        errorVisible.set(true);
    }

    public void dismissError() {
        unseenErrors = 0;
        errorVisible.set(false);
        errorText.set("");
    }

    public StringProperty deskNameProperty() { return deskName; }
    public StringProperty accountCaptionProperty() { return accountCaption; }
    public StringProperty equityTextProperty() { return equityText; }
    public StringProperty drawdownTextProperty() { return drawdownText; }
    public BooleanProperty accountKnownProperty() { return accountKnown; }
    public BooleanProperty emergencyProperty() { return emergency; }
    public StringProperty statusTextProperty() { return statusText; }
    public StringProperty tilesWaitingTextProperty() { return tilesWaitingText; }
    public StringProperty tilesTitleProperty() { return tilesTitle; }
    public StringProperty decisionsTitleProperty() { return decisionsTitle; }
    public StringProperty decisionsTextProperty() { return decisionsText; }
    public StringProperty errorTextProperty() { return errorText; }
    public BooleanProperty errorVisibleProperty() { return errorVisible; }
    public ObjectProperty<Theme> themeProperty() { return theme; }
    public ObservableList<ServiceLightViewModel> services() { return services; }
}

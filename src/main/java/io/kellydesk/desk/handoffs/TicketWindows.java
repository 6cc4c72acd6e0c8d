package io.kellydesk.desk.handoffs;

import io.kellydesk.core.HandoffRecord;
import io.kellydesk.core.HandoffStatus;
import io.kellydesk.desk.ticket.TicketView;
import io.kellydesk.desk.ticket.TicketViewModel;
import io.kellydesk.engine.SymbolSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/**
 * The ticket windows: one per symbol, opened as the view model decides a Hand off; progress goes to the open ticket;
 * a clipboard ticket is copied when ready. FX thread.
 */
public final class TicketWindows {

    private final HandoffViewModel viewModel;
    private final Supplier<Window> owner;
    private final Supplier<List<String>> stylesheets;
    private final Map<String, TicketView> open = new HashMap<>();

    public TicketWindows(HandoffViewModel viewModel, Supplier<Window> owner, Supplier<List<String>> stylesheets) {
        this.viewModel = viewModel;
        this.owner = owner;
        this.stylesheets = stylesheets;
    }

    public void activate() {
        viewModel.activate(this::changed);
    }

    public void deactivate() {
        viewModel.deactivate();
        // hiding a ticket removes it from the map (its onHidden): iterate over a copy
        List.copyOf(open.values()).forEach(t -> t.stage().hide());
        open.clear();
    }

    private void changed(HandoffRecord handoff) {
        TicketView ticket = open.get(handoff.symbol());
        if (ticket != null) {
            ticket.viewModel().progress(handoff);
        }
        if (handoff.status() == HandoffStatus.COPIED) {
            ClipboardContent content = new ClipboardContent();
            content.putString(handoff.detail().orElse(""));
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    /** The trader clicked Hand off (or pressed the hotkey) on {@code snapshot}: the ticket it opens, if any. */
    public Optional<TicketView> handOff(SymbolSnapshot snapshot) {
        return switch (viewModel.handOff(snapshot)) {
            case HandoffViewModel.Next.Refused refused -> Optional.empty();
            case HandoffViewModel.Next.Sent sent -> Optional.empty();
            case HandoffViewModel.Next.Retry retry -> Optional.of(show(snapshot.symbol(), TicketViewModel.retrying(retry.ticket(),
                    retry.earlier(), snapshot.recommendation().inputs().quote(), viewModel.port(), viewModel.tasks())));
            case HandoffViewModel.Next.Review review -> {
                TicketView showing = open.get(snapshot.symbol());
                if (showing != null && showing.stage().isShowing() && !showing.viewModel().spentProperty().get()) {
                    showing.stage().toFront();
                    yield Optional.of(showing);
                }
                yield Optional.of(show(snapshot.symbol(), new TicketViewModel(review.ticket(),
                        snapshot.recommendation().inputs().quote(), viewModel.port(), viewModel.tasks())));
            }
        };
    }

    private TicketView show(String symbol, TicketViewModel model) {
        TicketView earlier = open.get(symbol);
        if (earlier != null) {
            earlier.stage().hide();
        }
        TicketView view = new TicketView(model);
        view.open(owner.get(), stylesheets.get());
        open.put(symbol, view);
        view.stage().setOnHidden(e -> open.remove(symbol, view));
        return view;
    }
}

package io.kellydesk.desk.alerts;

import io.kellydesk.core.AlertKind;
import io.kellydesk.engine.DeskAlerts;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.media.AudioClip;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows each alert as a ControlsFX notification at the window's bottom right (the top right holds the service lights and the banner's Dismiss) (its popup takes the window's stylesheets,
 * so it is drawn in the theme's palette), and plays the alert sound when the trader asked for it. Warnings (emergency, a service down, a failed
 * handoff) stay 12 s, the rest 6 s. FX thread.
 */
public final class AlertsView {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsView.class);

    private final Supplier<Window> owner;
    private AudioClip sound;
    private int shown;

    public AlertsView(Supplier<Window> owner) {
        this.owner = owner;
    }

    private final java.util.List<DeskAlerts.Alert> newTrades = new java.util.ArrayList<>();
    private boolean flushAsked;

    /**
     * New trades that come in the same moment (the desk starting, a settings change re-sizing every symbol) make one
     * notification naming them all; every warning has its own, so an EMERGENCY is never folded into a summary.
     */
    public void show(DeskAlerts.Alert alert) {
        shown++;
        if (alert.kind() == AlertKind.NEW_TRADE) {
            newTrades.add(alert);
            if (!flushAsked) {
                flushAsked = true;
                javafx.application.Platform.runLater(this::flushNewTrades);
            }
            return;
        }
        notify(alert.title(), alert.text(), alert.kind() != AlertKind.SERVICE_UP && !alert.subject().endsWith("(over)"), alert.sound());
    }

    private void flushNewTrades() {
        flushAsked = false;
        if (newTrades.isEmpty()) {
            return;
        }
        boolean sound = newTrades.stream().anyMatch(DeskAlerts.Alert::sound);
        if (newTrades.size() == 1) {
            notify(newTrades.getFirst().title(), newTrades.getFirst().text(), false, sound);
        } else {
            StringBuilder text = new StringBuilder();
            newTrades.stream().limit(6).forEach(a -> text.append(a.subject()).append(": ").append(a.text()).append('\n'));
            if (newTrades.size() > 6) {
                text.append("and ").append(newTrades.size() - 6).append(" more: see the tiles");
            }
            notify(newTrades.size() + " new trades", text.toString().strip(), false, sound);
        }
        newTrades.clear();
    }

    private void notify(String title, String text, boolean warning, boolean sound) {
        Notifications n = Notifications.create().title(title).text(text).position(Pos.BOTTOM_RIGHT)
                .hideAfter(javafx.util.Duration.seconds(warning ? 12 : 6));
        Window window = owner.get();
        if (window != null && window.isShowing()) {
            n.owner(window);
        }
        if (warning) {
            n.showWarning();
        } else {
            n.showInformation();
        }
        if (sound) {
            beep();
        }
    }

    private void beep() {
        try {
            if (sound == null) {
                sound = new AudioClip(AlertsView.class.getResource("/io/kellydesk/desk/alerts/alert.wav").toExternalForm());
            }
            sound.play();
        } catch (RuntimeException | LinkageError noAudio) {
            LOG.debug("No alert sound on this machine: {}", noAudio.toString()); // a PC without audio still shows the alert
        }
    }

    /** How many alerts were shown, folded or not (tests count them). */
    public int shownCount() {
        return shown;
    }
}

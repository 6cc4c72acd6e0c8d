package io.kellydesk.core;

/**
 * Which events the desk announces with a notification, and whether with a sound: the trader's choice, in the Desk
 * settings. Every kind is on by default; the sound is off (a trading floor is loud enough).
 *
 * @param newTrade  a symbol turned TRADE (or its target changed while TRADE)
 * @param emergency the drawdown passed the emergency trigger
 * @param service   a service went down or came back
 * @param handoff   a handed-off order was rejected or failed
 * @param sound     a short system beep with each notification
 */
public record AlertPreferences(boolean newTrade, boolean emergency, boolean service, boolean handoff, boolean sound) {

    public static AlertPreferences defaults() {
        return new AlertPreferences(true, true, true, true, false);
    }

    public boolean enabled(AlertKind kind) {
        return switch (kind) {
            case NEW_TRADE -> newTrade;
            case EMERGENCY -> emergency;
            case SERVICE_DOWN, SERVICE_UP -> service;
            case HANDOFF_FAILED -> handoff;
        };
    }
}

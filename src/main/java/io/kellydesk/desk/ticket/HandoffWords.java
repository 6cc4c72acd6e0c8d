package io.kellydesk.desk.ticket;

import io.kellydesk.core.HandoffRecord;

/** A handoff's state in the few words a tile, the detail pane and a notification use. */
public final class HandoffWords {

    private HandoffWords() {
    }

    public static String shortNote(HandoffRecord h) {
        return switch (h.status()) {
            case PENDING, SENDING -> "handing off…";
            case ACCEPTED -> "handed off " + h.engineOrderId().orElse("");
            case REJECTED -> "handoff rejected";
            case AUTH_FAILED -> "handoff: authentication refused";
            case FAILED -> h.target() == io.kellydesk.core.HandoffTarget.ENGINE ? "outcome unknown: retry same id" : "handoff failed";
            case COPIED -> "ticket copied";
            case WRITTEN -> "ticket written";
            case UNRESOLVED -> "outcome unknown: retry same id";
            case NOT_RECEIVED -> "engine never got it: resend same id";
            case DISMISSED -> "handoff dismissed";
        };
    }

    /** "BUY 2 NQZ26-CME" */
    public static String order(HandoffRecord h) {
        return h.side().name() + " " + h.quantityContracts() + " " + h.symbol();
    }
}

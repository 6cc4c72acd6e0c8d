package io.kellydesk.store;

/** The decision log cannot be used as asked; the message says why and what the desk does about it. */
public final class DecisionLogException extends Exception {

    public DecisionLogException(String message, Throwable cause) {
        super(message, cause);
    }
}

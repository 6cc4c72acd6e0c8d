package io.kellydesk.settings;

import io.kellydesk.core.PinAttempt;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;

/**
 * Adds a named risk officer at the desk PC's terminal: the PIN is read twice without echo, and refused when the two
 * differ or it is too short. Without a terminal nobody is added (a PIN piped in could come from anywhere).
 */
public final class OfficerSetup {

    /** Reads one line without showing it; empty when there is no terminal to read from. */
    public interface HiddenInput {
        Optional<char[]> read(String prompt);

        boolean isTerminal();
    }

    private OfficerSetup() {
    }

    /** @return the process exit code: 0 added, 1 refused (names why), 2 no terminal */
    public static int run(String name, OfficerRegistry officers, HiddenInput input, PrintWriter out, PrintWriter err) {
        if (!input.isTerminal()) {
            err.println("kelly-desk: --add-officer needs a terminal: run it at the desk PC, where the PIN is typed unseen.");
            err.flush();
            return 2;
        }
        char[] first = input.read("PIN for risk officer " + name + " (at least " + PinAttempt.MIN_LENGTH + " characters): ")
                .orElse(new char[0]);
        char[] second = input.read("The same PIN again: ").orElse(new char[0]);
        try {
            if (!Arrays.equals(first, second)) {
                err.println("kelly-desk: the two PINs differ; nobody was added.");
                return 1;
            }
            officers.add(name, first);
            out.println("Risk officer " + name + " added. The PIN is kept as a salted PBKDF2 hash; the settings window unlocks"
                    + " the limits with it.");
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("kelly-desk: " + e.getMessage() + "; nobody was added.");
            return 1;
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(second, '\0');
            out.flush();
            err.flush();
        }
    }
}

package io.kellydesk.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.kellydesk.core.PinAttempt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The named risk officers of this desk PC, each with a PIN kept as a salted PBKDF2 hash (one {@link OfficerPin} file
 * per officer under {@code officers/}). Officers are added only at the PC's terminal ({@code --add-officer NAME}) or
 * by the firm's settings file carrying their hashes; never from the settings window.
 */
public final class OfficerRegistry {

    /** A name as the audit shows it: letters, digits, dot, dash, underscore; 1 to 40. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    private final Path dir;
    private final Clock clock;
    private final int iterations;

    /** @param iterations PBKDF2 iterations for a PIN set here */
    public OfficerRegistry(Path dir, Clock clock, int iterations) {
        this.dir = Objects.requireNonNull(dir);
        this.clock = Objects.requireNonNull(clock);
        this.iterations = iterations;
    }

    /** The officers set up, by name. */
    public synchronized List<String> names() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).filter(n -> NAME.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the risk officers in " + dir + ": " + e.getMessage(), e);
        }
    }

    public boolean isEmpty() {
        return names().isEmpty();
    }

    /** Adds {@code name} with {@code pin}; refused for a bad or taken name, or a short PIN. */
    public synchronized void add(String name, char[] pin) {
        checkName(name);
        if (names().contains(name)) {
            throw new IllegalArgumentException("a risk officer named " + name + " is already set up");
        }
        pin(name).setFirst(pin);
    }

    /**
     * Takes an officer from the firm's settings file ({@code {"name", "salt", "hash", "iterations"}}, as this desk
     * writes them) unless one of that name is set up already. Returns whether it was added.
     */
    public synchronized boolean provision(JsonNode officer) {
        String name = officer.path("name").asText("");
        checkName(name);
        if (names().contains(name)) {
            return false;
        }
        pin(name).provision(officer.path("salt").asText(""), officer.path("hash").asText(""), officer.path("iterations").asInt(0));
        return true;
    }

    /**
     * Takes the officers of the firm's settings file (its {@code "officers"} list), each unless already set up here.
     * A damaged entry is skipped and named in the returned problems; the others still count.
     */
    public synchronized List<String> provisionFrom(JsonNode settingsRoot) {
        List<String> problems = new java.util.ArrayList<>();
        for (JsonNode officer : settingsRoot.path("officers")) {
            try {
                provision(officer);
            } catch (RuntimeException e) {
                problems.add("officer \"" + officer.path("name").asText("?") + "\" in the settings file not taken: " + e.getMessage());
            }
        }
        return problems;
    }

    /** Checks {@code pin} for {@code name}: an unknown name counts as a wrong PIN of nobody. */
    public synchronized PinAttempt verify(String name, char[] pin) {
        if (name == null || !NAME.matcher(name).matches() || !names().contains(name)) {
            return new PinAttempt.Wrong(PinAttempt.MAX_WRONG_TRIES);
        }
        return pin(name).verify(pin);
    }

    /** Until when wrong tries locked {@code name}'s PIN, if they did. */
    public synchronized Optional<Instant> lockedUntil(String name) {
        return names().contains(name) ? pin(name).lockedUntil() : Optional.empty();
    }

    private OfficerPin pin(String name) {
        return new OfficerPin(dir.resolve(name + ".json"), clock, iterations);
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an officer's name is 1 to 40 letters, digits, '.', '-' or '_' (was \"" + name + "\")");
        }
    }
}

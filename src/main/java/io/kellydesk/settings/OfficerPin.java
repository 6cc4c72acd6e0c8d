package io.kellydesk.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.kellydesk.core.PinAttempt;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The risk officer's PIN: stored only as a salted PBKDF2-HMAC-SHA256 hash, with the count of wrong tries and the
 * lock-out kept in the same file so a restart does not reset them. Five wrong tries lock it for five minutes.
 * Hashing is deliberately slow (hundreds of ms): call it off the FX thread.
 */
public final class OfficerPin {

    public static final int MAX_WRONG_TRIES = PinAttempt.MAX_WRONG_TRIES;
    public static final Duration LOCK_OUT = PinAttempt.LOCK_OUT;
    public static final int MIN_LENGTH = PinAttempt.MIN_LENGTH;
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    private final Path file;
    private final Clock clock;
    private final int iterations;
    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();

    /** @param iterations PBKDF2 iterations for a newly set PIN; a stored PIN keeps the count it was hashed with */
    public OfficerPin(Path file, Clock clock, int iterations) {
        this.file = Objects.requireNonNull(file);
        this.clock = Objects.requireNonNull(clock);
        this.iterations = iterations;
    }

    public synchronized boolean isSet() {
        return Files.exists(file);
    }

    /** Sets the PIN on first use; refuses to replace one (that needs the old PIN: {@link #change}). */
    public synchronized void setFirst(char[] pin) {
        if (isSet()) {
            throw new IllegalStateException("a PIN is already set");
        }
        write(pin, 0, null);
    }

    /** Takes a hash made elsewhere (the firm's settings file); refuses to replace one. */
    public synchronized void provision(String saltBase64, String hashBase64, int hashIterations) {
        if (isSet()) {
            throw new IllegalStateException("a PIN is already set");
        }
        if (saltBase64.isBlank() || hashBase64.isBlank() || hashIterations < 1) {
            throw new IllegalArgumentException("an officer from the settings file needs its salt, hash and iterations");
        }
        Base64.getDecoder().decode(saltBase64); // refuses what is not Base64 before anything is written
        Base64.getDecoder().decode(hashBase64);
        ObjectNode node = mapper.createObjectNode();
        node.put("algorithm", ALGORITHM);
        node.put("iterations", hashIterations);
        node.put("salt", saltBase64);
        node.put("hash", hashBase64);
        node.put("wrong_tries", 0);
        save(node);
    }

    /** Replaces the PIN after checking the current one. */
    public synchronized PinAttempt change(char[] current, char[] next) {
        PinAttempt attempt = verify(current);
        if (attempt instanceof PinAttempt.Accepted) {
            write(next, 0, null);
        }
        return attempt;
    }

    /** Checks {@code pin}; counts a wrong one and locks out after {@link #MAX_WRONG_TRIES}. */
    public synchronized PinAttempt verify(char[] pin) {
        JsonNode stored = read();
        Instant now = clock.instant();
        if (stored.hasNonNull("locked_until_ms")) {
            Instant until = Instant.ofEpochMilli(stored.get("locked_until_ms").asLong());
            if (now.isBefore(until)) {
                return new PinAttempt.LockedOut(until);
            }
        }
        byte[] salt = Base64.getDecoder().decode(stored.get("salt").asText());
        byte[] expected = Base64.getDecoder().decode(stored.get("hash").asText());
        byte[] actual = hash(pin, salt, stored.get("iterations").asInt());
        ObjectNode updated = (ObjectNode) stored.deepCopy();
        if (MessageDigest.isEqual(expected, actual)) {
            updated.put("wrong_tries", 0);
            updated.remove("locked_until_ms");
            save(updated);
            return new PinAttempt.Accepted();
        }
        // A lock-out that has run out starts a fresh count of five.
        int wrong = (stored.hasNonNull("locked_until_ms") ? 0 : stored.path("wrong_tries").asInt(0)) + 1;
        updated.remove("locked_until_ms");
        if (wrong >= MAX_WRONG_TRIES) {
            Instant until = now.plus(LOCK_OUT);
            updated.put("wrong_tries", 0);
            updated.put("locked_until_ms", until.toEpochMilli());
            save(updated);
            return new PinAttempt.LockedOut(until);
        }
        updated.put("wrong_tries", wrong);
        save(updated);
        return new PinAttempt.Wrong(MAX_WRONG_TRIES - wrong);
    }

    /** When the PIN is locked out, until when. */
    public synchronized Optional<Instant> lockedUntil() {
        if (!isSet()) {
            return Optional.empty();
        }
        JsonNode stored = read();
        if (!stored.hasNonNull("locked_until_ms")) {
            return Optional.empty();
        }
        Instant until = Instant.ofEpochMilli(stored.get("locked_until_ms").asLong());
        return clock.instant().isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    private void write(char[] pin, int wrongTries, Instant lockedUntil) {
        if (pin.length < MIN_LENGTH) {
            throw new IllegalArgumentException("a PIN needs at least " + MIN_LENGTH + " characters");
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        ObjectNode node = mapper.createObjectNode();
        node.put("algorithm", ALGORITHM);
        node.put("iterations", iterations);
        node.put("salt", Base64.getEncoder().encodeToString(salt));
        node.put("hash", Base64.getEncoder().encodeToString(hash(pin, salt, iterations)));
        node.put("wrong_tries", wrongTries);
        if (lockedUntil != null) {
            node.put("locked_until_ms", lockedUntil.toEpochMilli());
        }
        save(node);
    }

    private static byte[] hash(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private JsonNode read() {
        try {
            JsonNode node = mapper.readTree(file.toFile());
            if (node == null || !node.hasNonNull("salt") || !node.hasNonNull("hash") || !node.hasNonNull("iterations")) {
                throw new IllegalStateException("The officer PIN file " + file + " is damaged; remove it to set a new PIN.");
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the officer PIN file " + file + ": " + e.getMessage(), e);
        }
    }

    private void save(ObjectNode node) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".pin-", ".tmp");
            Files.writeString(temp, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the officer PIN file " + file + ": " + e.getMessage(), e);
        }
    }
}

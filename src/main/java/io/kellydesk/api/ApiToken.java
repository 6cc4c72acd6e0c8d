package io.kellydesk.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token every request to the local API must carry: generated on first start into the data folder as
 * {@code api-token}, readable by the owner only (where the file system has POSIX permissions).
 */
public final class ApiToken {

    public static final String FILE_NAME = "api-token";

    private final Path file;
    private final byte[] value;

    private ApiToken(Path file, String value) {
        this.file = file;
        this.value = value.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the token from {@code dataDir}, creating it (32 random bytes, URL-safe Base64) the first time. */
    public static ApiToken loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!text.isEmpty()) {
                    return new ApiToken(file, text);
                }
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(dataDir);
            Path temp = Files.createTempFile(dataDir, ".api-token-", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, token + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new ApiToken(file, token);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the API token " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether an {@code Authorization} header value carries this token ("Bearer …"); constant time. */
    public boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(value, authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }

    public Path file() {
        return file;
    }

    /** The token itself (for tests and the Help box's curl line). */
    public String value() {
        return new String(value, StandardCharsets.UTF_8);
    }
}

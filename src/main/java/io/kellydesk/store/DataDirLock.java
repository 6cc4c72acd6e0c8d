package io.kellydesk.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One desk per data folder: an OS file lock on {@code kelly-desk.lock}, released when the process ends
 * (even by kill -9), so a crashed desk never leaves a stale lock behind.
 */
public final class DataDirLock implements AutoCloseable {

    static final String FILE_NAME = "kelly-desk.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process holds it; {@code holder} then says who, when known. */
    public static Optional<DataDirLock> tryAcquire(Path dataDir, StringBuilder holder) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            ByteBuffer buffer = ByteBuffer.allocate(256);
            channel.read(buffer, 0);
            holder.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim());
            channel.close();
            return Optional.empty();
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return Optional.of(new DataDirLock(channel, lock));
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}

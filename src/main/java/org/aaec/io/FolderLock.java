package org.aaec.io;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * An exclusive lock on a folder, held by one writer at a time across processes (an OS file lock on
 * {@code .aaec.lock} in the folder) and across threads of one process. The lock file names its
 * holder (process id, host, since when) so that a second writer can say who is in the way. The OS
 * releases the lock when the holder dies, so a killed run never leaves a folder locked. The file
 * itself stays: deleting it while another process waits on it would let two writers in.
 */
public final class FolderLock implements AutoCloseable {

    /** Name of the lock file inside the folder. */
    public static final String FILE_NAME = ".aaec.lock";

    private static final long POLL_MILLIS = 200;

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when the folder is locked by someone else. */
    public static final class BusyException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String holder;

        BusyException(Path dir, String holder) {
            super(dir + " is in use by " + holder);
            this.holder = holder;
        }

        /** Who holds the lock, as its lock file says ({@code process 123 on host since ...}). */
        public String holder() {
            return holder;
        }
    }

    /**
     * Takes the lock or fails at once.
     *
     * @param dir the folder (created if needed)
     * @return the held lock; close it to release
     * @throws BusyException naming the holder when another writer has it
     * @throws IOException when the lock file cannot be opened
     */
    public static FolderLock tryAcquire(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // another thread of this process holds it
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            String holder = holder(ch);
            ch.close();
            throw new BusyException(dir, holder);
        }
        String me = "process " + ProcessHandle.current().pid() + " on " + host() + " since "
                + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
        return new FolderLock(ch, l);
    }

    /**
     * Takes the lock, waiting as long as another writer holds it.
     *
     * @param dir the folder
     * @param waiting told once, with the holder's description, when the lock is busy
     * @return the held lock
     * @throws IOException when the lock file cannot be opened or the wait is interrupted
     */
    public static FolderLock acquire(Path dir, Consumer<String> waiting) throws IOException {
        int polls = 0;
        boolean told = false;
        while (true) {
            try {
                return tryAcquire(dir);
            } catch (BusyException e) {
                // the holder writes its name just after taking the lock: give it a few polls to appear
                if (!told && (!e.holder().equals(UNKNOWN) || ++polls > 10)) {
                    waiting.accept(e.holder());
                    told = true;
                }
            }
            try {
                // while the holder's name is still unwritten, look again soon rather than after a full poll
                Thread.sleep(told || polls > 10 ? POLL_MILLIS : 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the lock on " + dir, e);
            }
        }
    }

    private static final String UNKNOWN = "another process";

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(512);
            int n = ch.read(buf, 0);
            String s = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? UNKNOWN : s;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    private static String host() {
        String name = ManagementFactory.getRuntimeMXBean().getName(); // pid@host on HotSpot
        int at = name.indexOf('@');
        return at >= 0 ? name.substring(at + 1) : "this host";
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}

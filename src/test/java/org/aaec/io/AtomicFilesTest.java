package org.aaec.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes leave files as readable as any other the user makes, and their leftovers can be swept. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    /** The umask decides, as for a file made the plain way (Files.createTempFile would give 0600). */
    @Test
    void writtenFilesHaveTheModeOfAnyNewFile() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path atomic = dir.resolve("model.aaec");
        AtomicFiles.write(atomic, new byte[] {1, 2, 3});
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertEquals(expected, Files.getPosixFilePermissions(atomic));
        assertTrue(expected.contains(PosixFilePermission.OWNER_READ));
    }

    @Test
    void leftoversOfAKilledWriteAreRemovedAndNothingElse() throws Exception {
        Path left = Files.write(dir.resolve(".checkpoint.zip.k3j4h5.tmp"), new byte[25]);
        Path kept = Files.write(dir.resolve("notes.tmp"), new byte[1]);
        Path data = Files.write(dir.resolve("checkpoint.zip"), new byte[1]);
        assertEquals(1, AtomicFiles.removeLeftovers(dir));
        assertFalse(Files.exists(left));
        assertTrue(Files.exists(kept), "not one of ours: no leading dot");
        assertTrue(Files.exists(data));
    }
}

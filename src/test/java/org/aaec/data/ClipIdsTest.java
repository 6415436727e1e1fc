package org.aaec.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aaec.features.FeatureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Clip ids become file names in a store: a manifest can never make one a path. */
class ClipIdsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"../../x", "/etc/passwd", "a/b", "a\\b", "..", ".", "tab\there", "nl\nhere"})
    void aManifestIdThatIsAPathIsRefusedNamingTheLine(String id) throws Exception {
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "path,id,speaker\nclip0.wav,ok,s1\nclip1.wav,\"" + id + "\",s1\n");
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestCsv.read(csv));
        assertTrue(e.getMessage().startsWith(csv + ":3: "), "names the manifest and its line: " + e.getMessage());
        assertTrue(e.getMessage().contains("must not be a path"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "control characters are shown escaped: " + e.getMessage());
    }

    @Test
    void idsThatAreNamesPass() {
        for (String id : new String[] {"03-01-05-02-01-01-08", ".hidden", "a..b", "Ünïcödé 1", "x:y"}) {
            assertNull(ClipIds.whyUnsafe(id), id);
        }
        assertTrue(ClipIds.whyUnsafe("x".repeat(ClipIds.MAX_LENGTH + 1)).contains("longer"));
    }

    @Test
    void idsDerivedFromFileNamesAreAlwaysSafe() {
        Path root = dir;
        List<Path> files = List.of(root.resolve("a/x\ty.wav"), root.resolve("b/x\ty.wav"), root.resolve("..wav"),
                root.resolve("z" + "é".repeat(150) + ".wav"));
        Map<Path, String> ids = ClipIds.assign(files, root);
        for (String id : ids.values()) {
            assertNull(ClipIds.whyUnsafe(id), id);
        }
        assertEquals("a__x_y", ids.get(files.get(0)));
        assertEquals("_.", ids.get(files.get(2)), "a name that would be the current folder");
    }

    /** The store refuses such an id too, whichever way it came in. */
    @Test
    void theStoreNeverResolvesAnIdOutsideItsFolder() throws Exception {
        FeatureStore store = FeatureStore.createOrOpen(dir.resolve("store"), org.aaec.features.FeatureConfig.defaults());
        assertThrows(IllegalArgumentException.class, () -> store.clipFile("../../x"));
        assertEquals(dir.resolve("store/clips/ok.npy"), store.clipFile("ok"));
    }
}

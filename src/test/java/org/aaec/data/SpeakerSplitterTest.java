package org.aaec.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aaec.testutil.Shared;
import org.junit.jupiter.api.Test;

/** No speaker ever appears in two splits; the seed fixes the assignment. */
class SpeakerSplitterTest {

    private static Manifest ravdess() throws Exception {
        return PatternCorpusReader.ravdess(LabelMap.builtin("ravdess")).read(Shared.corpus("ravdess"));
    }

    private static void assertNoSpeakerCrossesSplits(Manifest m) {
        Map<String, Split> seen = new HashMap<>();
        for (ManifestEntry e : m.entries()) {
            Split before = seen.putIfAbsent(e.speakerGroup(), e.split());
            assertTrue(e.split() != null, "every clip has a split");
            assertTrue(before == null || before == e.split(), e.speakerGroup() + " is in " + before + " and " + e.split());
        }
    }

    @Test
    void trainValidationTestBySpeaker() throws Exception {
        Manifest m = SpeakerSplitter.split(ravdess(), 0.15, 0.15, 42);
        assertNoSpeakerCrossesSplits(m);
        assertEquals(16, m.speakers(Split.TRAIN).size());
        assertEquals(4, m.speakers(Split.VALIDATION).size());
        assertEquals(4, m.speakers(Split.TEST).size());
        assertEquals(16 * 60, m.entries(Split.TRAIN).size());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() throws Exception {
        Manifest base = ravdess();
        Set<String> a = SpeakerSplitter.split(base, 0.15, 0.15, 7).speakers(Split.TEST);
        Set<String> b = SpeakerSplitter.split(base, 0.15, 0.15, 7).speakers(Split.TEST);
        Set<String> c = SpeakerSplitter.split(base, 0.15, 0.15, 8).speakers(Split.TEST);
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void kFoldPutsEverySpeakerInTestExactlyOnce() throws Exception {
        Manifest base = ravdess();
        List<Manifest> folds = SpeakerSplitter.kFold(base, 6, 3);
        assertEquals(6, folds.size());
        Set<String> tested = new HashSet<>();
        for (Manifest f : folds) {
            assertNoSpeakerCrossesSplits(f);
            assertEquals(4, f.speakers(Split.TEST).size());
            assertEquals(4, f.speakers(Split.VALIDATION).size());
            for (String s : f.speakers(Split.TEST)) {
                assertTrue(tested.add(s), s + " tested twice");
            }
        }
        assertEquals(base.speakers(null), tested);
    }
}

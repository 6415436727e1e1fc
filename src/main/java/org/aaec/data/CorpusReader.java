package org.aaec.data;

import java.io.IOException;
import java.nio.file.Path;

/** Builds a manifest from a corpus folder laid out in one known way. */
public interface CorpusReader {

    /**
     * @param root the corpus folder
     * @return its clips with speakers and labels (splits left unassigned unless the corpus defines them)
     * @throws IOException naming the folder or file when the layout is not as expected
     */
    Manifest read(Path root) throws IOException;
}

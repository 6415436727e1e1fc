package org.aaec.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/** Standard output for a row writer: closing the rows flushes them and leaves the stream open. */
final class KeepOpen extends FilterWriter {

    KeepOpen(Writer w) {
        super(w);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}

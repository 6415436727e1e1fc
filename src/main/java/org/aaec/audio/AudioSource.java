package org.aaec.audio;

import java.io.Closeable;

/**
 * An open audio file read block by block, mixed to mono at the file's own rate: what lets a job
 * read the first seconds of a two-hour recording without decoding the rest, or walk through it
 * with memory bounded by one block.
 */
public interface AudioSource extends Closeable {

    /** The file's sample rate in Hz. */
    int sampleRate();

    /**
     * @return the next block of mono samples (never empty), or {@code null} at the end of the audio
     * @throws AudioInputException naming the file when it turns out to be damaged
     */
    float[] next() throws AudioInputException;

    /** Releases the file and the decoder's memory; never throws. */
    @Override
    void close();
}

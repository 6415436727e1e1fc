package org.aaec.audio;

import java.nio.file.Path;

/** Opens one audio file for reading, mixed to mono at the file's own sample rate. */
public interface AudioDecoder {

    /**
     * @param file an existing regular file
     * @return the audio, read block by block
     * @throws AudioInputException naming the file and the problem when it cannot be decoded
     */
    AudioSource open(Path file) throws AudioInputException;

    /**
     * Reads a whole file: for tests and short clips; jobs go through {@link AudioLoader}, which
     * bounds what it keeps.
     *
     * @param file an existing regular file
     * @return the mono mix of all channels at the file's sample rate
     * @throws AudioInputException naming the file and the problem when it cannot be decoded
     */
    default AudioClip decode(Path file) throws AudioInputException {
        try (AudioSource in = open(file)) {
            SampleBuffer all = new SampleBuffer();
            float[] block;
            while ((block = in.next()) != null) {
                all.append(block, block.length);
            }
            return new AudioClip(all.toArray(), in.sampleRate());
        }
    }
}

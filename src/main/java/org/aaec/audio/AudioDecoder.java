package org.aaec.audio;

import java.nio.file.Path;

/** Decodes one audio file into a mono clip at the file's own sample rate. */
public interface AudioDecoder {

    /**
     * @param file an existing regular file
     * @return the mono mix of all channels at the file's sample rate
     * @throws AudioInputException naming the file and the problem when it cannot be decoded
     */
    AudioClip decode(Path file) throws AudioInputException;
}

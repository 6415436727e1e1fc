package org.aaec.features;

import java.io.IOException;
import java.nio.file.Path;

/** A feature store that cannot be used as asked (other settings, missing index), naming its folder. */
public class FeatureStoreException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param dir the store folder
     * @param message what is wrong
     */
    public FeatureStoreException(Path dir, String message) {
        super(dir + ": " + message);
    }
}

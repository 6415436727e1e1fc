package org.aaec.serving;

/**
 * What an engine does for a recognizer: a batch of network inputs in, each head's class
 * probabilities out. The engine-specific part of prediction, behind one method.
 */
interface ClassifierRuntime extends AutoCloseable {

    /**
     * @param input {@code batch × frames × bins} floats, row-major
     * @param batch how many inputs
     * @return per head (in the model's head order) and input, the class probabilities
     */
    float[][][] probabilities(float[] input, int batch);

    @Override
    void close();
}

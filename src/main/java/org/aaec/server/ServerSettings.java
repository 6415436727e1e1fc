package org.aaec.server;

/**
 * How the service runs.
 *
 * @param host address to bind (loopback unless told otherwise)
 * @param port TCP port (0: any free one)
 * @param workers recognizers predicting in parallel (each holds the model once)
 * @param maxBatch most clips predicted together (1: no micro-batching)
 * @param maxDelayMillis longest a clip waits for others to join its batch
 * @param maxRequests requests admitted at once (being decoded, queued or predicted); more get 503
 * @param maxBodyBytes largest request body; larger gets 413
 * @param decodeTimeoutSeconds longest a body may take to decode; longer gets 408
 */
public record ServerSettings(String host, int port, int workers, int maxBatch, long maxDelayMillis, int maxRequests,
        long maxBodyBytes, double decodeTimeoutSeconds) {

    /** Checks the ranges. */
    public ServerSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
        }
        if (workers < 1 || maxBatch < 1 || maxRequests < 1) {
            throw new IllegalArgumentException("workers, batch size and admitted requests must be at least 1");
        }
        if (maxDelayMillis < 0 || maxBodyBytes < 1 || !(decodeTimeoutSeconds > 0)) {
            throw new IllegalArgumentException("delay must be >= 0, body limit and decode timeout positive");
        }
    }

    /**
     * Defaults: loopback, port 8080, one worker per core, batches of up to 8 clips waiting at most
     * 5 ms, 64 requests admitted, bodies up to 50 MB, 60 s to decode.
     *
     * @return the defaults
     */
    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", 8080, Runtime.getRuntime().availableProcessors(), 8, 5, 64,
                50L << 20, 60);
    }
}

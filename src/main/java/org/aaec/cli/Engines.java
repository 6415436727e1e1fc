package org.aaec.cli;

/** Engine settings that must be made before DJL loads PyTorch. */
final class Engines {

    private Engines() {
    }

    /**
     * @param threads intra-op threads, 0 to leave PyTorch's default (all cores)
     */
    static void configureThreads(int threads) {
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}

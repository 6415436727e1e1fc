package org.aaec.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The networks one configuration needs, initialised in one manager, with the forward passes the
 * trainer composes: encode, decode, discriminate, classify, and the generator's output X'
 * (Equation 1). The classifier alone needs only {@link Network#CLASSIFIER}.
 */
public final class AaecNetworks {

    private final ModelConfig config;
    private final Map<Network, Block> blocks;

    private AaecNetworks(ModelConfig config, Map<Network, Block> blocks) {
        this.config = config;
        this.blocks = Collections.unmodifiableMap(blocks);
    }

    /**
     * Builds and initialises the requested networks; their parameters live in {@code manager}.
     * Initialisation draws from the engine's random generator as it stands, so seed it first for a
     * repeatable start (or use the overload with a seed, which gives each network its own stream).
     *
     * @param config widths and input shape
     * @param which networks to build
     * @param manager owner of the parameters
     * @return the networks
     */
    public static AaecNetworks create(ModelConfig config, Set<Network> which, NDManager manager) {
        return create(config, which, manager, null);
    }

    /**
     * Builds and initialises the requested networks, each from its own random stream derived from
     * {@code seed} and the network's name: a seed then gives a network the same initial weights
     * whichever other networks the configuration has (the classifier of {@code classifier} and of
     * {@code aaec} start equal, so their comparison is paired in the weights too, not only in the
     * split).
     *
     * @param config widths and input shape
     * @param which networks to build
     * @param manager owner of the parameters
     * @param seed the run's seed
     * @return the networks
     */
    public static AaecNetworks create(ModelConfig config, Set<Network> which, NDManager manager, long seed) {
        return create(config, which, manager, Long.valueOf(seed));
    }

    /**
     * The engine seed of one network's stream: a SplitMix64 finaliser of the run's seed and the
     * network's name, so that streams of different networks and seeds do not overlap in practice.
     *
     * @param seed the run's seed
     * @param n the network
     * @return a non-negative engine seed
     */
    static int streamSeed(long seed, Network n) {
        long z = seed * 0x9E3779B97F4A7C15L + n.id().hashCode();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (int) (z & 0x7fffffff);
    }

    private static AaecNetworks create(ModelConfig config, Set<Network> which, NDManager manager, Long seed) {
        Map<Network, Block> blocks = new EnumMap<>(Network.class);
        Shape spectrogram = new Shape(1, config.frames(), config.bins());
        Shape latent = new Shape(1, config.latent());
        for (Network n : Network.values()) {
            if (!which.contains(n)) {
                continue;
            }
            Block b = switch (n) {
                case ENCODER -> new Encoder(config);
                case DECODER -> new Decoder(config);
                case DISCRIMINATOR -> new Discriminator(config);
                case CLASSIFIER -> new Classifier(config);
            };
            if (seed != null) {
                Engine.getInstance().setRandomSeed(streamSeed(seed, n));
            }
            b.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            boolean takesLatent = n == Network.DECODER || n == Network.DISCRIMINATOR;
            b.initialize(manager, DataType.FLOAT32, takesLatent ? latent : spectrogram);
            blocks.put(n, b);
        }
        return new AaecNetworks(config, blocks);
    }

    /** The widths and input shape. */
    public ModelConfig config() {
        return config;
    }

    /** Networks present. */
    public Set<Network> present() {
        return blocks.keySet();
    }

    /**
     * @param n a network
     * @return its block
     * @throws IllegalStateException when this configuration does not have it
     */
    public Block block(Network n) {
        Block b = blocks.get(n);
        if (b == null) {
            throw new IllegalStateException("this model has no " + n.id() + " (it has " + blocks.keySet() + ")");
        }
        return b;
    }

    /** {@code X (B, T, F) -> Z (B, latent)}. */
    public NDArray encode(ParameterStore ps, NDArray x, boolean training) {
        return block(Network.ENCODER).forward(ps, new NDList(x), training).head();
    }

    /** {@code Z or E (B, latent) -> (B, T, F)}. */
    public NDArray decode(ParameterStore ps, NDArray latent, boolean training) {
        return block(Network.DECODER).forward(ps, new NDList(latent), training).head();
    }

    /** {@code Z or E (B, latent) -> logit (B,)} of "drawn from the prior". */
    public NDArray discriminate(ParameterStore ps, NDArray latent, boolean training) {
        return block(Network.DISCRIMINATOR).forward(ps, new NDList(latent), training).head();
    }

    /** {@code X (B, T, F) -> [real/fake logit (B,), head logits (B, K)...]}. */
    public NDList classify(ParameterStore ps, NDArray x, boolean training) {
        return block(Network.CLASSIFIER).forward(ps, new NDList(x), training);
    }

    /**
     * The generator's synthetic sample X' (Equation 1).
     *
     * @param ps parameter store
     * @param reconstruction {@code Decoder(Z)} of the real batch, already computed
     * @param prior a prior sample E of the same batch size
     * @param kind averaged (proposed) or original generator
     * @param training training mode
     * @return X' of shape (B, T, F)
     */
    public NDArray generate(ParameterStore ps, NDArray reconstruction, NDArray prior, GeneratorKind kind,
            boolean training) {
        if (kind == GeneratorKind.ORIGINAL) {
            return reconstruction;
        }
        return decode(ps, prior, training).add(reconstruction).mul(0.5f);
    }
}

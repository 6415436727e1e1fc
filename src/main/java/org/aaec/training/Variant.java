package org.aaec.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.aaec.model.GeneratorKind;
import org.aaec.model.Network;

/**
 * The five configurations of Table 1, as switches of one trainer (SPEC.md "The five
 * configurations").
 */
public enum Variant {
    /** The proposed model: D, C and the averaging generator G. */
    AAEC("aaec", true, true, GeneratorKind.AVERAGED),
    /** No discriminator: the autoencoder's latent space is not pushed towards the prior. */
    AAE_C("aae_c", false, true, GeneratorKind.AVERAGED),
    /** C not in the loop: the AAE is trained alone, then C on original plus generated samples. */
    AAE_PLUS_C("aae_plus_c", true, false, GeneratorKind.AVERAGED),
    /** AAEC′: the original generator, {@code X' = Decoder(Z)}. */
    AAEC_ORI("aaec_ori", true, true, GeneratorKind.ORIGINAL),
    /** The classifier alone on the original data. */
    CLASSIFIER("classifier", false, false, null);

    private final String id;
    private final boolean discriminator;
    private final boolean classifierInLoop;
    private final GeneratorKind generator;

    Variant(String id, boolean discriminator, boolean classifierInLoop, GeneratorKind generator) {
        this.id = id;
        this.discriminator = discriminator;
        this.classifierInLoop = classifierInLoop;
        this.generator = generator;
    }

    /** Name used in configs, folders and reports. */
    @JsonValue
    public String id() {
        return id;
    }

    /** Whether D shapes the latent space (adversarial term of the encoder). */
    public boolean hasDiscriminator() {
        return discriminator;
    }

    /** Whether C is trained inside the iterations and its losses reach the decoder. */
    public boolean classifierInLoop() {
        return classifierInLoop;
    }

    /** Whether an autoencoder generates X' at all. */
    public boolean hasGenerator() {
        return generator != null;
    }

    /** How X' is formed; {@code null} for the classifier alone. */
    public GeneratorKind generator() {
        return generator;
    }

    /** The networks this configuration trains. */
    public Set<Network> networks() {
        Set<Network> s = EnumSet.of(Network.CLASSIFIER);
        if (hasGenerator()) {
            s.add(Network.ENCODER);
            s.add(Network.DECODER);
        }
        if (discriminator) {
            s.add(Network.DISCRIMINATOR);
        }
        return s;
    }

    /**
     * @param text a variant id, case-insensitive ({@code aaec}, {@code aae_c}, {@code aae_plus_c},
     *     {@code aaec_ori}, {@code classifier}; {@code -} may replace {@code _})
     * @return the variant
     */
    @JsonCreator
    public static Variant parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Variant v : values()) {
            if (v.id.equals(t)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + text + "' (use " + ids() + ")");
    }

    /** All ids, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(Variant::id).collect(Collectors.joining(", "));
    }
}

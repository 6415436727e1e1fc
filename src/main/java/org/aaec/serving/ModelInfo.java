package org.aaec.serving;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.aaec.evaluation.HeadMetrics;
import org.aaec.features.FeatureConfig;
import org.aaec.features.Normalization;
import org.aaec.model.ModelConfig;

/**
 * The description part of a model file: everything besides the weights that prediction needs
 * (feature settings, normalisation, network widths with the label heads and their classes), and
 * what a reader wants to know about where the model came from.
 *
 * @param format always {@link ModelFile#FORMAT}
 * @param version format version
 * @param variant configuration of Table 1 it was trained with
 * @param seed training seed
 * @param trainedOn data description (corpus folder or manifest)
 * @param created ISO date-time of writing
 * @param features feature settings (clip length, STFT)
 * @param logScaling whether the network sees log-standardised power (else raw power)
 * @param normalization per-bin statistics of the training split ({@code null} with raw scaling)
 * @param model network widths, input shape and label heads
 * @param networks networks whose weights the file holds (always the classifier)
 * @param config the resolved training config
 * @param validation validation scores of the kept weights
 * @param test test scores, measured once at the end of training (empty when there was no test split)
 */
public record ModelInfo(String format, int version, String variant, long seed, String trainedOn, String created,
        FeatureConfig features, boolean logScaling, Normalization normalization, ModelConfig model,
        List<String> networks, JsonNode config, List<HeadMetrics> validation, List<HeadMetrics> test) {

    /**
     * @param testScores test scores
     * @return a copy with them
     */
    public ModelInfo withTest(List<HeadMetrics> testScores) {
        return new ModelInfo(format, version, variant, seed, trainedOn, created, features, logScaling, normalization,
                model, networks, config, validation, testScores);
    }
}

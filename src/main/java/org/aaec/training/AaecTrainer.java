package org.aaec.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.aaec.evaluation.HeadMetrics;
import org.aaec.evaluation.Metrics;
import org.aaec.model.AaecNetworks;
import org.aaec.model.HeadSpec;
import org.aaec.model.ModelConfig;
import org.aaec.model.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Algorithm 1 for any of the five configurations: alternating phases, each updating only its own
 * networks with its own Adam, then an SGD fine-tune of the classifier; validation after every K3
 * classifier epochs keeps the best classifier (mean Combined over heads).
 *
 * <p>Gradients: one collector per step. Networks that a phase does not update have their
 * parameters marked as not requiring gradients (gradients still flow through them to the networks
 * being trained), and every update zeroes the gradients it consumed, so nothing leaks from one
 * phase into the next. An update whose gradient holds a NaN or an infinity is skipped and counted
 * in the epoch's record as {@code skipped_updates}; an epoch in which every update was skipped
 * stops the run with an error.
 *
 * <p>Determinism: each network is initialised from its own stream of the seed ({@link
 * AaecNetworks#create(ModelConfig, Set, NDManager, long)}); shuffling and the prior samples E
 * come from {@link Seeds}, so a resumed run draws exactly what an uninterrupted one would.
 * Checkpoints ({@link Checkpoint}) hold the weights, optimizer states and the {@link Selection}.
 */
public final class AaecTrainer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AaecTrainer.class);
    /** Key of the count of skipped (non-finite) updates in an epoch's losses. */
    static final String SKIPPED = "skipped_updates";

    private final TrainConfig config;
    private final Objective objective;
    private final ClipSet train;
    private final ClipSet validation;
    private final NDManager manager;
    private final AaecNetworks nets;
    private final Map<Network, Updater> adam = new EnumMap<>(Network.class);
    private final Updater sgd;
    private final float[][] classWeights;
    private final List<EpochPlan.Epoch> plan;
    private Set<Network> trainable = EnumSet.allOf(Network.class);
    private Consumer<GeneratedSamples> generatedSink = g -> { };

    private final Selection selection = new Selection();
    private int nextEpoch;
    private Augmenter augmenter;

    /**
     * Builds the networks of the configuration (initialised from the seed) and their optimizers.
     *
     * @param config the experiment
     * @param modelConfig widths, input shape and heads
     * @param train training clips
     * @param validation validation clips (may be empty: then the last weights are kept)
     * @param parent manager under which everything of this trainer lives
     */
    public AaecTrainer(TrainConfig config, ModelConfig modelConfig, ClipSet train, ClipSet validation,
            NDManager parent) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training split has no clips");
        }
        this.config = config;
        this.objective = config.objective();
        this.train = train;
        this.validation = validation;
        this.manager = parent.newSubManager();
        this.nets = AaecNetworks.create(modelConfig, config.variant().networks(), manager, config.seed());
        TrainConfig.Optimizer o = config.optimizer();
        for (Network n : nets.present()) {
            adam.put(n, Updater.adam(nets.block(n), manager, (float) o.adamLearningRate(), (float) o.adamBeta1(),
                    (float) o.adamBeta2()));
        }
        this.sgd = Updater.sgd(nets.block(Network.CLASSIFIER), manager, (float) o.sgdLearningRate());
        this.plan = EpochPlan.of(config.variant(), config.schedule());
        if (config.classWeights()) {
            classWeights = new float[train.heads().size()][];
            for (int h = 0; h < classWeights.length; h++) {
                classWeights[h] = train.balancedWeights(h);
            }
        } else {
            classWeights = null;
        }
    }

    /**
     * Augments every training batch from now on (the {@code augment:} section of the config).
     *
     * @param a the augmenter, or {@code null} for none
     */
    public void augmentWith(Augmenter a) {
        this.augmenter = a;
    }

    /** The networks (for tests and for writing the model). */
    public AaecNetworks networks() {
        return nets;
    }

    /**
     * Receives, after the last decoder epoch of every iteration, generated samples X' for a fixed
     * set of training clips (for Figure 5). Only configurations with a generator produce them.
     *
     * @param sink receiver
     */
    public void onGenerated(Consumer<GeneratedSamples> sink) {
        this.generatedSink = sink;
    }

    /** Epochs in the plan. */
    public int plannedEpochs() {
        return plan.size();
    }

    /** The next epoch to run (after a restore, the one after the checkpoint). */
    public int nextEpoch() {
        return nextEpoch;
    }

    /**
     * Runs the rest of the plan.
     *
     * @param listener progress
     * @param log receives every epoch's record
     * @param checkpoint file to write checkpoints to, or {@code null} for none
     * @param stopAfter stop after this many epochs of this call (for tests of resuming), or -1
     * @return the selection
     * @throws IOException when a checkpoint cannot be written
     */
    public TrainingOutcome fit(TrainingListener listener, Consumer<EpochRecord> log, Path checkpoint, int stopAfter)
            throws IOException {
        long start = System.nanoTime();
        int ran = 0;
        Schedule s = config.schedule();
        while (nextEpoch < plan.size() && (stopAfter < 0 || ran < stopAfter)) {
            EpochPlan.Epoch epoch = plan.get(nextEpoch);
            EpochRecord record = runEpoch(epoch, listener);
            nextEpoch++;
            if (endsGeneratorTraining(epoch)) {
                GeneratedSamples g = generate(epoch.iteration());
                generatedSink.accept(g);
                record = record.withGenerator(g.diagnostics());
            }
            ran++;
            log.accept(record);
            listener.epochFinished(record);
            boolean last = nextEpoch == plan.size();
            if (checkpoint != null && (last || nextEpoch % s.checkpointEvery() == 0)) {
                Checkpoint.write(checkpoint, nets, adam, sgd, nextEpoch, selection);
            }
        }
        if (nextEpoch == plan.size() && selection.bestClassifier() != null) {
            Weights.load(nets.block(Network.CLASSIFIER), selection.bestClassifier(), manager);
        }
        return new TrainingOutcome(selection.bestEpoch(), selection.bestValidation(), plan.size(),
                (System.nanoTime() - start) / 1e9);
    }

    private EpochRecord runEpoch(EpochPlan.Epoch epoch, TrainingListener listener) {
        long t0 = System.nanoTime();
        int[] order = Seeds.permutation(train.size(), new Random(Seeds.mix(config.seed(), epoch.index(), -1)));
        int b = config.schedule().batchSize();
        int batches = (train.size() + b - 1) / b;
        if (config.schedule().maxBatchesPerEpoch() > 0) {
            batches = Math.min(batches, config.schedule().maxBatchesPerEpoch());
        }
        String label = epoch.iteration() > 0
                ? "it " + epoch.iteration() + "/" + config.schedule().iterations() + " " + epoch.phase().id()
                : epoch.phase().id();
        listener.epochStarted(label, batches);
        Map<String, Double> sums = new LinkedHashMap<>();
        int skipped = 0;
        for (int i = 0; i < batches; i++) {
            int from = i * b;
            int[] rows = java.util.Arrays.copyOfRange(order, from, Math.min(from + b, order.length));
            Map<String, Double> losses = step(epoch.phase(), rows, Seeds.mix(config.seed(), epoch.index(), i));
            if (losses.remove(SKIPPED) != null) {
                skipped++;
            } else {
                losses.forEach((k, v) -> sums.merge(k, v, Double::sum));
            }
            listener.batchFinished(meansOf(sums, i + 1 - skipped));
        }
        Map<String, Double> means = meansOf(sums, batches - skipped);
        if (skipped > 0) {
            means.put(SKIPPED, (double) skipped);
            LOG.warn("epoch {} ({}): {} of {} updates skipped because a loss or gradient was not finite",
                    epoch.index(), label, skipped, batches);
            if (skipped == batches) {
                throw new IllegalStateException("training diverged in epoch " + epoch.index() + " (" + label
                        + "): every update had a non-finite loss or gradient; lower the learning rate, or on"
                        + " an unusual CPU try ONEDNN_MAX_CPU_ISA=AVX2; the last checkpoint is kept");
            }
        }
        Map<String, Double> scores = null;
        boolean best = false;
        if (epoch.validate()) {
            if (validation.size() > 0) {
                List<HeadMetrics> heads = Scorer.score(nets.block(Network.CLASSIFIER), validation, b, manager);
                scores = new LinkedHashMap<>();
                scores.put("combined", Metrics.overall(heads));
                for (HeadMetrics h : heads) {
                    scores.put(h.head() + "_combined", h.combined());
                }
                best = selection.offer(epoch.index(), heads, nets.block(Network.CLASSIFIER));
            }
        }
        return new EpochRecord(epoch.index(), epoch.phase().id(), epoch.iteration(), batches, means, scores, best,
                (System.nanoTime() - t0) / 1e9, null);
    }

    private static Map<String, Double> meansOf(Map<String, Double> sums, int n) {
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((k, v) -> means.put(k, v / n));
        return means;
    }

    private boolean endsGeneratorTraining(EpochPlan.Epoch epoch) {
        if (epoch.phase() != Phase.DECODER) {
            return false;
        }
        return nextEpoch >= plan.size() || plan.get(nextEpoch).phase() != Phase.DECODER
                || plan.get(nextEpoch).iteration() != epoch.iteration();
    }

    /**
     * X' of a fixed set of training clips (fresh E per iteration), averaged over time, with the
     * generator's diagnostics on those clips (reconstruction R², diversity, the classifier's
     * accuracy on X' with X's labels).
     */
    private GeneratedSamples generate(int iteration) {
        int n = Math.min(GeneratedSamples.CLIPS, train.size());
        int[] rows = java.util.Arrays.copyOf(Seeds.permutation(train.size(), new Random(config.seed())), n);
        try (NDManager m = manager.newSubManager()) {
            trainOnly(EnumSet.noneOf(Network.class));
            Batch batch = Batch.of(m, train, rows, null);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray prior = Seeds.prior(m, n, nets.config().latent(), Seeds.mix(config.seed(), -1 - iteration, 0));
            NDArray z = nets.encode(ps, batch.x(), false);
            NDArray reconstruction = nets.decode(ps, z, false);
            NDArray fake = withRealPadding(nets.generate(ps, reconstruction, prior, config.variant().generator(),
                    false), batch);
            int[] valid = batch.audioFrames();
            float[] real = batch.x().toFloatArray();
            float[] generated = fake.toFloatArray();
            Map<String, Double> diagnostics = new LinkedHashMap<>(GeneratorDiagnostics.measure(
                    real, reconstruction.toFloatArray(), generated, valid, train.frames(), train.bins()));
            NDList out = nets.classify(ps, fake, false);
            double minClass = Double.NaN;
            for (int h = 0; h < train.heads().size(); h++) {
                int[] truth = new int[n];
                for (int i = 0; i < n; i++) {
                    truth[i] = train.label(h, rows[i]);
                }
                int[] predicted = out.get(h + 1).argMax(1).toType(ai.djl.ndarray.types.DataType.INT32, false)
                        .toIntArray();
                HeadSpec head = train.heads().get(h);
                diagnostics.put("accuracy_" + head.name(), GeneratorDiagnostics.accuracy(predicted, truth));
                double[] within = GeneratorDiagnostics.classDiversity(real, generated, truth, head.size(),
                        train.frames() * train.bins());
                for (int c = 0; c < within.length; c++) {
                    diagnostics.put("diversity_" + head.name() + "_" + head.classes().get(c), within[c]);
                    minClass = Double.isNaN(minClass) || within[c] < minClass ? within[c] : minClass;
                }
            }
            diagnostics.put("diversityMinClass", minClass);
            diagnostics.putAll(GeneratorDiagnostics.fidelity(
                    GeneratorDiagnostics.timeAverage(real, valid, train.frames(), train.bins()),
                    GeneratorDiagnostics.timeAverage(generated, valid, train.frames(), train.bins()),
                    heldOutMeans(m, n)));
            return new GeneratedSamples(iteration, fake.mean(new int[] {1}).toFloatArray(), n, train.bins(),
                    diagnostics);
        }
    }

    /**
     * The first {@code n} validation clips of a fixed order, each averaged over its frames of real
     * audio: the held-out real samples X′ is compared with (an empty array without validation clips).
     */
    private double[][] heldOutMeans(NDManager m, int n) {
        int count = Math.min(n, validation.size());
        if (count == 0) {
            return new double[0][];
        }
        int[] rows = java.util.Arrays.copyOf(Seeds.permutation(validation.size(), new Random(config.seed())), count);
        Batch held = Batch.of(m, validation, rows, null);
        return GeneratorDiagnostics.timeAverage(held.x().toFloatArray(), held.audioFrames(), validation.frames(),
                validation.bins());
    }

    /**
     * One update of a phase on the given training clips.
     *
     * @param phase which phase
     * @param rows training clip indices of the batch
     * @param noiseSeed seed of the prior sample E
     * @return the phase's loss terms
     */
    public Map<String, Double> step(Phase phase, int[] rows, long noiseSeed) {
        Map<String, Double> losses = new LinkedHashMap<>();
        try (NDManager m = manager.newSubManager()) {
            Batch batch = Batch.of(m, train, rows, classWeights, augmenter, noiseSeed);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = batch.x();
            NDArray prior = Seeds.prior(m, rows.length, nets.config().latent(), noiseSeed);
            switch (phase) {
                case AUTOENCODER -> autoencoderStep(ps, batch, prior, losses);
                case DECODER -> decoderStep(ps, batch, prior, losses);
                case CLASSIFIER -> classifierStep(ps, batch, prior, losses);
                case FINE_TUNE -> {
                    trainOnly(EnumSet.of(Network.CLASSIFIER));
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray loss = labelLoss(nets.classify(ps, x, true), batch);
                        gc.backward(loss);
                        losses.put("classifier", (double) loss.getFloat());
                    }
                    applied(sgd, losses);
                }
            }
        }
        return losses;
    }

    /** K1: D learns E from Z; the encoder reconstructs through the (fixed) decoder and fools D. */
    private void autoencoderStep(ParameterStore ps, Batch batch, NDArray prior, Map<String, Double> losses) {
        boolean withD = config.variant().hasDiscriminator();
        trainOnly(withD ? EnumSet.of(Network.ENCODER, Network.DISCRIMINATOR) : EnumSet.of(Network.ENCODER));
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray z = nets.encode(ps, batch.x(), true);
            if (withD) {
                NDArray lossD = Losses.binaryCrossEntropy(nets.discriminate(ps, prior, true), 1f)
                        .add(Losses.binaryCrossEntropy(nets.discriminate(ps, z.stopGradient(), true), 0f));
                gc.backward(lossD);
                applied(adam.get(Network.DISCRIMINATOR), losses);
                losses.put("discriminator", (double) lossD.getFloat());
                trainOnly(EnumSet.of(Network.ENCODER));
            }
            NDArray reconstruction = reconstructionError(nets.decode(ps, z, true), batch);
            NDArray lossE = weighted(reconstruction, reconstructionScale(batch));
            if (withD) {
                lossE = lossE.add(weighted(Losses.binaryCrossEntropy(nets.discriminate(ps, z, true), 1f),
                        objective.adversarial()));
            }
            gc.backward(lossE);
            losses.put("encoder", (double) lossE.getFloat());
            losses.put("reconstruction", (double) reconstruction.getFloat());
        }
        applied(adam.get(Network.ENCODER), losses);
    }

    /**
     * K2: the decoder reconstructs; with C in the loop, X' must also look real and keep X's labels.
     * With {@link Objective#encoderInDecoderPhase()} the encoder learns from the same loss.
     */
    private void decoderStep(ParameterStore ps, Batch batch, NDArray prior, Map<String, Double> losses) {
        boolean withEncoder = objective.encoderInDecoderPhase();
        trainOnly(withEncoder ? EnumSet.of(Network.ENCODER, Network.DECODER) : EnumSet.of(Network.DECODER));
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray z = withEncoder ? nets.encode(ps, batch.x(), true)
                    : nets.encode(ps, batch.x(), false).stopGradient();
            NDArray xz = nets.decode(ps, z, true);
            NDArray reconstruction = reconstructionError(xz, batch);
            NDArray loss = weighted(reconstruction, reconstructionScale(batch));
            if (config.variant().classifierInLoop()) {
                NDArray fake = withRealPadding(nets.generate(ps, xz, prior, config.variant().generator(), true), batch);
                NDList out = nets.classify(ps, fake, true);
                loss = loss.add(weighted(Losses.binaryCrossEntropy(out.get(0), 1f), objective.realism()))
                        .add(weighted(labelLoss(out, batch), objective.labels()));
            }
            gc.backward(loss);
            losses.put("decoder", (double) loss.getFloat());
            losses.put("reconstruction", (double) reconstruction.getFloat());
        }
        applied(adam.get(Network.DECODER), losses);
        if (withEncoder) {
            applied(adam.get(Network.ENCODER), losses);
        }
    }

    /**
     * The mean squared error of a reconstruction over every element, or with
     * {@link Objective#audioFramesOnly()} over the elements of frames of real audio.
     */
    private NDArray reconstructionError(NDArray reconstruction, Batch batch) {
        if (!objective.audioFramesOnly()) {
            return Losses.meanSquaredError(reconstruction, batch.x());
        }
        return Losses.maskedMeanSquaredError(reconstruction, batch.x(), batch.audioMask());
    }

    /** With {@link Objective#audioFramesOnly()}, X′ on frames of real audio and X's own padding elsewhere. */
    private NDArray withRealPadding(NDArray fake, Batch batch) {
        if (!objective.audioFramesOnly()) {
            return fake;
        }
        return batch.withRealPadding(fake);
    }

    /**
     * What the mean reconstruction error is multiplied by: its weight, times the elements per
     * sample that it averages over with {@code sample} reduction (T·F, or the audio frames' mean · F).
     */
    private double reconstructionScale(Batch batch) {
        double perSample = 1.0;
        if (Objective.SAMPLE.equals(objective.reconstructionReduction())) {
            long bins = batch.x().getShape().get(2);
            long frames = batch.x().getShape().get(1);
            double counted = 0;
            for (int a : batch.audioFrames()) {
                counted += objective.audioFramesOnly() ? Math.min(a, frames) : frames;
            }
            perSample = counted * bins / batch.size();
        }
        return objective.reconstruction() * perSample;
    }

    /** {@code loss · weight}, without an extra operator when the weight is 1 (the paper's objective). */
    private static NDArray weighted(NDArray loss, double weight) {
        return weight == 1.0 ? loss : loss.mul((float) weight);
    }

    /** K3: C classifies X (and X' with X's labels) and tells real from generated. */
    private void classifierStep(ParameterStore ps, Batch batch, NDArray prior, Map<String, Double> losses) {
        NDArray fake = null;
        if (config.variant().hasGenerator()) {
            trainOnly(EnumSet.noneOf(Network.class));
            NDArray z = nets.encode(ps, batch.x(), false);
            fake = withRealPadding(nets.generate(ps, nets.decode(ps, z, false), prior, config.variant().generator(),
                    false), batch).stopGradient();
        }
        trainOnly(EnumSet.of(Network.CLASSIFIER));
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss;
            if (fake == null) {
                loss = classifierLoss(nets.classify(ps, batch.x(), true), batch, 1f);
            } else {
                // X and X' pass through C as one batch of 2B: the same numbers as two passes (C has no
                // batch statistics), in larger and fewer kernels.
                NDList both = nets.classify(ps, batch.x().concat(fake, 0), true);
                NDList real = new NDList(both.size());
                NDList gen = new NDList(both.size());
                for (NDArray out : both) {
                    NDList halves = out.split(new long[] {batch.size()}, 0);
                    real.add(halves.get(0));
                    gen.add(halves.get(1));
                }
                loss = classifierLoss(real, batch, 1f).add(weighted(classifierLoss(gen, batch, 0f),
                        objective.generated()));
            }
            gc.backward(loss);
            losses.put("classifier", (double) loss.getFloat());
        }
        applied(adam.get(Network.CLASSIFIER), losses);
    }

    /** C's loss on one set of samples: their labels, and real (1) or generated (0) on C_d. */
    private static NDArray classifierLoss(NDList out, Batch batch, float realOrFake) {
        return labelLoss(out, batch).add(Losses.binaryCrossEntropy(out.get(0), realOrFake));
    }

    /** Steps the updater; when it refused a non-finite gradient, marks the step's losses as skipped. */
    private static void applied(Updater updater, Map<String, Double> losses) {
        if (!updater.step()) {
            losses.put(SKIPPED, 1.0);
        }
    }

    /** Sum over heads of the (weighted) cross-entropy; {@code out.get(0)} is the real/fake logit. */
    private static NDArray labelLoss(NDList out, Batch batch) {
        NDArray sum = null;
        for (int h = 0; h < batch.targets().size(); h++) {
            NDArray ce = Losses.crossEntropy(out.get(h + 1), batch.targets().get(h), batch.weightSums()[h]);
            sum = sum == null ? ce : sum.add(ce);
        }
        return sum;
    }

    /** Marks exactly the given networks' parameters as requiring gradients. */
    private void trainOnly(Set<Network> which) {
        if (which.equals(trainable)) {
            return;
        }
        for (Network n : nets.present()) {
            boolean on = which.contains(n);
            if (on != trainable.contains(n)) {
                for (Pair<String, Parameter> p : nets.block(n).getParameters()) {
                    p.getValue().getArray().setRequiresGradient(on);
                }
            }
        }
        trainable = EnumSet.copyOf(which.isEmpty() ? EnumSet.noneOf(Network.class) : which);
    }

    /**
     * Continues from a checkpoint written by {@link #fit} with the same config.
     *
     * @param checkpoint the file
     * @throws IOException when it cannot be read or does not fit this configuration
     */
    public void restore(Path checkpoint) throws IOException {
        nextEpoch = Checkpoint.restore(checkpoint, nets, adam, sgd, selection, manager);
        trainable = EnumSet.allOf(Network.class);
        for (Network n : nets.present()) {
            for (Pair<String, Parameter> p : nets.block(n).getParameters()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
    }

    /** Whether a file looks like a checkpoint of a run. */
    public static boolean exists(Path checkpoint) {
        return Files.isRegularFile(checkpoint);
    }

    @Override
    public void close() {
        adam.values().forEach(Updater::close);
        sgd.close();
        manager.close();
    }
}

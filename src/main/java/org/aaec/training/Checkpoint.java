package org.aaec.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aaec.evaluation.HeadMetrics;
import org.aaec.io.ZipArchive;
import org.aaec.model.AaecNetworks;
import org.aaec.model.Network;

/**
 * A training checkpoint: every network's weights, each optimizer's moments and step count, the
 * position in the plan and the model selection so far, as named entries of one zip replaced
 * atomically, so a kill at any moment leaves a readable checkpoint.
 *
 * <pre>
 * &lt;network&gt;.params          weights (DJL format)
 * &lt;network&gt;.adam            Adam moments (NDList)
 * best-classifier.params     the kept classifier, when one was validated
 * state.json                 nextEpoch, bestEpoch, bestScore, bestValidation, steps per optimizer
 * </pre>
 */
final class Checkpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoint() {
    }

    /**
     * @param file target
     * @param nets the networks
     * @param adam each network's Adam
     * @param sgd the fine-tune optimizer
     * @param nextEpoch the epoch a resumed run starts with
     * @param selection the best classifier so far
     * @throws IOException when writing fails (the previous checkpoint stays)
     */
    static void write(Path file, AaecNetworks nets, Map<Network, Updater> adam, Updater sgd, int nextEpoch,
            Selection selection) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        ObjectNode state = JSON.createObjectNode();
        state.put("nextEpoch", nextEpoch);
        state.put("bestEpoch", selection.bestEpoch());
        state.put("bestScore", selection.bestScore());
        state.set("bestValidation", JSON.valueToTree(selection.bestValidation()));
        ObjectNode steps = state.putObject("steps");
        for (Network n : nets.present()) {
            out.put(n.id() + ".params", Weights.save(nets.block(n)));
            out.put(n.id() + ".adam", adam.get(n).state().encode());
            steps.put(n.id(), adam.get(n).steps());
        }
        steps.put("sgd", sgd.steps());
        if (selection.bestClassifier() != null) {
            out.put("best-classifier.params", selection.bestClassifier());
        }
        out.put("state.json", JSON.writeValueAsBytes(state));
        ZipArchive.write(file, out);
    }

    /**
     * Restores what {@link #write} saved for the same configuration.
     *
     * @return the epoch to continue with
     * @throws IOException when the file cannot be read or does not fit these networks
     */
    static int restore(Path file, AaecNetworks nets, Map<Network, Updater> adam, Updater sgd, Selection selection,
            NDManager manager) throws IOException {
        Map<String, byte[]> in = ZipArchive.read(file, ZipArchive.Limits.CHECKPOINT);
        byte[] stateBytes = in.get("state.json");
        if (stateBytes == null) {
            throw new IOException(file + ": not a checkpoint (no state.json)");
        }
        JsonNode state = JSON.readTree(stateBytes);
        for (Network n : nets.present()) {
            byte[] params = in.get(n.id() + ".params");
            byte[] moments = in.get(n.id() + ".adam");
            if (params == null || moments == null) {
                throw new IOException(file + ": no " + n.id() + " (was it written by another variant?)");
            }
            Weights.load(nets.block(n), params, manager);
            NDList decoded = NDList.decode(manager, moments);
            adam.get(n).restore(decoded, state.path("steps").path(n.id()).asLong());
            decoded.close();
        }
        sgd.restore(new NDList(), state.path("steps").path("sgd").asLong());
        selection.restore(state.path("bestEpoch").asInt(), state.path("bestScore").asDouble(),
                List.of(JSON.treeToValue(state.path("bestValidation"), HeadMetrics[].class)),
                in.get("best-classifier.params"));
        return state.path("nextEpoch").asInt();
    }
}

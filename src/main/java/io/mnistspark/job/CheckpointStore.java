package io.mnistspark.job;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.numpy.NpyDoubles;
import io.mnistspark.optim.OptimizerState;
import io.mnistspark.train.JobSettings;
import io.mnistspark.train.RunOutcome;
import io.mnistspark.train.RunState;
import io.mnistspark.train.StepRecord;
import io.mnistspark.train.TrainingSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checkpoints inside a run directory: {@code checkpoint-RR-SSSSSSSS/} (run index, step) holding
 * {@code state.json} and float64 {@code .npy} arrays (parameters, optimizer moments, best parameters, finished
 * runs' parameters). Each is written under a temporary name and renamed, then older ones are deleted, so
 * the newest complete checkpoint survives a kill at any moment.
 */
public final class CheckpointStore {
    /** Names of checkpoint directories start with this (and the run directory removes them when complete). */
    public static final String PREFIX = "checkpoint-";
    private static final String FORMAT = "mnist-spark-mlp checkpoint v1";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final FileSystem fs;
    private final Path dir;

    public CheckpointStore(FileSystem fs, Path runDirectory) {
        this.fs = fs;
        this.dir = runDirectory;
    }

    void save(Checkpoint checkpoint, NetworkShape shape) throws IOException {
        RunState state = checkpoint.state();
        String name = String.format("%s%02d-%08d", PREFIX, checkpoint.runIndex(), state.stepsDone());
        Path temp = new Path(dir, ".tmp-" + name + "-" + UUID.randomUUID());
        fs.mkdirs(temp);
        writeArray(new Path(temp, "params.npy"), state.params());
        double[][] moments = state.optimizerState().moments();
        for (int i = 0; i < moments.length; i++) {
            writeArray(new Path(temp, "moment-" + i + ".npy"), moments[i]);
        }
        if (state.bestParams() != null) {
            writeArray(new Path(temp, "best-params.npy"), state.bestParams());
        }
        for (int i = 0; i < checkpoint.completed().size(); i++) {
            writeArray(new Path(temp, "finished-" + i + "-params.npy"), checkpoint.completed().get(i).result().params());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("job", SettingsCodec.encode(checkpoint.job()));
        json.put("run_index", checkpoint.runIndex());
        json.put("inputs", shape.inputs());
        json.put("classes", shape.classes());
        json.put("optimizer_steps", state.optimizerState().steps());
        json.put("moments", moments.length);
        json.put("best_loss", state.stopping().bestLoss());
        json.put("best_step", state.stopping().bestStep());
        json.put("steps_without_improvement", state.stopping().stepsWithoutImprovement());
        json.put("history", HistoryCodec.encode(state.history()));
        List<Object> finished = new ArrayList<>();
        for (RunOutcome outcome : checkpoint.completed()) {
            finished.add(HistoryCodec.encode(outcome));
        }
        json.put("finished", finished);
        try (OutputStream out = fs.create(new Path(temp, "state.json"), true)) {
            JSON.writeValue(out, json);
        }
        Path target = new Path(dir, name);
        if (fs.exists(target)) {
            fs.delete(target, true);
        }
        if (!fs.rename(temp, target)) {
            throw new IOException("could not rename checkpoint " + temp + " to " + target);
        }
        for (FileStatus old : fs.listStatus(dir)) {
            String oldName = old.getPath().getName();
            if (oldName.startsWith(PREFIX) && !oldName.equals(name)) {
                fs.delete(old.getPath(), true);
            }
        }
    }

    /** The newest complete checkpoint in the directory, or null if there is none. */
    Path latest() throws IOException {
        Path newest = null;
        for (FileStatus child : fs.listStatus(dir)) {
            String name = child.getPath().getName();
            if (child.isDirectory() && name.startsWith(PREFIX)
                    && (newest == null || name.compareTo(newest.getName()) > 0)) {
                newest = child.getPath();
            }
        }
        return newest;
    }

    Checkpoint load(Path checkpoint) throws IOException {
        JsonNode json;
        try (InputStream in = fs.open(new Path(checkpoint, "state.json"))) {
            json = JSON.readTree(in);
        }
        if (!FORMAT.equals(json.path("format").asText())) {
            throw new IOException(checkpoint + ": not a checkpoint of this format (" + json.path("format") + ")");
        }
        JobSettings job = SettingsCodec.decodeJob(json.path("job"));
        int runIndex = json.path("run_index").asInt();
        TrainingSettings settings = job.runs().get(runIndex);
        NetworkShape shape = new NetworkShape(json.path("inputs").asInt(), settings.hidden(), json.path("classes").asInt());
        int size = shape.parameterCount();
        List<RunOutcome> completed = new ArrayList<>();
        JsonNode finished = json.path("finished");
        for (int i = 0; i < finished.size(); i++) {
            TrainingSettings done = job.runs().get(i);
            int doneSize = new NetworkShape(shape.inputs(), done.hidden(), shape.classes()).parameterCount();
            double[] params = readArray(new Path(checkpoint, "finished-" + i + "-params.npy"), doneSize);
            completed.add(HistoryCodec.decodeOutcome(finished.get(i), done, params));
        }
        double[][] moments = new double[json.path("moments").asInt()][];
        for (int i = 0; i < moments.length; i++) {
            moments[i] = readArray(new Path(checkpoint, "moment-" + i + ".npy"), size);
        }
        Path best = new Path(checkpoint, "best-params.npy");
        List<StepRecord> history = HistoryCodec.decodeHistory(json.path("history"));
        RunState state = RunState.restored(settings, shape, readArray(new Path(checkpoint, "params.npy"), size),
                new OptimizerState(json.path("optimizer_steps").asLong(), moments), history,
                json.path("best_loss").asDouble(), json.path("best_step").asInt(),
                json.path("steps_without_improvement").asInt(), fs.exists(best) ? readArray(best, size) : null);
        return new Checkpoint(job, completed, runIndex, state);
    }

    private void writeArray(Path path, double[] values) throws IOException {
        try (OutputStream out = fs.create(path, true)) {
            NpyDoubles.write(out, values, values.length);
        }
    }

    private double[] readArray(Path path, int length) throws IOException {
        try (InputStream in = fs.open(path)) {
            return NpyDoubles.read(in, path.toString(), length);
        }
    }
}

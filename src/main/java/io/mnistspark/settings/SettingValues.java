package io.mnistspark.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mnistspark.model.ConstantInit;
import io.mnistspark.model.Initialization;
import io.mnistspark.model.NormalInit;
import io.mnistspark.model.WeightPenalty;
import io.mnistspark.optim.HyperparameterDtype;
import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.train.DivergenceRule;
import io.mnistspark.train.EarlyStoppingRule;
import io.mnistspark.train.TrainingSettings;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.ml.param.Param;

/**
 * A value for every run setting ({@link RunSettings#ALL}), each one allowed by its declaration, and which of
 * them were chosen rather than left at their defaults (a default can depend on other settings: see
 * {@link RunSettings#REG_PARAM}). Immutable. The bridge between the places settings come from (command line,
 * suite profile, Spark ML params, checkpoint, summary) and the engine's {@link TrainingSettings}.
 */
public final class SettingValues {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Params made only to encode and decode values as Spark does; the owner's uid is never looked at. */
    private static final String CODEC_OWNER = "settings";

    private final Map<Setting<?>, Object> values;
    private final Set<Setting<?>> chosen;

    private SettingValues(Map<Setting<?>, Object> values, Set<Setting<?>> chosen) {
        this.values = values;
        this.chosen = Set.copyOf(chosen);
    }

    /** Every setting at its default. */
    public static SettingValues defaults() {
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        for (Setting<?> setting : RunSettings.ALL) {
            values.put(setting, setting.defaultValue());
        }
        return new SettingValues(values, Set.of());
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    /**
     * These values with {@code setting} at {@code value}.
     *
     * @throws IllegalArgumentException when the declaration does not allow the value
     */
    public <T> SettingValues with(Setting<T> setting, T value) {
        return chosen(setting, setting.checked(value));
    }

    /** These values with {@code setting} read from {@code text} (see {@link Setting#parse}). */
    public SettingValues withText(Setting<?> setting, String text) {
        return chosen(setting, setting.parse(text));
    }

    private SettingValues chosen(Setting<?> setting, Object value) {
        Map<Setting<?>, Object> copy = new LinkedHashMap<>(values);
        copy.put(setting, value);
        Set<Setting<?>> nowChosen = new HashSet<>(chosen);
        nowChosen.add(setting);
        return new SettingValues(copy, nowChosen);
    }

    /** Whether {@code setting} was chosen (by {@link #with}, {@link #withText} or a file) rather than defaulted. */
    public boolean isChosen(Setting<?> setting) {
        return chosen.contains(setting);
    }

    /** The L2 penalty's weight: the one chosen, else the solver's default. */
    public double regParam() {
        return isChosen(RunSettings.REG_PARAM) ? get(RunSettings.REG_PARAM)
                : OptimizerChoice.parse(get(RunSettings.SOLVER)).defaultRegParam();
    }

    /**
     * The values a run's settings were made from (settings a run does not use keep their defaults), every one
     * counted as chosen: they are the run's, whatever made them.
     */
    public static SettingValues of(TrainingSettings run) {
        SettingValues v = defaults()
                .with(RunSettings.HIDDEN_UNITS, run.hidden())
                .with(RunSettings.SOLVER, run.optimizer().label())
                .with(RunSettings.LBFGS_MEMORY, run.lbfgsMemory())
                .with(RunSettings.REG_PARAM, run.penalty().regParam())
                .with(RunSettings.STEP_SIZE, run.learningRate())
                .with(RunSettings.HYPERPARAMETER_DTYPE, run.hyperparameterDtype().label())
                .with(RunSettings.MAX_ITER, run.maxSteps())
                .with(RunSettings.INIT_MODE, run.init().name())
                .with(RunSettings.PRINT_EVERY, run.printEvery())
                .with(RunSettings.AGGREGATION_DEPTH, run.treeDepth())
                .with(RunSettings.EARLY_STOPPING, run.earlyStopping().isPresent())
                .with(RunSettings.DIVERGENCE_FACTOR, run.divergence().factor());
        if (run.init() instanceof ConstantInit constant) {
            v = v.with(RunSettings.INIT_VALUE, constant.value());
        } else if (run.init() instanceof NormalInit normal) {
            v = v.with(RunSettings.INIT_STDDEV, normal.stddev()).with(RunSettings.SEED, normal.seed());
        }
        if (run.earlyStopping().isPresent()) {
            EarlyStoppingRule rule = run.earlyStopping().get();
            v = v.with(RunSettings.PATIENCE, rule.patience()).with(RunSettings.MIN_DELTA, rule.minDelta())
                    .with(RunSettings.RESTORE_BEST, rule.restoreBest());
        }
        return new SettingValues(v.values, v.values.keySet());
    }

    /**
     * The engine's settings for a run called {@code runName}.
     *
     * @throws IllegalArgumentException when the values do not make a run together (a learning rate that
     *                                  rounds to 0 or infinity in the hyperparameter dtype)
     */
    public TrainingSettings toTrainingSettings(String runName) {
        HyperparameterDtype dtype = HyperparameterDtype.parse(get(RunSettings.HYPERPARAMETER_DTYPE));
        double learningRate = get(RunSettings.STEP_SIZE);
        double effective = dtype.effective(learningRate);
        if (!(effective > 0.0) || !Double.isFinite(effective)) {
            throw new IllegalArgumentException(RunSettings.STEP_SIZE.option() + " (" + RunSettings.STEP_SIZE.name()
                    + ") " + learningRate + " is not a positive finite " + dtype.label() + " (it becomes " + effective
                    + "); choose another rate or " + RunSettings.HYPERPARAMETER_DTYPE.name() + " float64");
        }
        Initialization init = get(RunSettings.INIT_MODE).equals("constant")
                ? new ConstantInit(get(RunSettings.INIT_VALUE))
                : new NormalInit(get(RunSettings.INIT_STDDEV), get(RunSettings.SEED));
        Optional<EarlyStoppingRule> rule = get(RunSettings.EARLY_STOPPING)
                ? Optional.of(new EarlyStoppingRule(get(RunSettings.PATIENCE), get(RunSettings.MIN_DELTA),
                        get(RunSettings.RESTORE_BEST)))
                : Optional.empty();
        return new TrainingSettings(runName, get(RunSettings.HIDDEN_UNITS), init,
                OptimizerChoice.parse(get(RunSettings.SOLVER)), learningRate, dtype, get(RunSettings.MAX_ITER), rule,
                get(RunSettings.PRINT_EVERY), get(RunSettings.AGGREGATION_DEPTH), get(RunSettings.LBFGS_MEMORY),
                new DivergenceRule(get(RunSettings.DIVERGENCE_FACTOR)), new WeightPenalty(regParam()));
    }

    /** Spark param name to value, each encoded as Spark ML writes a param's value in its metadata. */
    public Map<String, Object> toParamJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((setting, value) -> out.put(setting.name(), sparkJson(setting, value)));
        return out;
    }

    /** {@code summary.json}'s key of each setting to its value (the same encoding as {@link #toParamJson}). */
    public Map<String, Object> toSummaryJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((setting, value) -> out.put(setting.summaryKey(), sparkJson(setting, value)));
        return out;
    }

    /**
     * Reads what {@link #toParamJson} wrote, as Spark ML reads params; a setting the object lacks keeps its
     * default (files written before it existed: a run then had no weight penalty). Every setting counts as
     * chosen, so the values mean what they meant when written.
     *
     * @throws IllegalArgumentException for an unknown name or a value its setting does not allow
     */
    public static SettingValues fromParamJson(JsonNode params) {
        Map<Setting<?>, Object> values = new LinkedHashMap<>(defaults().values);
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Setting<?> setting = RunSettings.find(field.getKey());
            if (setting == null || !setting.name().equals(field.getKey())) {
                throw new IllegalArgumentException("unknown run setting '" + field.getKey() + "'");
            }
            values.put(setting, decode(setting, field.getValue()));
        }
        return new SettingValues(values, values.keySet());
    }

    /**
     * Reads the flat keys of {@link #toSummaryJson} (or of a summary from before every key was written); a
     * setting whose key is absent keeps its default, other keys are ignored. Every setting counts as chosen.
     *
     * @throws IllegalArgumentException for a value its setting does not allow
     */
    public static SettingValues fromSummaryJson(JsonNode summary) {
        Map<Setting<?>, Object> values = new LinkedHashMap<>(defaults().values);
        for (Setting<?> setting : RunSettings.ALL) {
            JsonNode value = summary.get(setting.summaryKey());
            if (value != null && !value.isNull()) {
                values.put(setting, decode(setting, value));
            }
        }
        return new SettingValues(values, values.keySet());
    }

    private static <T> T decode(Setting<T> setting, JsonNode value) {
        T decoded = setting.param(CODEC_OWNER).jsonDecode(value.toString());
        if (!setting.check().test(decoded)) {
            throw new IllegalArgumentException(setting.name() + " must be " + setting.allowed() + ", got " + decoded);
        }
        return decoded;
    }

    @SuppressWarnings("unchecked")
    private static <T> Object sparkJson(Setting<T> setting, Object value) {
        Param<T> param = setting.param(CODEC_OWNER);
        try {
            return JSON.readValue(param.jsonEncode((T) value), Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Spark encoded " + setting.name() + " as invalid JSON", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingValues other && values.equals(other.values) && chosen.equals(other.chosen);
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + chosen.hashCode();
    }

    @Override
    public String toString() {
        return toParamJson().toString();
    }
}

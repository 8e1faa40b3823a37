package io.mnistspark.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The run settings as Spark ML params, for the stages that train or were trained with them: one public
 * accessor per param returning it (Spark finds params through such methods, and {@code ParamGridBuilder}
 * takes them) and a getter returning its value. The params themselves are made from the declarations in
 * {@link RunSettings} by {@link #declareRunParams}.
 */
public interface RunParams extends Params {

    /** The params of this stage, one per {@link RunSettings#ALL}, keyed by declaration. */
    Map<Setting<?>, Param<?>> runParams();

    /**
     * Makes this stage's params from the declarations, with their defaults. Call once, from the constructor,
     * after the uid is known (a param is bound to its owner's uid when made).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Map<Setting<?>, Param<?>> declareRunParams(Params owner) {
        Map<Setting<?>, Param<?>> params = new LinkedHashMap<>();
        for (Setting<?> setting : RunSettings.ALL) {
            Param param = setting.param(owner.uid());
            owner.setDefault(param, setting.defaultValue());
            params.put(setting, param);
        }
        return Map.copyOf(params);
    }

    /** The values of every run setting: set ones as chosen, the others at their defaults. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    default SettingValues settingValues() {
        SettingValues values = SettingValues.defaults();
        for (Map.Entry<Setting<?>, Param<?>> entry : runParams().entrySet()) {
            if (isSet(entry.getValue())) {
                values = values.with((Setting) entry.getKey(), getOrDefault(entry.getValue()));
            }
        }
        return values;
    }

    default IntParam hiddenUnits() {
        return (IntParam) runParams().get(RunSettings.HIDDEN_UNITS);
    }

    default int getHiddenUnits() {
        return (Integer) getOrDefault(hiddenUnits());
    }

    @SuppressWarnings("unchecked")
    default Param<String> solver() {
        return (Param<String>) runParams().get(RunSettings.SOLVER);
    }

    default String getSolver() {
        return getOrDefault(solver());
    }

    default IntParam lbfgsMemory() {
        return (IntParam) runParams().get(RunSettings.LBFGS_MEMORY);
    }

    default int getLbfgsMemory() {
        return (Integer) getOrDefault(lbfgsMemory());
    }

    default DoubleParam regParam() {
        return (DoubleParam) runParams().get(RunSettings.REG_PARAM);
    }

    /** The L2 penalty's weight a fit uses: the one set, else the solver's default (0, or 3e-4 for lbfgs). */
    default double getRegParam() {
        return settingValues().regParam();
    }

    default DoubleParam stepSize() {
        return (DoubleParam) runParams().get(RunSettings.STEP_SIZE);
    }

    default double getStepSize() {
        return (Double) getOrDefault(stepSize());
    }

    @SuppressWarnings("unchecked")
    default Param<String> hyperparameterDtype() {
        return (Param<String>) runParams().get(RunSettings.HYPERPARAMETER_DTYPE);
    }

    default String getHyperparameterDtype() {
        return getOrDefault(hyperparameterDtype());
    }

    default IntParam maxIter() {
        return (IntParam) runParams().get(RunSettings.MAX_ITER);
    }

    default int getMaxIter() {
        return (Integer) getOrDefault(maxIter());
    }

    @SuppressWarnings("unchecked")
    default Param<String> initMode() {
        return (Param<String>) runParams().get(RunSettings.INIT_MODE);
    }

    default String getInitMode() {
        return getOrDefault(initMode());
    }

    default DoubleParam initValue() {
        return (DoubleParam) runParams().get(RunSettings.INIT_VALUE);
    }

    default double getInitValue() {
        return (Double) getOrDefault(initValue());
    }

    default DoubleParam initStddev() {
        return (DoubleParam) runParams().get(RunSettings.INIT_STDDEV);
    }

    default double getInitStddev() {
        return (Double) getOrDefault(initStddev());
    }

    default LongParam seed() {
        return (LongParam) runParams().get(RunSettings.SEED);
    }

    default long getSeed() {
        return (Long) getOrDefault(seed());
    }

    default BooleanParam earlyStopping() {
        return (BooleanParam) runParams().get(RunSettings.EARLY_STOPPING);
    }

    default boolean getEarlyStopping() {
        return (Boolean) getOrDefault(earlyStopping());
    }

    default IntParam patience() {
        return (IntParam) runParams().get(RunSettings.PATIENCE);
    }

    default int getPatience() {
        return (Integer) getOrDefault(patience());
    }

    default DoubleParam minDelta() {
        return (DoubleParam) runParams().get(RunSettings.MIN_DELTA);
    }

    default double getMinDelta() {
        return (Double) getOrDefault(minDelta());
    }

    default BooleanParam restoreBest() {
        return (BooleanParam) runParams().get(RunSettings.RESTORE_BEST);
    }

    default boolean getRestoreBest() {
        return (Boolean) getOrDefault(restoreBest());
    }

    default IntParam printEvery() {
        return (IntParam) runParams().get(RunSettings.PRINT_EVERY);
    }

    default int getPrintEvery() {
        return (Integer) getOrDefault(printEvery());
    }

    default IntParam aggregationDepth() {
        return (IntParam) runParams().get(RunSettings.AGGREGATION_DEPTH);
    }

    default int getAggregationDepth() {
        return (Integer) getOrDefault(aggregationDepth());
    }

    default DoubleParam divergenceFactor() {
        return (DoubleParam) runParams().get(RunSettings.DIVERGENCE_FACTOR);
    }

    default double getDivergenceFactor() {
        return (Double) getOrDefault(divergenceFactor());
    }
}

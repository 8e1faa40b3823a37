package io.mnistspark.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mnistspark.model.ConstantInit;
import io.mnistspark.model.NormalInit;
import io.mnistspark.optim.HyperparameterDtype;
import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.train.EarlyStoppingRule;
import io.mnistspark.train.TrainingSettings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The declarations, and the values made from them, round-trip through every place a run's settings go. */
class SettingValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final TrainingSettings SGD_CONSTANT = new TrainingSettings("a", 64, new ConstantInit(0.02),
            OptimizerChoice.SGD, 0.125, HyperparameterDtype.FLOAT64, 30, Optional.empty(), 7, 3);
    private static final TrainingSettings ADAM_EARLY = new TrainingSettings("b", 128, new NormalInit(0.3, 42),
            OptimizerChoice.ADAM, 0.001, HyperparameterDtype.FLOAT32, 10000,
            Optional.of(new EarlyStoppingRule(5, 1e-4, true)), 100, 2);

    @Test
    void defaultsAreTheNotebooksFinalRun() {
        TrainingSettings run = SettingValues.defaults().toTrainingSettings("default");
        assertEquals(OptimizerChoice.ADAM, run.optimizer());
        assertEquals(0.001, run.learningRate());
        assertEquals(HyperparameterDtype.FLOAT32, run.hyperparameterDtype());
        assertEquals(new NormalInit(0.1, 0), run.init());
        assertEquals(128, run.hidden());
        assertEquals(1000, run.maxSteps());
        assertEquals(Optional.empty(), run.earlyStopping());
        assertEquals(2, run.treeDepth());
    }

    @Test
    void trainingSettingsSurviveTheParamJsonAndTheSummaryKeys() throws Exception {
        for (TrainingSettings run : new TrainingSettings[] {SGD_CONSTANT, ADAM_EARLY}) {
            SettingValues values = SettingValues.of(run);
            assertEquals(run, values.toTrainingSettings(run.runName()));
            JsonNode params = JSON.valueToTree(values.toParamJson());
            assertEquals(values, SettingValues.fromParamJson(JSON.readTree(JSON.writeValueAsString(params))));
            JsonNode summary = JSON.valueToTree(values.toSummaryJson());
            assertEquals(values, SettingValues.fromSummaryJson(summary));
        }
    }

    @Test
    void paramJsonUsesSparkNamesAndSummaryJsonTheOldKeys() {
        Map<String, Object> params = SettingValues.of(ADAM_EARLY).toParamJson();
        assertEquals(0.001, params.get("stepSize"));
        assertEquals(10000, params.get("maxIter"));
        assertEquals("adam", params.get("solver"));
        assertEquals(true, params.get("restoreBest"));
        Map<String, Object> summary = SettingValues.of(ADAM_EARLY).toSummaryJson();
        assertEquals(0.001, summary.get("learning_rate"));
        assertEquals(10000, summary.get("max_steps"));
        assertEquals("adam", summary.get("optimizer"));
        assertEquals(2, summary.get("tree_depth"));
        assertEquals(RunSettings.ALL.size(), summary.size());
    }

    @Test
    void valuesOutsideTheDeclarationAreRefusedWithTheOptionAndWhatItMustBe() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SettingValues.defaults().withText(RunSettings.MAX_ITER, "0"));
        assertEquals("--steps must be at least 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SettingValues.defaults().withText(RunSettings.MAX_ITER, "ten"));
        assertEquals("--steps: 'ten' is not a whole number; it must be at least 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SettingValues.defaults().withText(RunSettings.SOLVER, "rmsprop"));
        assertEquals("--optimizer must be sgd, adam or lbfgs, got rmsprop", e.getMessage());
        assertEquals("sgd", SettingValues.defaults().withText(RunSettings.SOLVER, " SGD ").get(RunSettings.SOLVER));
        e = assertThrows(IllegalArgumentException.class, () -> SettingValues.defaults()
                .with(RunSettings.STEP_SIZE, 1e300).toTrainingSettings("x"));
        assertTrue(e.getMessage().contains("is not a positive finite float32"), e.getMessage());
        JsonNode bad = JSON.valueToTree(Map.of("stepSize", -1.0));
        e = assertThrows(IllegalArgumentException.class, () -> SettingValues.fromParamJson(bad));
        assertEquals("stepSize must be a positive number, got -1.0", e.getMessage());
        JsonNode unknown = JSON.valueToTree(Map.of("learningRate", 0.1));
        assertThrows(IllegalArgumentException.class, () -> SettingValues.fromParamJson(unknown));
    }

    @Test
    void everyDeclarationHasDistinctNamesAndAnAllowedDefault() {
        assertEquals(RunSettings.ALL.size(), RunSettings.ALL.stream().map(Setting::name).distinct().count());
        assertEquals(RunSettings.ALL.size(), RunSettings.ALL.stream().map(Setting::option).distinct().count());
        assertEquals(RunSettings.ALL.size(), RunSettings.ALL.stream().map(Setting::summaryKey).distinct().count());
        for (Setting<?> setting : RunSettings.ALL) {
            assertEquals(setting, RunSettings.find(setting.name()));
            assertEquals(setting, RunSettings.find(setting.option().substring(2)));
        }
    }
}

package io.mnistspark.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mnistspark.model.NormalInit;
import io.mnistspark.optim.HyperparameterDtype;
import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.train.EarlyStoppingRule;
import io.mnistspark.train.TrainingSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lbfgs solver and its memory: spellings, defaults, round trips and refusals. */
class LbfgsSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bothSpellingsMakeAnLbfgsRunWithBreezesDefaultMemory() {
        for (String spelling : new String[] {"lbfgs", "L-BFGS", " l-bfgs "}) {
            TrainingSettings run = SettingValues.defaults().withText(RunSettings.SOLVER, spelling)
                    .toTrainingSettings("x");
            assertEquals(OptimizerChoice.LBFGS, run.optimizer(), spelling);
            assertEquals(10, run.lbfgsMemory());
        }
        assertEquals(OptimizerChoice.LBFGS, OptimizerChoice.parse("l-bfgs"));
    }

    @Test
    void anLbfgsRunRoundTripsThroughParamsAndSummaryKeys() throws Exception {
        TrainingSettings run = new TrainingSettings("l", 32, new NormalInit(0.1, 0), OptimizerChoice.LBFGS, 0.001,
                HyperparameterDtype.FLOAT32, 500, Optional.of(new EarlyStoppingRule(5, 0.0, true)), 10, 2, 4);
        SettingValues values = SettingValues.of(run);
        assertEquals("lbfgs", values.toParamJson().get("solver"));
        assertEquals(4, values.toParamJson().get("lbfgsMemory"));
        assertEquals(4, values.toSummaryJson().get("lbfgs_memory"));
        assertEquals(run, values.toTrainingSettings("l"));
        JsonNode params = JSON.valueToTree(values.toParamJson());
        assertEquals(values, SettingValues.fromParamJson(params));
        assertEquals(values, SettingValues.fromSummaryJson(JSON.valueToTree(values.toSummaryJson())));
    }

    @Test
    void aMemoryBelowOneAndAnUnknownSolverAreRefusedNamingTheOptionAndWhatItMustBe() {
        IllegalArgumentException memory = assertThrows(IllegalArgumentException.class,
                () -> SettingValues.defaults().withText(RunSettings.LBFGS_MEMORY, "0"));
        assertEquals("--lbfgs-memory must be at least 1, got 0", memory.getMessage());
        IllegalArgumentException solver = assertThrows(IllegalArgumentException.class,
                () -> SettingValues.defaults().withText(RunSettings.SOLVER, "bfgs"));
        assertEquals("--optimizer must be sgd, adam or lbfgs, got bfgs", solver.getMessage());
        IllegalArgumentException notAnInt = assertThrows(IllegalArgumentException.class,
                () -> SettingValues.defaults().withText(RunSettings.LBFGS_MEMORY, "ten"));
        assertEquals("--lbfgs-memory: 'ten' is not a whole number; it must be at least 1", notAnInt.getMessage());
    }
}

package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.model.ConstantInit;
import io.mnistspark.model.NormalInit;
import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.settings.RunSettings;
import io.mnistspark.settings.Setting;
import io.mnistspark.train.TrainingSettings;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** The packaged profiles hold the notebook's four runs; profiles parse like train's options; overrides win. */
class SuiteProfilesTest {
    private final SuiteProfiles suite = SuiteProfiles.load(null, new Configuration());

    @Test
    void packagedProfilesAreTheNotebooksFourRunsInOrder() {
        assertEquals(List.of("sgd-constant", "adam-constant", "sgd-normal", "adam-normal-early"), suite.names());
        TrainingSettings sgd = suite.settings("sgd-constant", Map.of());
        assertEquals(OptimizerChoice.SGD, sgd.optimizer());
        assertEquals(new ConstantInit(0.01), sgd.init());
        assertEquals(1000, sgd.maxSteps());
        assertEquals(0.001, sgd.learningRate(), 0.0);
        assertTrue(sgd.earlyStopping().isEmpty());
        TrainingSettings adam = suite.settings("adam-constant", Map.of());
        assertEquals(OptimizerChoice.ADAM, adam.optimizer());
        assertEquals(new ConstantInit(0.01), adam.init());
        assertEquals(1000, adam.maxSteps());
        TrainingSettings normal = suite.settings("sgd-normal", Map.of());
        assertEquals(OptimizerChoice.SGD, normal.optimizer());
        assertEquals(new NormalInit(0.1, 0), normal.init());
        assertEquals(1000, normal.maxSteps());
        TrainingSettings last = suite.settings("adam-normal-early", Map.of());
        assertEquals(OptimizerChoice.ADAM, last.optimizer());
        assertEquals(new NormalInit(0.1, 0), last.init());
        assertTrue(last.earlyStopping().isPresent());
        assertEquals(0, last.earlyStopping().get().patience());
        assertEquals("adam-normal-early", last.runName());
    }

    @Test
    void commandLineOptionsOverrideEveryProfile() {
        Map<Setting<?>, String> overrides = Map.of(RunSettings.MAX_ITER, "50", RunSettings.STEP_SIZE, "0.01");
        for (String run : suite.names()) {
            TrainingSettings s = suite.settings(run, overrides);
            assertEquals(50, s.maxSteps(), run);
            assertEquals(0.01, s.learningRate(), 0.0, run);
        }
        assertEquals(OptimizerChoice.ADAM, suite.settings("sgd-constant", Map.of(RunSettings.SOLVER, "adam")).optimizer());
    }

    @Test
    void runsAreSelectedInTheOrderNamedAndUnknownNamesListTheKnownOnes() {
        assertEquals(List.of("adam-constant", "sgd-constant"), suite.select(List.of("adam-constant", "sgd-constant")));
        assertEquals(suite.names(), suite.select(null));
        SettingsException unknown = assertThrows(SettingsException.class, () -> suite.select(List.of("sgd-constnat")));
        assertEquals("--runs: no run named 'sgd-constnat' in conf/suite.properties (inside the jar); known runs: "
                + "sgd-constant, adam-constant, sgd-normal, adam-normal-early, lbfgs-normal-early", unknown.getMessage());
        assertThrows(SettingsException.class, () -> suite.select(List.of("sgd-constant", "sgd-constant")));
    }

    @Test
    void theOptionalLbfgsRunTrainsOnlyWhenNamed() {
        assertEquals(List.of("lbfgs-normal-early"), suite.optional());
        assertFalse(suite.select(null).contains("lbfgs-normal-early"));
        assertEquals(List.of("adam-normal-early", "lbfgs-normal-early"),
                suite.select(List.of("adam-normal-early", "lbfgs-normal-early")));
        TrainingSettings lbfgs = suite.settings("lbfgs-normal-early", Map.of());
        assertEquals(OptimizerChoice.LBFGS, lbfgs.optimizer());
        assertEquals(10, lbfgs.lbfgsMemory());
        assertEquals(new NormalInit(0.1, 0), lbfgs.init());
        assertEquals(5, lbfgs.earlyStopping().orElseThrow().patience());
        assertTrue(lbfgs.earlyStopping().orElseThrow().restoreBest());
        assertEquals(1000, lbfgs.maxSteps());
    }

    @Test
    void badProfilesAreRefusedWithTheKeyAtFault() throws IOException {
        String message = refused("runs = a\na.optimiser = sgd\n");
        assertTrue(message.contains("'a.optimiser': optimiser is not a run setting; known: solver (optimizer), "
                + "lbfgsMemory (lbfgs-memory), regParam (reg-param), stepSize (learning-rate)"), message);
        message = refused("runs = a\nb.optimizer = sgd\n");
        assertTrue(message.contains("'b.optimizer' belongs to no run listed in 'runs' or 'optional' (a)"), message);
        message = refused("runs = a\noptional = a\n");
        assertTrue(message.contains("'a' is named twice in 'runs' and 'optional'"), message);
        message = refused("optimizer = sgd\n");
        assertTrue(message.contains("needs a 'runs' line"), message);
        message = refused("runs = a, a\n");
        assertTrue(message.contains("names a run twice"), message);
        SuiteProfiles switches = parse("runs = a\na.early-stopping = yes\n");
        message = assertThrows(SettingsException.class, () -> switches.settings("a", Map.of())).getMessage();
        assertEquals("run a: --early-stopping: 'yes' is not true or false; it must be true or false", message);
        SuiteProfiles badValue = parse("runs = a\na.steps = 0\n");
        message = assertThrows(SettingsException.class, () -> badValue.settings("a", Map.of())).getMessage();
        assertEquals("run a: --steps must be at least 1, got 0", message);
    }

    @Test
    void aSwitchSetToFalseStaysOff() throws IOException {
        SuiteProfiles profiles = parse("runs = a\na.early-stopping = false\na.optimizer = sgd\n");
        assertEquals(OptimizerChoice.SGD, profiles.settings("a", Map.of()).optimizer());
        assertFalse(profiles.settings("a", Map.of()).earlyStopping().isPresent());
    }

    @Test
    void profilesNameSettingsByParamNameOrOptionAlike() throws IOException {
        SuiteProfiles byParam = parse("runs = a\na.solver = sgd\na.stepSize = 0.01\na.maxIter = 7\n"
                + "a.earlyStopping = true\na.patience = 2\n");
        SuiteProfiles byOption = parse("runs = a\na.optimizer = sgd\na.learning-rate = 0.01\na.steps = 7\n"
                + "a.early-stopping = true\na.patience = 2\n");
        TrainingSettings settings = byParam.settings("a", Map.of());
        assertEquals(settings, byOption.settings("a", Map.of()));
        assertEquals(0.01, settings.learningRate());
        assertEquals(7, settings.maxSteps());
        assertEquals(2, settings.earlyStopping().orElseThrow().patience());
        String twice = refused("runs = a\na.solver = sgd\na.optimizer = adam\n");
        assertTrue(twice.contains("run a sets solver twice"), twice);
    }

    private static SuiteProfiles parse(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return SuiteProfiles.parse(properties, "test.properties");
    }

    private static String refused(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return assertThrows(SettingsException.class, () -> SuiteProfiles.parse(properties, "test.properties"))
                .getMessage();
    }
}

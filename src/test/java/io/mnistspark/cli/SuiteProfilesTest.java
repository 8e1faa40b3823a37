package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.model.ConstantInit;
import io.mnistspark.model.NormalInit;
import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.train.TrainingSettings;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** The packaged profiles hold the notebook's four runs; profiles parse like train's options; overrides win. */
class SuiteProfilesTest {
    private final SuiteProfiles suite = SuiteProfiles.load(null, new Configuration());

    @Test
    void packagedProfilesAreTheNotebooksFourRunsInOrder() {
        assertEquals(List.of("sgd-constant", "adam-constant", "sgd-normal", "adam-normal-early"), suite.names());
        TrainingSettings sgd = suite.settings("sgd-constant", List.of());
        assertEquals(OptimizerChoice.SGD, sgd.optimizer());
        assertEquals(new ConstantInit(0.01), sgd.init());
        assertEquals(1000, sgd.maxSteps());
        assertEquals(0.001, sgd.learningRate(), 0.0);
        assertTrue(sgd.earlyStopping().isEmpty());
        TrainingSettings adam = suite.settings("adam-constant", List.of());
        assertEquals(OptimizerChoice.ADAM, adam.optimizer());
        assertEquals(new ConstantInit(0.01), adam.init());
        assertEquals(1000, adam.maxSteps());
        TrainingSettings normal = suite.settings("sgd-normal", List.of());
        assertEquals(OptimizerChoice.SGD, normal.optimizer());
        assertEquals(new NormalInit(0.1, 0), normal.init());
        assertEquals(1000, normal.maxSteps());
        TrainingSettings last = suite.settings("adam-normal-early", List.of());
        assertEquals(OptimizerChoice.ADAM, last.optimizer());
        assertEquals(new NormalInit(0.1, 0), last.init());
        assertTrue(last.earlyStopping().isPresent());
        assertEquals(0, last.earlyStopping().get().patience());
        assertEquals("adam-normal-early", last.runName());
    }

    @Test
    void commandLineOptionsOverrideEveryProfile() {
        List<String> overrides = List.of("--steps", "50", "--learning-rate", "0.01");
        for (String run : suite.names()) {
            TrainingSettings s = suite.settings(run, overrides);
            assertEquals(50, s.maxSteps(), run);
            assertEquals(0.01, s.learningRate(), 0.0, run);
        }
        assertEquals(OptimizerChoice.ADAM, suite.settings("sgd-constant", List.of("--optimizer", "adam")).optimizer());
    }

    @Test
    void runsAreSelectedInTheOrderNamedAndUnknownNamesListTheKnownOnes() {
        assertEquals(List.of("adam-constant", "sgd-constant"), suite.select(List.of("adam-constant", "sgd-constant")));
        assertEquals(suite.names(), suite.select(null));
        SettingsException unknown = assertThrows(SettingsException.class, () -> suite.select(List.of("sgd-constnat")));
        assertEquals("--runs: no run named 'sgd-constnat' in conf/suite.properties (inside the jar); known runs: "
                + "sgd-constant, adam-constant, sgd-normal, adam-normal-early", unknown.getMessage());
        assertThrows(SettingsException.class, () -> suite.select(List.of("sgd-constant", "sgd-constant")));
    }

    @Test
    void badProfilesAreRefusedWithTheKeyAtFault() throws IOException {
        String message = refused("runs = a\na.optimiser = sgd\n");
        assertTrue(message.contains("'a.optimiser': optimiser is not an option of train"), message);
        message = refused("runs = a\nb.optimizer = sgd\n");
        assertTrue(message.contains("'b.optimizer' belongs to no run listed in 'runs' (a)"), message);
        message = refused("optimizer = sgd\n");
        assertTrue(message.contains("needs a 'runs' line"), message);
        message = refused("runs = a, a\n");
        assertTrue(message.contains("names a run twice"), message);
        SuiteProfiles switches = parse("runs = a\na.early-stopping = yes\n");
        message = assertThrows(SettingsException.class, () -> switches.settings("a", List.of())).getMessage();
        assertTrue(message.contains("is a switch: expected true or false, got 'yes'"), message);
        SuiteProfiles badValue = parse("runs = a\na.steps = 0\n");
        message = assertThrows(SettingsException.class, () -> badValue.settings("a", List.of())).getMessage();
        assertEquals("run a: --steps must be at least 1, got 0", message);
    }

    @Test
    void aSwitchSetToFalseStaysOff() throws IOException {
        SuiteProfiles profiles = parse("runs = a\na.early-stopping = false\na.optimizer = sgd\n");
        assertEquals(List.of("--optimizer", "sgd"), profiles.arguments("a"));
        assertFalse(profiles.settings("a", List.of()).earlyStopping().isPresent());
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

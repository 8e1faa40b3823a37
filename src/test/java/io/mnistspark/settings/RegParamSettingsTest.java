package io.mnistspark.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mnistspark.ml.MlpClassifier;
import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.train.TrainingSettings;
import org.junit.jupiter.api.Test;

/**
 * regParam, the L2 penalty: unset it follows the solver (none for sgd and adam, as in the notebook; 3e-4 for
 * lbfgs), chosen it is what was chosen, and values written to files keep meaning what they meant.
 */
class RegParamSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void unsetItIsNoneForSgdAndAdamAnd3e4ForLbfgs() {
        assertEquals(0.0, resolved(SettingValues.defaults()));
        assertEquals(0.0, resolved(SettingValues.defaults().withText(RunSettings.SOLVER, "sgd")));
        assertEquals(3e-4, resolved(SettingValues.defaults().withText(RunSettings.SOLVER, "lbfgs")));
        assertEquals(3e-4, resolved(SettingValues.defaults().withText(RunSettings.SOLVER, "l-bfgs")));
    }

    @Test
    void aChosenValueWinsOverTheSolversDefaultEvenWhenItIsZero() {
        SettingValues lbfgs = SettingValues.defaults().withText(RunSettings.SOLVER, "lbfgs");
        assertEquals(0.0, resolved(lbfgs.withText(RunSettings.REG_PARAM, "0")));
        assertEquals(1e-2, resolved(lbfgs.withText(RunSettings.REG_PARAM, "1e-2")));
        assertEquals(1e-3, resolved(SettingValues.defaults().withText(RunSettings.REG_PARAM, "0.001")));
    }

    @Test
    void theEstimatorReportsAndFitsWithTheSameResolution() {
        MlpClassifier classifier = new MlpClassifier().setSolver("l-bfgs");
        assertEquals(3e-4, classifier.getRegParam());
        assertEquals(3e-4, classifier.settingValues().toTrainingSettings("x").penalty().regParam());
        assertEquals(0.0, classifier.setRegParam(0.0).getRegParam());
        assertEquals(0.0, new MlpClassifier().getRegParam());
        assertTrue(classifier.regParam().doc().contains("0 for sgd and adam"), classifier.regParam().doc());
        assertTrue(classifier.regParam().doc().contains("0.0003 for lbfgs"), classifier.regParam().doc());
    }

    @Test
    void aRunsResolvedValueSurvivesItsFilesAndAFileFromBeforeThePenaltyMeansNone() {
        TrainingSettings run = SettingValues.defaults().withText(RunSettings.SOLVER, "lbfgs").toTrainingSettings("l");
        SettingValues written = SettingValues.of(run);
        assertEquals(3e-4, written.toSummaryJson().get("reg_param"));
        assertEquals(run, SettingValues.fromParamJson(JSON.valueToTree(written.toParamJson())).toTrainingSettings("l"));

        ObjectNode before = JSON.valueToTree(written.toSummaryJson());
        before.remove("reg_param");
        TrainingSettings old = SettingValues.fromSummaryJson(before).toTrainingSettings("l");
        assertEquals(OptimizerChoice.LBFGS, old.optimizer());
        assertEquals(0.0, old.penalty().regParam());
    }

    @Test
    void aNegativeOrNonNumericWeightIsRefusedNamingTheOption() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> SettingValues.defaults().withText(RunSettings.REG_PARAM, "-0.1"));
        assertEquals("--reg-param must be a number of 0 or more, got -0.1", negative.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> SettingValues.defaults().withText(RunSettings.REG_PARAM, "lots"));
        assertTrue(text.getMessage().startsWith("--reg-param: 'lots'"), text.getMessage());
    }

    private static double resolved(SettingValues values) {
        return values.toTrainingSettings("x").penalty().regParam();
    }
}

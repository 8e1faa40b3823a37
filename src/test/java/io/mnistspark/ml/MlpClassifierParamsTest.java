package io.mnistspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.settings.RunSettings;
import io.mnistspark.settings.Setting;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.junit.jupiter.api.Test;

/** The estimator's params follow Spark ML's conventions and are exactly the declared run settings plus columns. */
class MlpClassifierParamsTest {

    @Test
    void paramsAreTheDeclaredSettingsAndTheColumnsWithSparksDefaults() {
        MlpClassifier mlp = new MlpClassifier("mlpc_test");
        Set<String> names = Arrays.stream(mlp.params()).map(Param::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(ColumnParams.DEFAULTS.keySet());
        expected.add("validationIndicatorCol");
        RunSettings.ALL.stream().map(Setting::name).forEach(expected::add);
        assertEquals(expected, names);
        for (Param<?> param : mlp.params()) {
            assertEquals("mlpc_test", param.parent(), param.name());
            assertTrue(mlp.explainParams().contains(param.name() + ": "), param.name());
        }
        assertEquals("features", mlp.getFeaturesCol());
        assertEquals("label", mlp.getLabelCol());
        assertEquals("rawPrediction", mlp.getRawPredictionCol());
        assertNull(mlp.getValidationIndicatorCol());
        assertEquals(128, mlp.getHiddenUnits());
        assertEquals("adam", mlp.getSolver());
        assertEquals(0.001, mlp.getStepSize());
        assertEquals(1000, mlp.getMaxIter());
        assertEquals(2, mlp.getAggregationDepth());
        assertFalse(mlp.getEarlyStopping());
    }

    @Test
    void copyWithExtraParamsAndParamGridsWorkFromJava() {
        MlpClassifier mlp = new MlpClassifier().setStepSize(0.01).setSolver("sgd");
        MlpClassifier copy = mlp.copy(new ParamMap().put(mlp.maxIter().w(7)));
        assertEquals(mlp.uid(), copy.uid());
        assertEquals(7, copy.getMaxIter());
        assertEquals(0.01, copy.getStepSize());
        assertEquals("sgd", copy.getSolver());
        assertEquals(1000, mlp.getMaxIter());
        ParamMap[] grid = new ParamGridBuilder().addGrid(mlp.stepSize(), new double[] {0.1, 0.01})
                .addGrid(mlp.hiddenUnits(), new int[] {8, 16}).build();
        assertEquals(4, grid.length);
        MlpClassifier fromGrid = mlp.copy(grid[3]);
        assertTrue(Set.of(8, 16).contains(fromGrid.getHiddenUnits()));
    }

    @Test
    void settingValuesFollowTheParams() {
        MlpClassifier mlp = new MlpClassifier().setInitMode("constant").setInitValue(0.02).setEarlyStopping(true)
                .setPatience(3);
        var settings = mlp.settingValues().toTrainingSettings("run");
        assertEquals("constant", settings.init().name());
        assertEquals(3, settings.earlyStopping().orElseThrow().patience());
    }
}

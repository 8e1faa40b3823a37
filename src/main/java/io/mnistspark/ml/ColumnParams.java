package io.mnistspark.ml;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The DataFrame columns a classifier reads and writes, with Spark ML's names and defaults
 * ({@code featuresCol}, {@code labelCol}, {@code predictionCol}, {@code probabilityCol},
 * {@code rawPredictionCol}, GBTClassifier's {@code validationIndicatorCol}), shared by the estimator and
 * its model.
 */
public interface ColumnParams extends Params {
    /** Column param name to its default column name; {@code validationIndicatorCol} has none (unset). */
    Map<String, String> DEFAULTS = defaults();

    /** This stage's column params by name. */
    Map<String, Param<String>> columnParams();

    /** Makes the stage's column params with their defaults; call once from the constructor, after the uid. */
    static Map<String, Param<String>> declareColumnParams(Params owner) {
        Map<String, Param<String>> params = new LinkedHashMap<>();
        declare(owner, params, "featuresCol", "features column name: a Vector column, dense or sparse, every row "
                + "the same size");
        declare(owner, params, "labelCol", "label column name: the class index 0..K-1 as a number");
        declare(owner, params, "predictionCol", "prediction column name: the class with the largest logit");
        declare(owner, params, "probabilityCol", "column name for the class probabilities (softmax of the logits)");
        declare(owner, params, "rawPredictionCol", "raw prediction (the logits) column name");
        declare(owner, params, "validationIndicatorCol", "name of a boolean column whose true rows are validation "
                + "rows: their loss is recorded every step and decides early stopping; unset for none");
        return Map.copyOf(params);
    }

    private static void declare(Params owner, Map<String, Param<String>> params, String name, String doc) {
        Param<String> param = new Param<>(owner.uid(), name, doc);
        String column = DEFAULTS.get(name);
        if (column != null) {
            owner.setDefault(param, column);
        }
        params.put(name, param);
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("featuresCol", "features");
        defaults.put("labelCol", "label");
        defaults.put("predictionCol", "prediction");
        defaults.put("probabilityCol", "probability");
        defaults.put("rawPredictionCol", "rawPrediction");
        return defaults;
    }

    default Param<String> featuresCol() {
        return columnParams().get("featuresCol");
    }

    default String getFeaturesCol() {
        return getOrDefault(featuresCol());
    }

    default Param<String> labelCol() {
        return columnParams().get("labelCol");
    }

    default String getLabelCol() {
        return getOrDefault(labelCol());
    }

    default Param<String> predictionCol() {
        return columnParams().get("predictionCol");
    }

    default String getPredictionCol() {
        return getOrDefault(predictionCol());
    }

    default Param<String> probabilityCol() {
        return columnParams().get("probabilityCol");
    }

    default String getProbabilityCol() {
        return getOrDefault(probabilityCol());
    }

    default Param<String> rawPredictionCol() {
        return columnParams().get("rawPredictionCol");
    }

    default String getRawPredictionCol() {
        return getOrDefault(rawPredictionCol());
    }

    default Param<String> validationIndicatorCol() {
        return columnParams().get("validationIndicatorCol");
    }

    /** The validation indicator column, or null when unset. */
    default String getValidationIndicatorCol() {
        return isDefined(validationIndicatorCol()) ? getOrDefault(validationIndicatorCol()) : null;
    }
}

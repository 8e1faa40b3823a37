package io.mnistspark.ml;

import io.mnistspark.model.NetworkShape;
import io.mnistspark.settings.RunParams;
import io.mnistspark.settings.Setting;
import io.mnistspark.train.FullBatchPass;
import io.mnistspark.train.StepListener;
import io.mnistspark.train.Trainer;
import io.mnistspark.train.TrainingResult;
import io.mnistspark.train.TrainingSettings;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import io.mnistspark.data.Shard;

/**
 * A two-layer ReLU network ({@code h = relu(x W1 + b1)}, logits {@code h W2 + b2}) trained with softmax
 * cross-entropy on exact full-batch gradients: every step is one distributed pass over all training rows,
 * SGD or Adam (as Keras computes it) updates on the driver, or L-BFGS takes a line-search step of one or more
 * passes ({@code solver}), optionally with an L2 penalty on the weights ({@code regParam}: unset, none for
 * sgd and adam and 0.0003 for lbfgs), and rows marked by {@code validationIndicatorCol}
 * give a validation loss every step that can stop the fit early. The same engine as the command line's
 * {@code train}: the rows of each input partition are packed into blocks and persisted, and each step
 * sums the blocks' losses and gradients along a fixed tree, so refits are bitwise identical.
 *
 * <p>Input: {@code featuresCol}, a Vector column (dense or sparse, any size, all rows the same), and
 * {@code labelCol}, the class index 0..K-1 as a number (K from the column's ML attribute, else the largest
 * label + 1).
 */
public final class MlpClassifier extends Estimator<MlpClassificationModel>
        implements RunParams, ColumnParams, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Map<Setting<?>, Param<?>> runParams;
    private final Map<String, Param<String>> columnParams;

    public MlpClassifier() {
        this(Identifiable.randomUID("mlpc"));
    }

    public MlpClassifier(String uid) {
        this.uid = uid;
        this.runParams = RunParams.declareRunParams(this);
        this.columnParams = ColumnParams.declareColumnParams(this);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public Map<Setting<?>, Param<?>> runParams() {
        return runParams;
    }

    @Override
    public Map<String, Param<String>> columnParams() {
        return columnParams;
    }

    @Override
    public MlpClassificationModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        TrainingSettings settings = settingValues().toTrainingSettings(uid);
        FitInput input = FitInput.check(dataset, getFeaturesCol(), getLabelCol(), getValidationIndicatorCol(),
                getEarlyStopping());
        NetworkShape shape = new NetworkShape(input.features(), getHiddenUnits(), input.classes());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
        JavaRDD<Shard> shards = DataFrameShards.pack(dataset, getFeaturesCol(), getLabelCol(),
                getValidationIndicatorCol(), input.features());
        try {
            FullBatchPass pass = new FullBatchPass(sc, shards, shape, getAggregationDepth());
            TrainingResult result = new Trainer(pass, shape, settings).train(StepListener.SILENT);
            if (result.diverged()) {
                throw new IllegalStateException(result.divergence().message());
            }
            MlpClassificationModel model = new MlpClassificationModel(uid, shape, result.params());
            copyValues(model, ParamMap.empty());
            return model.setParent(this).withSummary(new MlpTrainingSummary(uid, result));
        } finally {
            shards.unpersist(false);
        }
    }

    @Override
    public StructType transformSchema(StructType schema) {
        FitInput.checkFeatures(schema, getFeaturesCol());
        return schema;
    }

    @Override
    public MlpClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<MlpClassifier> read() {
        return new DefaultParamsReadable<MlpClassifier>() { }.read();
    }

    public static MlpClassifier load(String path) {
        return read().load(path);
    }

    public MlpClassifier setFeaturesCol(String value) {
        return setParam(featuresCol(), value);
    }

    public MlpClassifier setLabelCol(String value) {
        return setParam(labelCol(), value);
    }

    public MlpClassifier setPredictionCol(String value) {
        return setParam(predictionCol(), value);
    }

    public MlpClassifier setProbabilityCol(String value) {
        return setParam(probabilityCol(), value);
    }

    public MlpClassifier setRawPredictionCol(String value) {
        return setParam(rawPredictionCol(), value);
    }

    public MlpClassifier setValidationIndicatorCol(String value) {
        return setParam(validationIndicatorCol(), value);
    }

    public MlpClassifier setHiddenUnits(int value) {
        return setParam(hiddenUnits(), value);
    }

    public MlpClassifier setSolver(String value) {
        return setParam(solver(), value);
    }

    public MlpClassifier setLbfgsMemory(int value) {
        return setParam(lbfgsMemory(), value);
    }

    public MlpClassifier setRegParam(double value) {
        return setParam(regParam(), value);
    }

    public MlpClassifier setStepSize(double value) {
        return setParam(stepSize(), value);
    }

    public MlpClassifier setHyperparameterDtype(String value) {
        return setParam(hyperparameterDtype(), value);
    }

    public MlpClassifier setMaxIter(int value) {
        return setParam(maxIter(), value);
    }

    public MlpClassifier setInitMode(String value) {
        return setParam(initMode(), value);
    }

    public MlpClassifier setInitValue(double value) {
        return setParam(initValue(), value);
    }

    public MlpClassifier setInitStddev(double value) {
        return setParam(initStddev(), value);
    }

    public MlpClassifier setSeed(long value) {
        return setParam(seed(), value);
    }

    public MlpClassifier setEarlyStopping(boolean value) {
        return setParam(earlyStopping(), value);
    }

    public MlpClassifier setPatience(int value) {
        return setParam(patience(), value);
    }

    public MlpClassifier setMinDelta(double value) {
        return setParam(minDelta(), value);
    }

    public MlpClassifier setRestoreBest(boolean value) {
        return setParam(restoreBest(), value);
    }

    public MlpClassifier setPrintEvery(int value) {
        return setParam(printEvery(), value);
    }

    public MlpClassifier setAggregationDepth(int value) {
        return setParam(aggregationDepth(), value);
    }

    public MlpClassifier setDivergenceFactor(double value) {
        return setParam(divergenceFactor(), value);
    }

    private <T> MlpClassifier setParam(Param<T> param, T value) {
        set(param, value);
        return this;
    }
}

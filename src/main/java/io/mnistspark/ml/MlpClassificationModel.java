package io.mnistspark.ml;

import io.mnistspark.model.NetworkShape;
import io.mnistspark.model.RowForward;
import io.mnistspark.settings.RunParams;
import io.mnistspark.settings.Setting;
import java.util.Map;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The network {@link MlpClassifier} trained: {@code transform} appends, as MLlib's classifiers do,
 * {@code rawPredictionCol} (the logits, a Vector), {@code probabilityCol} (their softmax, a Vector) and
 * {@code predictionCol} (the class with the largest logit, a double). Each of the three is skipped when its
 * column param is set to the empty string.
 */
public final class MlpClassificationModel extends Model<MlpClassificationModel>
        implements RunParams, ColumnParams, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Map<Setting<?>, Param<?>> runParams;
    private final Map<String, Param<String>> columnParams;
    private final NetworkShape shape;
    private final double[] weights;
    private transient MlpTrainingSummary summary;

    /**
     * @param weights the flat parameters, W1, b1, W2, b2 (see {@link NetworkShape}); kept, not copied
     */
    public MlpClassificationModel(String uid, NetworkShape shape, double[] weights) {
        this.uid = uid;
        this.runParams = RunParams.declareRunParams(this);
        this.columnParams = ColumnParams.declareColumnParams(this);
        if (weights.length != shape.parameterCount()) {
            throw new IllegalArgumentException("a " + shape + " network has " + shape.parameterCount()
                    + " parameters, got " + weights.length);
        }
        this.shape = shape;
        this.weights = weights;
    }

    MlpClassificationModel(NetworkShape shape, double[] weights) {
        this(Identifiable.randomUID("mlpc"), shape, weights);
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

    public int numFeatures() {
        return shape.inputs();
    }

    public int numClasses() {
        return shape.classes();
    }

    /** The network's sizes: inputs, hidden units, classes. */
    public NetworkShape shape() {
        return shape;
    }

    /** A copy of the flat parameters: W1 (inputs x hidden, row-major), b1, W2 (hidden x classes), b2. */
    public double[] weights() {
        return weights.clone();
    }

    public boolean hasSummary() {
        return summary != null;
    }

    /**
     * The training summary of the fit that made this model.
     *
     * @throws IllegalStateException for a model without one (loaded from disk, or copied)
     */
    public MlpTrainingSummary summary() {
        if (summary == null) {
            throw new IllegalStateException("no training summary: this model was not made by MlpClassifier.fit "
                    + "in this session (a loaded or copied model has none)");
        }
        return summary;
    }

    MlpClassificationModel withSummary(MlpTrainingSummary trainingSummary) {
        this.summary = trainingSummary;
        return this;
    }

    public MlpClassificationModel setFeaturesCol(String value) {
        set(featuresCol(), value);
        return this;
    }

    public MlpClassificationModel setPredictionCol(String value) {
        set(predictionCol(), value);
        return this;
    }

    public MlpClassificationModel setProbabilityCol(String value) {
        set(probabilityCol(), value);
        return this;
    }

    public MlpClassificationModel setRawPredictionCol(String value) {
        set(rawPredictionCol(), value);
        return this;
    }

    /** The logits of one feature vector (its size must be {@link #numFeatures()}). */
    public Vector predictRaw(Vector features) {
        return Vectors.dense(logits(new RowForward(shape, weights), features));
    }

    /** The class with the largest logit for one feature vector. */
    public double predict(Vector features) {
        return RowForward.argmax(logits(new RowForward(shape, weights), features));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        FitInput.checkFeatures(schema, getFeaturesCol());
        StructType out = schema;
        for (String column : new String[] {getRawPredictionCol(), getProbabilityCol()}) {
            if (!column.isEmpty()) {
                out = FitInput.appendColumn(out, column, SQLDataTypes.VectorType());
            }
        }
        if (!getPredictionCol().isEmpty()) {
            out = FitInput.appendColumn(out, getPredictionCol(), DataTypes.DoubleType);
        }
        return out;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        NetworkShape network = shape;
        double[] params = weights;
        UserDefinedFunction raw = functions.udf((UDF1<Vector, Vector>) features -> features == null ? null
                : Vectors.dense(logits(new RowForward(network, params), features)), SQLDataTypes.VectorType());
        Dataset<Row> out = dataset.toDF();
        String rawColumn = getRawPredictionCol().isEmpty() ? "_mlpc_raw_" + uid : getRawPredictionCol();
        out = out.withColumn(rawColumn, raw.apply(out.col(getFeaturesCol())));
        Column logits = out.col(rawColumn);
        if (!getProbabilityCol().isEmpty()) {
            UserDefinedFunction probability = functions.udf((UDF1<Vector, Vector>) z -> z == null ? null
                    : Vectors.dense(RowForward.softmax(z.toArray())), SQLDataTypes.VectorType());
            out = out.withColumn(getProbabilityCol(), probability.apply(logits));
        }
        if (!getPredictionCol().isEmpty()) {
            UserDefinedFunction prediction = functions.udf((UDF1<Vector, Double>) z -> z == null ? null
                    : (double) RowForward.argmax(z.toArray()), DataTypes.DoubleType);
            out = out.withColumn(getPredictionCol(), prediction.apply(logits));
        }
        return getRawPredictionCol().isEmpty() ? out.drop(rawColumn) : out;
    }

    private static double[] logits(RowForward forward, Vector features) {
        int inputs = forward.inputs();
        if (features.size() != inputs) {
            throw new IllegalArgumentException("the model takes feature vectors of size " + inputs + ", got one of "
                    + "size " + features.size());
        }
        org.apache.spark.ml.linalg.SparseVector sparse = features.toSparse();
        return forward.logits(sparse.indices(), sparse.values(), sparse.indices().length);
    }

    @Override
    public MlpClassificationModel copy(ParamMap extra) {
        MlpClassificationModel copy = new MlpClassificationModel(uid, shape, weights);
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new MlpModelWriter(this);
    }

    public static MLReader<MlpClassificationModel> read() {
        return new MlpModelReader();
    }

    public static MlpClassificationModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "MlpClassificationModel: uid=" + uid + ", network " + shape;
    }
}

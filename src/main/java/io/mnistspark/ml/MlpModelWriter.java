package io.mnistspark.ml;

import io.mnistspark.model.NetworkShape;
import java.util.List;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Saves a model in Spark ML's layout: {@code metadata/} (class, uid, Spark version, every param, as
 * {@code DefaultParamsWriter} writes it, so a {@code PipelineModel} holding the model saves and loads) and
 * {@code data/}, one Parquet row with the network's sizes and its flat parameters, every double as it is.
 */
final class MlpModelWriter extends MLWriter {
    static final StructType DATA_SCHEMA = new StructType()
            .add("inputs", DataTypes.IntegerType, false)
            .add("hidden", DataTypes.IntegerType, false)
            .add("classes", DataTypes.IntegerType, false)
            .add("weights", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

    private final MlpClassificationModel model;

    MlpModelWriter(MlpClassificationModel model) {
        this.model = model;
    }

    @Override
    public void saveImpl(String path) {
        DefaultParamsWriter$.MODULE$.saveMetadata(model, path, sparkSession());
        NetworkShape shape = model.shape();
        Row row = RowFactory.create(shape.inputs(), shape.hidden(), shape.classes(), model.weights());
        sparkSession().createDataFrame(List.of(row), DATA_SCHEMA).repartition(1).write().parquet(path + "/data");
    }
}

package io.mnistspark.ml;

import io.mnistspark.model.NetworkShape;
import java.util.List;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsReader.Metadata;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Row;
import scala.Option;

/** Loads what {@link MlpModelWriter} saved: the same uid, params and parameters, bit for bit. */
final class MlpModelReader extends MLReader<MlpClassificationModel> {

    @Override
    public MlpClassificationModel load(String path) {
        Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sparkSession(),
                MlpClassificationModel.class.getName());
        List<Row> rows = sparkSession().read().parquet(path + "/data").collectAsList();
        if (rows.size() != 1) {
            throw new IllegalArgumentException(path + "/data: expected one row with the network, found " + rows.size());
        }
        Row row = rows.get(0);
        NetworkShape shape = new NetworkShape(row.getInt(row.fieldIndex("inputs")), row.getInt(row.fieldIndex("hidden")),
                row.getInt(row.fieldIndex("classes")));
        List<Double> weights = row.getList(row.fieldIndex("weights"));
        double[] params = new double[weights.size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = weights.get(i);
        }
        MlpClassificationModel model = new MlpClassificationModel(metadata.uid(), shape, params);
        metadata.getAndSetParams(model, Option.empty());
        return model;
    }
}

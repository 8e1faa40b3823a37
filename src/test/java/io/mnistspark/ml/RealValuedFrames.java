package io.mnistspark.ml;

import java.nio.file.Path;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The real-valued fixture (src/test/python/make_real_valued.py) as Spark users read it. */
final class RealValuedFrames {
    static final String[] FEATURE_COLUMNS = {"x0", "x1", "x2", "x3", "x4"};

    private RealValuedFrames() {
    }

    /** The CSV as written: x0..x4, label, is_val; one partition, so the rows keep the file's order. */
    static Dataset<Row> csv(SparkSession spark) {
        return spark.read().option("header", true).option("inferSchema", true).csv(path()).coalesce(1);
    }

    /** The CSV with x0..x4 assembled into a {@code features} Vector column. */
    static Dataset<Row> assembled(SparkSession spark) {
        return new VectorAssembler().setInputCols(FEATURE_COLUMNS).setOutputCol("features").transform(csv(spark));
    }

    static String path() {
        try {
            return Path.of(RealValuedFrames.class.getResource("/fixtures/real-valued.csv").toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

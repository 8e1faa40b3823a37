package io.mnistspark.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Starts the job's Spark session. The master comes from spark-submit; run any other way, local[*]. */
final class SparkSessions {
    private SparkSessions() {
    }

    static SparkSession start(boolean verbose) {
        SparkConf conf = new SparkConf().setAppName("mnist-spark-mlp");
        // spark-submit always sets spark.master, so this only applies when the class is run directly (tests, IDE).
        conf.setIfMissing("spark.master", "local[*]");
        // Each step broadcasts the parameters (0.8 MB of float64 for 784-128-10): random doubles do not
        // compress, and the checksum is another pass over them. Off unless the user sets them.
        conf.setIfMissing("spark.broadcast.compress", "false");
        conf.setIfMissing("spark.broadcast.checksum", "false");
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        spark.sparkContext().setLogLevel(verbose ? "INFO" : "WARN");
        return spark;
    }
}

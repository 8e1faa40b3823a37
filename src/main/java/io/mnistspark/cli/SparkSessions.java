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
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        spark.sparkContext().setLogLevel(verbose ? "INFO" : "WARN");
        return spark;
    }
}

package io.mnistspark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * One local[2] Spark session shared by the tests in this JVM (starting Spark takes seconds). A CLI test
 * stops the session its command used; the next caller then gets a fresh one.
 */
public final class SparkTestSession {
    private static SparkSession session;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        if (session == null || session.sparkContext().isStopped()) {
            System.setProperty("spark.master", "local[2]");
            session = SparkSession.builder()
                    .appName("mnist-spark-mlp tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }

    public static JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(get().sparkContext());
    }
}

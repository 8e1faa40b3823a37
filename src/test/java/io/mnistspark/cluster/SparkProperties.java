package io.mnistspark.cluster;

import io.mnistspark.cli.Main;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the job's command line in this JVM with a chosen set of Spark properties, as spark-submit would
 * hand them to the driver. {@code SparkConf} reads {@code spark.*} system properties when it is created,
 * so they are set for the run and put back afterwards: a property left behind would send every later test
 * to a cluster that no longer exists.
 */
final class SparkProperties {
    private final Map<String, String> properties = new LinkedHashMap<>();

    SparkProperties set(String key, String value) {
        properties.put(key, value);
        return this;
    }

    SparkProperties setAll(Map<String, String> more) {
        properties.putAll(more);
        return this;
    }

    Map<String, String> asMap() {
        return Map.copyOf(properties);
    }

    /**
     * Runs {@code args} through {@link Main#execute} and returns its exit code. Any live session (the
     * shared local[2] one of the other tests) is stopped first, because the job's builder would otherwise
     * reuse it instead of starting a context with these properties.
     */
    int runJob(String... args) {
        stopActiveSession();
        Map<String, String> previous = new LinkedHashMap<>();
        for (Map.Entry<String, String> property : properties.entrySet()) {
            previous.put(property.getKey(), System.getProperty(property.getKey()));
            System.setProperty(property.getKey(), property.getValue());
        }
        try {
            return Main.execute(args);
        } finally {
            for (Map.Entry<String, String> old : previous.entrySet()) {
                if (old.getValue() == null) {
                    System.clearProperty(old.getKey());
                } else {
                    System.setProperty(old.getKey(), old.getValue());
                }
            }
            stopActiveSession();
        }
    }

    /** Work done on a session started with these properties. */
    interface SessionWork {
        void run(SparkSession spark) throws Exception;
    }

    /**
     * Runs {@code work} on a new session started with these properties, set as system properties for as long
     * as it lasts (the local-cluster workers read {@code spark.test.home} from them), then stops it and puts
     * the properties back.
     */
    void inSession(String appName, SessionWork work) throws Exception {
        stopActiveSession();
        Map<String, String> previous = new LinkedHashMap<>();
        for (Map.Entry<String, String> property : properties.entrySet()) {
            previous.put(property.getKey(), System.getProperty(property.getKey()));
            System.setProperty(property.getKey(), property.getValue());
        }
        try {
            work.run(SparkSession.builder().appName(appName).getOrCreate());
        } finally {
            stopActiveSession();
            for (Map.Entry<String, String> old : previous.entrySet()) {
                if (old.getValue() == null) {
                    System.clearProperty(old.getKey());
                } else {
                    System.setProperty(old.getKey(), old.getValue());
                }
            }
        }
    }

    /** Stops the default session, if any, so the next builder call creates a context from scratch. */
    static void stopActiveSession() {
        scala.Option<SparkSession> session = SparkSession.getDefaultSession();
        if (session.isDefined()) {
            session.get().stop();
        }
        SparkSession.clearDefaultSession();
        SparkSession.clearActiveSession();
    }
}

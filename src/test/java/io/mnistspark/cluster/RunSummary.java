package io.mnistspark.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** A run's {@code summary.json}, read through Hadoop's FileSystem so it may be local or on HDFS. */
final class RunSummary {
    private RunSummary() {
    }

    /** The summary in output directory {@code outDir} (a local path or a Hadoop URI). */
    static JsonNode read(String outDir) throws IOException {
        Path file = new Path(outDir, "summary.json");
        try (InputStream in = file.getFileSystem(new Configuration()).open(file)) {
            return new ObjectMapper().readTree(in);
        }
    }

    /**
     * The master the run's Spark context really had. Worth checking: a context left running by another test
     * would be reused by the job's session builder, and the run would silently not be on the cluster.
     */
    static String master(String outDir) throws IOException {
        return read(outDir).path("job").path("master").asText();
    }
}

package io.mnistspark.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The time-to-accuracy table for the terminal, and its JSON: {@code time_to_accuracy} maps contender to seconds. */
public final class TimeToAccuracyReport {
    private TimeToAccuracyReport() {
    }

    public static void print(TimeToAccuracy.Result result, PrintWriter out) {
        BenchResult.Setup s = result.setup();
        out.printf(Locale.ROOT, "Time to test accuracy %.4f: %s, %d training rows, %d test rows, %s, %d partitions%n",
                result.settings().target(), s.data(), s.trainRows(), s.testRows(), s.master(), s.partitions());
        out.printf(Locale.ROOT, "%-12s %10s %8s %10s  %s%n", "contender", "seconds", "steps", "accuracy", "timed as");
        for (Reach r : result.reaches()) {
            out.printf(Locale.ROOT, "%-12s %10s %8d %10.4f  %s%n", r.contender(),
                    r.reached() ? String.format(Locale.ROOT, "%.1f", r.seconds()) : "null", r.steps(), r.accuracy(),
                    r.how());
        }
        out.printf(Locale.ROOT, "load average %.2f at start, %.2f at end%n", s.machine().loadAtStart(),
                result.loadAtEnd());
    }

    public static String json(TimeToAccuracy.Result result) {
        BenchResult.Setup s = result.setup();
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("data", s.data());
        setup.put("train_rows", s.trainRows());
        setup.put("test_rows", s.testRows());
        setup.put("network", s.network());
        setup.put("spark_version", s.sparkVersion());
        setup.put("master", s.master());
        setup.put("partitions", s.partitions());
        setup.put("cores", s.machine().cores());
        setup.put("cpu", s.machine().cpu());
        setup.put("load_average_start", finite(s.machine().loadAtStart()));
        setup.put("load_average_end", finite(result.loadAtEnd()));
        setup.put("target_accuracy", result.settings().target());
        setup.put("check_every", result.settings().checkEvery());
        setup.put("max_steps", result.settings().maxSteps());
        setup.put("mllib_max_iter", result.settings().mllibMaxIter());
        setup.put("mllib_resolution", result.settings().mllibResolution());
        setup.put("mllib_block_size", result.settings().mllibBlockSize());
        Map<String, Object> seconds = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        for (Reach r : result.reaches()) {
            seconds.put(r.contender(), r.seconds());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("steps", r.steps());
            detail.put("test_accuracy", finite(r.accuracy()));
            detail.put("timed_as", r.how());
            details.put(r.contender(), detail);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("setup", setup);
        doc.put("time_to_accuracy", seconds);
        doc.put("time_to_accuracy_details", details);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the time-to-accuracy figures did not encode as JSON", e);
        }
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}

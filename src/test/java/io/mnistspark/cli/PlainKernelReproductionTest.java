package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain-Java kernel, the one a JVM without {@code jdk.incubator.vector} runs, prints the notebook's SGD
 * step-100 losses on the real MNIST as the vector kernel does ({@code NotebookReproductionTest}): the job in
 * a JVM of its own with {@code -Dmnistspark.kernel=plain}.
 */
class PlainKernelReproductionTest {
    private static final Pattern STEP_100 = Pattern.compile("Step: 100 Train loss: (\\S+) Val loss: (\\S+)");

    @TempDir
    Path tmp;

    @Test
    void plainKernelPrintsTheNotebooksSgdStep100() throws Exception {
        Path out = tmp.resolve("sgd");
        Path log = tmp.resolve("sgd.log");
        Process process = ChildJob.start(log, List.of("-Dmnistspark.kernel=plain"),
                List.of("train", "--optimizer", "sgd", "--init", "constant", "--steps", "100", "--out", out.toString()));
        try {
            assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the run did not finish in 10 minutes");
        } finally {
            process.destroyForcibly();
        }
        String printed = Files.readString(log);
        assertEquals(0, process.exitValue(), printed);
        assertTrue(printed.contains("; kernel plain"), printed);
        Matcher step100 = STEP_100.matcher(printed);
        assertTrue(step100.find(), printed);
        // In [14] of the notebook
        assertEquals(2.2897008012610214, Double.parseDouble(step100.group(1)), 1e-12);
        assertEquals(2.289479290026079, Double.parseDouble(step100.group(2)), 1e-12);
    }
}

package io.mnistspark.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.SparkTestSession;
import io.mnistspark.train.RunOutcome;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plots and report drawn from a run directory read back from disk: history.parquet written by Spark
 * and summary.json written by {@link SummaryJson}, holding the synthetic runs.
 */
class ReportWriterTest {
    @TempDir
    static Path tmp;

    private static List<RunOutcome> outcomes;
    private static ReportLoader loaded;
    private static List<String> written;
    private static String report;

    @BeforeAll
    static void drawOnce() throws Exception {
        outcomes = SyntheticRuns.outcomes();
        Path dir = tmp.resolve("run");
        SyntheticRuns.writeRunDirectory(dir, outcomes);
        FileSystem fs = FileSystem.getLocal(new Configuration());
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(dir.toUri());
        loaded = ReportLoader.load(SparkTestSession.get(), fs, path);
        written = ReportWriter.write(fs, path, loaded.header(), loaded.runs());
        report = Files.readString(dir.resolve("report.md"));
    }

    @Test
    void everyPlotIsAPngOfTheChartSize() throws Exception {
        List<String> expected = List.of("plots/loss-sgd-constant.png", "plots/confusion-sgd-constant.png",
                "plots/loss-adam-constant.png", "plots/confusion-adam-constant.png",
                "plots/loss-sgd-normal.png", "plots/confusion-sgd-normal.png",
                "plots/loss-adam-normal-early.png", "plots/confusion-adam-normal-early.png",
                "plots/compare-optimizers.png", "plots/compare-initialisations.png", "report.md");
        assertEquals(expected, written);
        for (String file : expected.subList(0, expected.size() - 1)) {
            Path png = tmp.resolve("run").resolve(file);
            byte[] head = new byte[8];
            System.arraycopy(Files.readAllBytes(png), 0, head, 0, 8);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, file);
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, file + " is not an image ImageIO can read");
            assertEquals(Charts.WIDTH, image.getWidth(), file);
            assertEquals(Charts.HEIGHT, image.getHeight(), file);
        }
    }

    @Test
    void loaderReadsBackWhatTrainingHad() {
        List<RunReport> expected = outcomes.stream().map(RunReport::of).toList();
        assertEquals(expected.size(), loaded.runs().size());
        for (int i = 0; i < expected.size(); i++) {
            RunReport want = expected.get(i);
            RunReport got = loaded.runs().get(i);
            assertEquals(want.name(), got.name());
            assertEquals(want.hidden(), got.hidden(), want.name());
            assertEquals(want.history(), got.history(), want.name());
            assertEquals(want.initLabel(), got.initLabel());
            assertEquals(want.optimizer(), got.optimizer());
            assertEquals(want.learningRate(), got.learningRate(), 0.0);
            assertEquals(want.earlyStopping(), got.earlyStopping());
            assertEquals(want.stoppedEarly(), got.stoppedEarly());
            assertEquals(want.bestStep(), got.bestStep());
            assertEquals(want.bestValLoss(), got.bestValLoss(), 0.0);
            assertEquals(want.testAccuracy(), got.testAccuracy());
            assertArrayEquals(want.confusion(), got.confusion());
        }
        assertEquals(784, loaded.header().inputs());
        assertEquals(10, loaded.header().classes());
        assertEquals(80, loaded.header().trainRecords());
        assertEquals(20, loaded.header().validationRecords());
        assertEquals(50, loaded.header().testRecords());
        for (RunReport run : loaded.runs()) {
            // one prediction per test image the data declares, each in the row of the image's true label
            assertEquals(loaded.header().testRecords(), Arrays.stream(run.confusion()).flatMapToLong(Arrays::stream).sum(),
                    run.name());
            assertArrayEquals(testLabelCounts(), Arrays.stream(run.confusion()).mapToLong(r -> Arrays.stream(r).sum())
                    .toArray(), run.name());
        }
    }

    @Test
    void reportNumbersAreTheHistorysNumbers() {
        assertTrue(report.contains("4 runs of the 784-128-10 ReLU network, trained with"), report);
        // runs table: final losses, best validation loss and step, test accuracy
        assertTrue(report.contains("| sgd-constant | SGD | constant 0.01 | 0.001 | 0.0 | 150 | 150 | "
                + ReportFormat.loss(2.5 - 150 / 4096.0) + " | " + ReportFormat.loss(2.5 - 150 / 4096.0 + 1 / 64.0)
                + " | " + ReportFormat.loss(2.5 - 150 / 4096.0 + 1 / 64.0) + " (150) | 0.2400 |"), report);
        assertTrue(report.contains("| adam-normal-early | Adam | normal (sd 0.1, seed 0) | 0.001 | 0.0 | at most 10000, "
                + "early stopping | 40 (stopped early) | " + ReportFormat.loss(1.5 - 40 / 128.0) + " | "), report);
        // losses at step 100 (train / val), and the first steps below each threshold
        assertTrue(report.contains("| sgd-normal | " + ReportFormat.loss(2.75 - 1 / 256.0) + " / "
                + ReportFormat.loss(2.75 - 1 / 256.0 + 1 / 64.0)), report);
        assertTrue(report.contains(" " + ReportFormat.loss(2.5 - 100 / 64.0) + " / "
                + ReportFormat.loss(2.5 - 100 / 64.0 + 1 / 64.0) + " |"), report);
        assertTrue(report.contains("| adam-constant | 20 | 33 | 65 | 97 | 129 | 148 |"), report);
        assertTrue(report.contains("| sgd-normal | 141 | not in 150 | not in 150 | not in 150 | not in 150 | not in 150 |"),
                report);
        assertTrue(report.contains("| adam-normal-early | 1 | 1 | 1 | not in 40 | not in 40 | not in 40 |"), report);
        // the answers, measured
        assertTrue(report.contains("**Adam converges faster than SGD.**"), report);
        assertTrue(report.contains("**Normal initialisation converges faster than constant initialisation.**"), report);
        assertTrue(report.contains("stopped after 40 updates: the validation loss after update 40 was "
                + ReportFormat.loss(1.5 - 39 / 128.0 + 1 / 64.0 + 1 / 128.0) + ", after update 39 "
                + ReportFormat.loss(1.5 - 39 / 128.0 + 1 / 64.0) + "."), report);
        assertTrue(report.contains("classifies 0.8800 of the 50 test images correctly"), report);
        for (String file : written.subList(0, written.size() - 1)) {
            assertTrue(report.contains("](" + file + ")"), file + " is not embedded in the report");
        }
    }

    /** How many of the fixture's test images carry each label, 0-9. */
    private static long[] testLabelCounts() {
        long[] counts = new long[10];
        for (int label : SyntheticRuns.context().data().testLabels()) {
            counts[label]++;
        }
        return counts;
    }
}

package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.report.SyntheticRuns;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** plot redraws the plots and report of an existing directory without training. */
@ExtendWith(RestoresSession.class)
class PlotCommandTest {
    @TempDir
    Path tmp;

    @Test
    void plotDrawsEveryPngAndTheReportFromHistoryAndSummary() throws Exception {
        Path dir = tmp.resolve("run");
        SyntheticRuns.writeRunDirectory(dir, SyntheticRuns.outcomes().subList(0, 3));
        CliRunner run = CliRunner.run("plot", dir.toString());
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.startsWith("Plotted 3 runs from " + dir), run.out);
        List<String> pngs = List.of("loss-sgd-constant.png", "loss-adam-constant.png", "loss-sgd-normal.png",
                "confusion-sgd-constant.png", "confusion-adam-constant.png", "confusion-sgd-normal.png",
                "compare-optimizers.png", "compare-initialisations.png");
        try (var files = Files.list(dir.resolve("plots"))) {
            // Hadoop's local file system adds hidden .<name>.crc checksum files; only the plots are visible
            assertEquals(pngs.size(), files.filter(f -> !f.getFileName().toString().startsWith(".")).count());
        }
        for (String png : pngs) {
            BufferedImage image = ImageIO.read(dir.resolve("plots").resolve(png).toFile());
            assertNotNull(image, png);
            assertEquals(900, image.getWidth(), png);
            assertEquals(600, image.getHeight(), png);
        }
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("No run of this job used early stopping."), report);
        assertTrue(report.contains("**Adam converges faster than SGD.**"), report);
    }

    @Test
    void aDirectoryWithoutHistoryExitsWithCode2() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRunner run = CliRunner.run("plot", empty.toString());
        assertEquals(2, run.exitCode, run.err);
        assertTrue(run.err.startsWith("error: " + empty + ": "), run.err);
        assertTrue(run.err.contains("summary.json is missing"), run.err);
        CliRunner missing = CliRunner.run("plot", tmp.resolve("nowhere").toString());
        assertEquals(2, missing.exitCode, missing.err);
    }
}

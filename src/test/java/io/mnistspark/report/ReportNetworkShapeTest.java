package io.mnistspark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.SparkTestSession;
import io.mnistspark.train.RunOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.md names the network the runs trained: input and output sizes from the data (odd-shape.npz: 5 x 7
 * images, 3 classes), the hidden size from each run's settings, both when train writes the report and when
 * plot redraws it from summary.json.
 */
class ReportNetworkShapeTest {
    private static final SummaryJson.JobContext ODD_SHAPE = SyntheticRuns.context("/fixtures/odd-shape.npz");

    @TempDir
    Path tmp;

    @Test
    void theReportOfARunJustTrainedNamesItsShape() {
        List<RunOutcome> outcomes = SyntheticRuns.outcomes(ODD_SHAPE, 64);
        String report = ReportMarkdown.render(ReportHeader.of(ODD_SHAPE), outcomes.stream().map(RunReport::of).toList());
        assertTrue(report.contains("4 runs of the 35-64-3 ReLU network, trained with"), report);
        assertFalse(report.contains("784"), report);
        assertFalse(report.contains("-128-"), report);
    }

    @Test
    void theReportRedrawnFromSummaryJsonNamesItsShape() throws Exception {
        Path dir = tmp.resolve("run");
        SyntheticRuns.writeRunDirectory(dir, ODD_SHAPE, SyntheticRuns.outcomes(ODD_SHAPE, 64).subList(0, 2));
        FileSystem fs = FileSystem.getLocal(new Configuration());
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(dir.toUri());
        ReportLoader loaded = ReportLoader.load(SparkTestSession.get(), fs, path);
        assertEquals(35, loaded.header().inputs());
        assertEquals(3, loaded.header().classes());
        assertEquals(List.of(64, 64), loaded.runs().stream().map(RunReport::hidden).toList());
        ReportWriter.write(fs, path, loaded.header(), loaded.runs());
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("2 runs of the 35-64-3 ReLU network, trained with"), report);
        assertFalse(report.contains("784"), report);
    }

    @Test
    void runsOfDifferentHiddenSizesEachNameTheirs() {
        List<RunOutcome> outcomes = new ArrayList<>(SyntheticRuns.outcomes(ODD_SHAPE, 64).subList(0, 2));
        outcomes.addAll(SyntheticRuns.outcomes(ODD_SHAPE, 32).subList(2, 4));
        String report = ReportMarkdown.render(ReportHeader.of(ODD_SHAPE), outcomes.stream().map(RunReport::of).toList());
        assertTrue(report.contains("4 runs of the ReLU networks 35-64-3 (sgd-constant, adam-constant) and 35-32-3 "
                + "(sgd-normal, adam-normal-early), trained with"), report);
    }
}

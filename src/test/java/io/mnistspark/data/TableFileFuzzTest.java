package io.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.SparkTestSession;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz tests of the CSV and LIBSVM formats through Spark's own readers, as the command line reads them: a
 * smaller number of mutated files ({@link FuzzTables}; each case runs a few Spark jobs), each inspected and,
 * when it loads, split and laid out into the persisted blocks. Every case must load or be refused as
 * {@link FuzzCheck} requires, with the job's refusal anywhere in what Spark throws (as the command line
 * finds it); allocation is not counted, the work being on Spark's task threads. The rows themselves are fuzzed
 * by the thousand without Spark in {@link TableRowFuzzTest}.
 */
class TableFileFuzzTest {
    static final int CSV_CASES = 20;
    static final int LIBSVM_CASES = 20;

    @TempDir
    Path tmp;

    @Test
    void everyMutatedCsvFileLoadsOrIsRefusedNamingTheFile() {
        run("csv-file", CSV_CASES, FuzzTables::csv, FuzzTables.validCsv(tmp.resolve("valid")),
                (path, random) -> new CsvFile(path.toString(), null));
    }

    @Test
    void everyMutatedLibsvmFileLoadsOrIsRefusedNamingTheFile() {
        run("libsvm-file", LIBSVM_CASES, FuzzTables::libsvm, FuzzTables.validLibsvm(tmp.resolve("valid")),
                (path, random) -> new LibsvmFile(path.toString(), null, random.nextBoolean() ? 0 : 4));
    }

    private void run(String family, int cases, BiFunction<Path, SplittableRandom, FuzzCase> generator, FuzzCase valid,
            BiFunction<Path, SplittableRandom, DataLocation> location) {
        SparkSession spark = SparkTestSession.get();
        Path dir = tmp.resolve(family);
        // the first read compiles Spark's code paths: once unmutated, outside the cases' time
        readAsTrainingDoes(spark, location.apply(valid.data(), new SplittableRandom(0)), "warm-up");
        FuzzCheck.Tally tally = new FuzzCheck.Tally(family);
        Fuzz.cases(cases).forEach(index -> {
            SplittableRandom random = Fuzz.random(family, index);
            FuzzCase fuzz = generator.apply(dir, random);
            DataLocation data = location.apply(fuzz.data(), random);
            String what = Fuzz.replay(family, index) + ": " + data.describe() + ": " + fuzz.description();
            FuzzCheck.loadsOrRefuses(what, tally, fuzz.inputBytes(), fuzz.changed(), false,
                    () -> readAsTrainingDoes(spark, data, what));
        });
        System.out.println(tally.summary());
        assertEquals(Fuzz.count(cases), tally.cases(), "every case ran");
        assertTrue(Fuzz.replaying() || tally.loaded > 0 && tally.refused > 0, "the cases must both load and refuse: " + tally.summary());
    }

    /** Inspects the table, then splits it and lays it out into persisted blocks, every row in them. */
    private static DatasetInfo readAsTrainingDoes(SparkSession spark, DataLocation data, String what) {
        DatasetInfo info = DatasetReader.inspect(spark, data);
        TrainValidationSplit split = TrainValidationSplit.of(info, 0.2, 0);
        ShardedDataset blocks = ShardedDataset.load(spark, info, split, 2);
        try {
            long rows = blocks.training().map(s -> (long) s.train().rows() + s.validation().rows()).reduce(Long::sum);
            assertEquals(info.count(Part.TRAIN), rows, what);
        } finally {
            blocks.release();
        }
        return info;
    }
}

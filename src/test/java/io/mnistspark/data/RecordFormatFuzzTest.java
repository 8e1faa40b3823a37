package io.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz tests of the record formats' own readers, IDX and npz, without Spark: thousands of generated and
 * mutated datasets (see {@link FuzzIdx} and {@link FuzzNpz}), each read as the driver reads it
 * ({@link DatasetReader#inspect}) and, when it loads, as the executors read it (a cursor over every record
 * of each part and one over a random range, whose labels must be the inspected ones). Every case must load
 * or be refused as {@link FuzzCheck} requires: one line naming the file, no other exception, allocation
 * bounded by the files' size, a few seconds at most. {@link Fuzz} says how to run more cases.
 */
class RecordFormatFuzzTest {
    /** Cases per family in {@code mvn -B verify} (at {@code -Dfuzz.scale=1}). */
    static final int IDX_CASES = 3000;
    static final int NPZ_CASES = 3000;

    /** One configuration for every case: a new one parses Hadoop's default XML files, megabytes of allocation. */
    private static final Configuration CONF = new Configuration();

    @TempDir
    Path tmp;

    /**
     * Reads a valid IDX directory and npz a few times first, so that the first case's count of allocation and
     * time does not include loading the classes and starting Hadoop's local file system.
     */
    @BeforeAll
    static void warmUp(@TempDir Path warm) {
        TestData.writeSmallIdx(warm);
        Path npz = warm.resolve("warm.npz");
        TestData.write(npz, TestData.zip(TestData.smallNpzMembers(), true));
        for (int i = 0; i < 3; i++) {
            readAsTrainingDoes(new IdxDirectory(warm.toString()), new SplittableRandom(i));
            readAsTrainingDoes(new NpzArchive(npz.toString()), new SplittableRandom(i));
        }
    }

    @Test
    void everyMutatedIdxDirectoryLoadsOrIsRefusedNamingTheFile() {
        run("idx", IDX_CASES, FuzzIdx::write);
    }

    @Test
    void everyMutatedNpzLoadsOrIsRefusedNamingTheFile() {
        run("npz", NPZ_CASES, FuzzNpz::write);
    }

    private void run(String family, int cases, BiFunction<Path, SplittableRandom, FuzzCase> generator) {
        FuzzCheck.Tally tally = new FuzzCheck.Tally(family);
        Path dir = tmp.resolve(family);
        Fuzz.cases(cases).forEach(index -> {
            FuzzCase fuzz = generator.apply(dir, Fuzz.random(family, index));
            String what = Fuzz.replay(family, index) + ": " + fuzz.description();
            DataLocation location = DataLocation.parse(fuzz.data().toString());
            FuzzCheck.loadsOrRefuses(what, tally, fuzz.inputBytes(), fuzz.changed(), true,
                    () -> readAsTrainingDoes(location, Fuzz.random(family + " ranges", index)));
        });
        System.out.println(tally.summary());
        assertEquals(Fuzz.count(cases), tally.cases(), "every case ran");
        assertTrue(Fuzz.replaying() || tally.loaded > 0 && tally.refused > 0, "the cases must both load and refuse: " + tally.summary());
    }

    /** Inspects the dataset, then reads every record of both parts and a random range, as the partitions do. */
    private static DatasetInfo readAsTrainingDoes(DataLocation location, SplittableRandom random) {
        DatasetInfo info = DatasetReader.inspect(location, CONF);
        for (Part part : Part.values()) {
            int[] expected = part == Part.TRAIN ? info.trainLabels() : info.testLabels();
            int count = expected.length;
            int first = random.nextInt(count + 1);
            int end = first + random.nextInt(count - first + 1);
            for (int[] range : new int[][] {{0, count}, {first, end}}) {
                try (RecordCursor cursor = DatasetReader.open(location, part, range[0], range[1], CONF)) {
                    byte[] pixels = new byte[cursor.shape().pixels()];
                    for (int r = range[0]; r < range[1]; r++) {
                        assertEquals(expected[r], cursor.next(pixels), part + " record " + r);
                    }
                }
            }
        }
        return info;
    }
}

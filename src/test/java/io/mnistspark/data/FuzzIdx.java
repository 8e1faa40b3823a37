package io.mnistspark.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated and mutated IDX directories: a small valid dataset of random shape, counts and pixels (every
 * class from 0 up seen in training), each file raw or gzip, then one or two files changed: a header field
 * (magic, count, rows, cols) set to a value at the edge of the size arithmetic, or 1 to 4 byte-level
 * mutations, of the raw bytes or of the gzip stream.
 */
public final class FuzzIdx {
    private FuzzIdx() {
    }

    /** Writes case {@code random} into {@code dir} (emptied first). */
    public static FuzzCase write(Path dir, SplittableRandom random) {
        FuzzCase.clear(dir);
        int rows = 1 + random.nextInt(5);
        int cols = 1 + random.nextInt(5);
        int train = 1 + random.nextInt(8);
        int test = random.nextInt(5);
        int classes = 1 + random.nextInt(Math.min(train, 3));
        int[] trainLabels = new int[train];
        for (int i = 0; i < train; i++) {
            trainLabels[i] = i % classes;
        }
        int[] testLabels = new int[test];
        for (int i = 0; i < test; i++) {
            testLabels[i] = random.nextInt(classes);
        }
        byte[][] files = {
            TestData.idxImages(train, rows, cols, pixels(random, train * rows * cols)),
            TestData.idxLabels(train, trainLabels),
            TestData.idxImages(test, rows, cols, pixels(random, test * rows * cols)),
            TestData.idxLabels(test, testLabels)};
        StringBuilder what = new StringBuilder("IDX " + train + " train + " + test + " test images of " + rows + " x "
                + cols + ", " + classes + " classes");
        Mutator mutator = new Mutator(random);
        boolean[] gzip = new boolean[4];
        List<String> changed = new ArrayList<>();
        int toChange = random.nextInt(5) == 0 ? 2 : 1;
        for (int k = 0; k < toChange; k++) {
            int f = random.nextInt(4);
            if (changed.contains(TestData.IDX_NAMES[f])) {
                continue;
            }
            gzip[f] = random.nextInt(3) == 0;
            changed.add(TestData.IDX_NAMES[f]);
            what.append("; ").append(TestData.IDX_NAMES[f]).append(gzip[f] ? ".gz" : "").append(": ");
            files[f] = change(files[f], f % 2 == 0, gzip[f], random, mutator);
        }
        what.append(mutator.description());
        long bytes = 0;
        for (int f = 0; f < 4; f++) {
            boolean compressed = gzip[f] || !changed.contains(TestData.IDX_NAMES[f]) && random.nextInt(4) == 0;
            byte[] stored = compressed && !gzip[f] ? TestData.gzip(files[f]) : files[f];
            bytes += FuzzCase.write(dir.resolve(TestData.IDX_NAMES[f] + (compressed ? ".gz" : "")), stored);
        }
        return new FuzzCase(dir, changed, bytes, what.toString());
    }

    /** The changed file as stored: gzip files get their raw bytes or their compressed stream mutated. */
    private static byte[] change(byte[] raw, boolean images, boolean gzip, SplittableRandom random, Mutator mutator) {
        if (gzip && random.nextBoolean()) {
            byte[] compressed = TestData.gzip(raw);
            mutator.note("mutate the gzip stream");
            return mutator.mutate(compressed, 4, 0, 10, compressed.length - 8, compressed.length);
        }
        byte[] changed;
        if (random.nextBoolean()) {
            changed = raw.clone();
            int fields = images ? 4 : 2;
            mutator.setField(changed, 4 * random.nextInt(fields), 4, mutator.interesting(), true);
        } else {
            changed = mutator.mutate(raw, 4, 0, images ? 16 : 8);
        }
        return gzip ? TestData.gzip(changed) : changed;
    }

    private static byte[] pixels(SplittableRandom random, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }
}

package io.mnistspark.model;

import io.mnistspark.data.ImageBlock;
import io.mnistspark.data.ImageBlockBuilder;
import java.util.Arrays;
import java.util.Random;

/** Random MNIST-like blocks (mostly zero pixels, the rest 1..255), and real-valued ones. */
public final class TestBlocks {
    private TestBlocks() {
    }

    public static ImageBlock random(int rows, int features, int classes, double density, long seed) {
        Random random = new Random(seed);
        ImageBlockBuilder builder = new ImageBlockBuilder(features);
        byte[] image = new byte[features];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < features; k++) {
                image[k] = random.nextDouble() < density ? (byte) (1 + random.nextInt(255)) : 0;
            }
            builder.add(image, random.nextInt(classes));
        }
        return builder.build();
    }

    /**
     * Random real-valued blocks, like standardized features: zeros (+0.0 and -0.0) at {@code 1 - density},
     * else normal values times 2 (negative, not multiples of 1/255). Odd rows go in sparse, even rows dense.
     */
    public static ImageBlock randomReal(int rows, int features, int classes, double density, long seed) {
        Random random = new Random(seed);
        ImageBlockBuilder builder = new ImageBlockBuilder(features);
        double[] row = new double[features];
        int[] indices = new int[features];
        double[] values = new double[features];
        for (int r = 0; r < rows; r++) {
            int n = 0;
            for (int k = 0; k < features; k++) {
                row[k] = random.nextDouble() < density ? 2 * random.nextGaussian() : random.nextBoolean() ? -0.0 : 0.0;
                if (row[k] != 0.0) {
                    indices[n] = k;
                    values[n++] = row[k];
                }
            }
            if (r % 2 == 0) {
                builder.add(row, random.nextInt(classes));
            } else {
                builder.add(Arrays.copyOf(indices, n), Arrays.copyOf(values, n), random.nextInt(classes));
            }
        }
        return builder.build();
    }

    /** The images of {@link #random} with the same arguments, given to the builder as doubles {@code p / 255.0}. */
    public static ImageBlock randomAsDoubles(int rows, int features, int classes, double density, long seed) {
        Random random = new Random(seed);
        ImageBlockBuilder builder = new ImageBlockBuilder(features);
        double[] row = new double[features];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < features; k++) {
                row[k] = random.nextDouble() < density ? (1 + random.nextInt(255)) / 255.0 : 0.0;
            }
            builder.add(row, random.nextInt(classes));
        }
        return builder.build();
    }

    public static double[] randomParams(NetworkShape shape, double scale, long seed) {
        Random random = new Random(seed);
        double[] params = new double[shape.parameterCount()];
        for (int i = 0; i < params.length; i++) {
            params[i] = scale * random.nextGaussian();
        }
        return params;
    }
}

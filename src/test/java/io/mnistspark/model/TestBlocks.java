package io.mnistspark.model;

import io.mnistspark.data.ImageBlock;
import io.mnistspark.data.ImageBlockBuilder;
import java.util.Random;

/** Random MNIST-like blocks: mostly zero pixels, the rest 1..255. */
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

    public static double[] randomParams(NetworkShape shape, double scale, long seed) {
        Random random = new Random(seed);
        double[] params = new double[shape.parameterCount()];
        for (int i = 0; i < params.length; i++) {
            params[i] = scale * random.nextGaussian();
        }
        return params;
    }
}

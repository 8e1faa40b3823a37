package io.mnistspark.data;

import java.io.Serializable;

/**
 * One partition's share of the training file: its training rows and its validation rows, packed
 * sparsely. {@code index} is the partition number; it fixes the order in which shard results are
 * added, so the full-batch sums do not depend on which task finishes first.
 */
public record Shard(int index, ImageBlock train, ImageBlock validation) implements Serializable {
    public Shard {
        if (index < 0) {
            throw new IllegalArgumentException("shard index cannot be negative, got " + index);
        }
        if (train.features() != validation.features()) {
            throw new IllegalArgumentException("train rows have " + train.features()
                    + " pixels, validation rows " + validation.features());
        }
    }

    public long sizeInBytes() {
        return train.sizeInBytes() + validation.sizeInBytes();
    }
}

package io.mnistspark.bench;

import dev.ludovic.netlib.blas.BLAS;
import io.mnistspark.data.Shard;
import io.mnistspark.model.NetworkShape;
import java.util.ArrayList;
import java.util.List;

/**
 * Times the dense reference of one step on the driver: per shard, the training rows forward and backward
 * and the validation rows forward as dense float64 dgemm products (what a numpy step does), over the same
 * shards and threads as {@link KernelTimer}.
 */
public final class DenseTimer {
    private final List<DenseBlock> train = new ArrayList<>();
    private final List<DenseBlock> validation = new ArrayList<>();
    private final List<DenseReference> references = new ArrayList<>();
    private final double[] params;

    /** Densifies every shard (float64, zeros stored): the memory numpy would hold. */
    public DenseTimer(List<Shard> shards, NetworkShape shape, double[] params, int chunkRows) {
        BLAS blas = BLAS.getInstance();
        for (Shard shard : shards) {
            train.add(DenseBlock.of(shard.train()));
            validation.add(DenseBlock.of(shard.validation()));
            references.add(new DenseReference(shape, blas, chunkRows));
        }
        this.params = params.clone();
    }

    /**
     * Passes over every shard on {@code threads} threads (one per shard at most); close it when done. Two
     * series of one timer must not run at the same time: each shard's reference holds scratch space.
     */
    public InterleavedSeries series(String name, int threads) {
        return new InterleavedSeries(name, new ShardRunner(train.size(), threads), this::shardStep);
    }

    /** The training rows' sums of one pass, over all shards in order (to check the timed math). */
    public DenseSums trainSums() {
        DenseSums total = new DenseSums();
        for (int s = 0; s < train.size(); s++) {
            total.add(shardStep(s)[0]);
        }
        return total;
    }

    /** Bytes of the dense training and validation matrices. */
    public long sizeInBytes() {
        long bytes = 0;
        for (int s = 0; s < train.size(); s++) {
            bytes += train.get(s).sizeInBytes() + validation.get(s).sizeInBytes();
        }
        return bytes;
    }

    /** One shard's step: {training sums with gradient, validation sums}. */
    private DenseSums[] shardStep(int s) {
        DenseReference reference = references.get(s);
        DenseSums trainSums = new DenseSums();
        DenseSums validationSums = new DenseSums();
        reference.accumulate(train.get(s), params, trainSums, true);
        reference.accumulate(validation.get(s), params, validationSums, false);
        return new DenseSums[] {trainSums, validationSums};
    }
}

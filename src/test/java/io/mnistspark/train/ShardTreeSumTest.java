package io.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mnistspark.data.Shard;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.model.TestBlocks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ShardTreeSumTest {
    private final NetworkShape shape = new NetworkShape(20, 5, 3);
    private final double[] params = TestBlocks.randomParams(shape, 0.5, 1);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 13})
    void anyArrivalOrderAndGroupingGivesTheSameBits(int shards) {
        List<PassSums> reference = sums(shards);
        PassSums expected = inOrder(shards, reference);
        Random random = new Random(shards);
        for (int trial = 0; trial < 20; trial++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < shards; i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            // split the arrivals among a random number of partial aggregators, then merge those in random order
            int groups = 1 + random.nextInt(shards);
            List<ShardTreeSum> partials = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                partials.add(new ShardTreeSum(shards));
            }
            List<PassSums> fresh = sums(shards);
            for (int index : order) {
                partials.get(random.nextInt(groups)).addShard(index, fresh.get(index));
            }
            Collections.shuffle(partials, random);
            ShardTreeSum total = partials.get(0);
            for (int g = 1; g < groups; g++) {
                total = total.merge(partials.get(g));
            }
            PassSums got = total.total();
            assertArrayEquals(expected.train().gradientSums(), got.train().gradientSums(), 0.0);
            assertEquals(expected.train().lossSum(), got.train().lossSum(), 0.0);
            assertEquals(expected.validation().lossSum(), got.validation().lossSum(), 0.0);
            assertEquals(expected.train().rows(), got.train().rows());
        }
    }

    @Test
    void totalEqualsASequentialSumToRounding() {
        List<PassSums> parts = sums(6);
        PassSums tree = inOrder(6, parts);
        List<PassSums> again = sums(6);
        PassSums sequential = again.get(0);
        for (int i = 1; i < 6; i++) {
            sequential.add(again.get(i));
        }
        assertEquals(sequential.train().lossSum(), tree.train().lossSum(), 1e-12 * sequential.train().lossSum());
        double[] a = sequential.train().gradientSums();
        double[] b = tree.train().gradientSums();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-12 * (1 + Math.abs(a[i])));
        }
    }

    @Test
    void incompleteOrDuplicateShardsAreRefused() {
        List<PassSums> parts = sums(3);
        ShardTreeSum sum = new ShardTreeSum(3).addShard(0, parts.get(0));
        assertThrows(IllegalStateException.class, sum::total);
        assertThrows(IllegalStateException.class, () -> sum.addShard(0, parts.get(1)));
        assertThrows(IllegalArgumentException.class, () -> sum.addShard(3, parts.get(2)));
        assertThrows(IllegalArgumentException.class, () -> sum.merge(new ShardTreeSum(4)));
    }

    private PassSums inOrder(int shards, List<PassSums> parts) {
        ShardTreeSum sum = new ShardTreeSum(shards);
        for (int i = 0; i < shards; i++) {
            sum.addShard(i, parts.get(i));
        }
        return sum.total();
    }

    private List<PassSums> sums(int shards) {
        List<PassSums> list = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            Shard shard = new Shard(i, TestBlocks.random(17 + i, shape.inputs(), shape.classes(), 0.4, 100 + i),
                    TestBlocks.random(5, shape.inputs(), shape.classes(), 0.4, 200 + i));
            list.add(PassSums.of(shard, shape, params, true));
        }
        return list;
    }
}

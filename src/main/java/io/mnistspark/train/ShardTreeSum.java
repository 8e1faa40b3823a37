package io.mnistspark.train;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Adds per-shard {@link PassSums} along one fixed binary tree over the shard indexes, whatever order the
 * shard results arrive in. Floating-point addition is not associative, and {@code treeAggregate} merges
 * results in the order tasks finish; here a node is added only to its sibling (left + right) once both
 * are present, so every rerun performs the very same additions and the result is bitwise reproducible.
 *
 * <p>Node (level L, index i) covers shards {@code [i * 2^L, (i + 1) * 2^L)}; a node whose sibling covers
 * no shard moves up unchanged. Serves as the {@code treeAggregate} value: cheap when empty.
 */
public final class ShardTreeSum implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int shards;
    private final int rootLevel;
    private final Map<Long, PassSums> pending = new HashMap<>();

    public ShardTreeSum(int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("need at least one shard, got " + shards);
        }
        this.shards = shards;
        this.rootLevel = 32 - Integer.numberOfLeadingZeros(shards - 1);
    }

    /** Adds shard {@code index}'s sums (takes ownership of {@code sums}); returns this. */
    public ShardTreeSum addShard(int index, PassSums sums) {
        if (index < 0 || index >= shards) {
            throw new IllegalArgumentException("shard " + index + " outside 0.." + (shards - 1));
        }
        insert(0, index, sums);
        return this;
    }

    /** Moves every node of {@code other} into this; returns this. */
    public ShardTreeSum merge(ShardTreeSum other) {
        if (other.shards != shards) {
            throw new IllegalArgumentException("cannot merge sums over " + other.shards + " shards into " + shards);
        }
        for (Map.Entry<Long, PassSums> node : other.pending.entrySet()) {
            long key = node.getKey();
            insert((int) (key >>> 32), (int) key, node.getValue());
        }
        other.pending.clear();
        return this;
    }

    /** The sum over all shards; fails if some shard has not been added. */
    public PassSums total() {
        PassSums root = pending.get(key(rootLevel, 0));
        if (root == null || pending.size() != 1) {
            throw new IllegalStateException("sums of " + shards + " shards are incomplete: "
                    + pending.size() + " partial nodes pending");
        }
        return root;
    }

    private void insert(int level, int index, PassSums sums) {
        while (level < rootLevel) {
            int sibling = index ^ 1;
            if (((long) sibling << level) >= shards) {
                level++;
                index >>= 1;
                continue;
            }
            PassSums other = pending.remove(key(level, sibling));
            if (other == null) {
                if (pending.putIfAbsent(key(level, index), sums) != null) {
                    throw new IllegalStateException("shard range (level " + level + ", node " + index + ") added twice");
                }
                return;
            }
            PassSums left = (index & 1) == 0 ? sums : other;
            PassSums right = (index & 1) == 0 ? other : sums;
            left.add(right);
            sums = left;
            level++;
            index >>= 1;
        }
        if (pending.putIfAbsent(key(rootLevel, 0), sums) != null) {
            throw new IllegalStateException("the total was added twice");
        }
    }

    private static long key(int level, int index) {
        return ((long) level << 32) | (index & 0xffffffffL);
    }
}

package io.mnistspark.data;

import org.apache.spark.Partitioner;

/**
 * Sends record {@code r} of {@code records} (its 0-based number in file order) to the partition whose range
 * {@code [i * records / parts, (i + 1) * records / parts)} holds it: the ranges the record formats read
 * ({@link ShardedDataset#first}), so a table format's partitions hold the same records as theirs. Numbers
 * past the end (a file that grew after it was inspected) go to the last partition, which then refuses them.
 */
final class RecordRangePartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;

    private final int records;
    private final int parts;

    RecordRangePartitioner(int records, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + parts);
        }
        this.records = records;
        this.parts = parts;
    }

    @Override
    public int numPartitions() {
        return parts;
    }

    @Override
    public int getPartition(Object key) {
        long record = (Long) key;
        if (record >= records) {
            return parts - 1;
        }
        int part = (int) Math.min(parts - 1, record * parts / Math.max(1, records));
        while (part > 0 && ShardedDataset.first(part, parts, records) > record) {
            part--;
        }
        while (part + 1 < parts && ShardedDataset.first(part + 1, parts, records) <= record) {
            part++;
        }
        return part;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordRangePartitioner p && p.records == records && p.parts == parts;
    }

    @Override
    public int hashCode() {
        return 31 * records + parts;
    }
}

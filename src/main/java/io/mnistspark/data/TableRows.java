package io.mnistspark.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The rows of a table path in file order: one Spark read per data file, the reads concatenated in
 * {@link TableFiles} order. One read of a directory would not do: Spark orders a scan's file pieces by
 * size, not name, so part files of different sizes would come out of order.
 *
 * @param rows             {@code (features Vector, label number)} rows, partition order = row order
 * @param files            the data files read
 * @param partitionsOfFile how many of {@code rows}' partitions each file's rows fill, in order
 */
record TableRows(JavaRDD<Row> rows, TableFiles files, int[] partitionsOfFile) {

    /** Reads every data file of {@code files} with {@code reader}. */
    static TableRows read(SparkSession spark, TableReader reader, TableFiles files, int features) {
        JavaRDD<Row> all = null;
        int[] partitions = new int[files.files().size()];
        for (int f = 0; f < partitions.length; f++) {
            JavaRDD<Row> read = reader.rows(spark, files.files().get(f), features);
            partitions[f] = read.getNumPartitions();
            all = all == null ? read : all.union(read);
        }
        return new TableRows(all, files, partitions);
    }
}

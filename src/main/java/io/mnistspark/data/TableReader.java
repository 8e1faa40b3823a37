package io.mnistspark.data;

import java.io.Serializable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * How one table format reads one data file through Spark's own data source: what is particular to a
 * format; numbering the rows, checking them and laying them out is {@link TableDataset}'s, the same for all.
 */
interface TableReader extends Serializable {

    TableFormat format();

    /**
     * The length every row has, when it is known before the rows are read (a CSV header, LIBSVM's
     * {@code --num-features} or Spark's inference); -1 when the rows tell (Parquet's vectors).
     */
    int features(SparkSession spark, TableFiles files);

    /**
     * One data file's rows in file order, as {@code (features Vector, label number)}. The file's columns
     * are checked here, on the driver ({@link DataException} naming the file); a row that cannot be read
     * throws while it is read ({@link RowRefusal}, or Spark's own exception), for the scan to name.
     *
     * @param features the length every row must have, or -1 when not known beforehand
     */
    JavaRDD<Row> rows(SparkSession spark, HadoopFile file, int features);

    /** What every row of the format must look like, said after a row that cannot be read. */
    String rowAdvice();
}

package io.mnistspark.data;

import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * The entry point of the data layer: the driver calls {@link #inspect} once, then the partitions are filled
 * ({@link ShardedDataset}); for the record formats each Spark partition calls {@link #open} for its own
 * record range, so pixels are only ever held by the executors.
 *
 * <p>All file access goes through Hadoop's {@code FileSystem} ({@code file:}, {@code hdfs:}, {@code s3a:}
 * and plain paths); the {@link EmbeddedMnist} is read from the class path; the table formats through
 * Spark's data sources. Every problem with the data surfaces as a one-line {@link DataException}.
 */
public final class DatasetReader {

    private DatasetReader() {
    }

    /**
     * Reads every file of a dataset completely, once, streaming (memory apart from the labels is constant),
     * and validates it: headers and magic numbers, dtypes and shapes, no truncation and nothing after the
     * last record, equal image and label counts, the same image shape in both parts, at least one training
     * record, the class count ({@link ClassCount}: 1 + the largest training label with every class below it
     * seen in training, or the stated count above every label), every test label below it. Computes the SHA-256
     * of every file's decoded content. For the {@link EmbeddedMnist}, also compares those with the published
     * MNIST hashes and refuses a mismatch.
     *
     * <p>A table format ({@link TableFormat}) is read through Spark's reader, every row checked on the
     * executors: the columns its format needs, rows of one length, numbers where numbers belong, finite
     * features, labels that are whole class indexes; its files' SHA-256 is of their stored bytes.
     */
    public static DatasetInfo inspect(SparkSession spark, DataLocation location, ClassCount classes) {
        return Objects.requireNonNull(location, "location").inspect(spark, Objects.requireNonNull(classes, "classes"));
    }

    /** {@link #inspect(SparkSession, DataLocation, ClassCount)} with the class count from the labels. */
    public static DatasetInfo inspect(SparkSession spark, DataLocation location) {
        return inspect(spark, location, ClassCount.FROM_LABELS);
    }

    /**
     * {@link #inspect(SparkSession, DataLocation)} of a record format, which needs no Spark.
     *
     * @param conf Hadoop configuration for file-system access (not used for the embedded dataset)
     * @throws IllegalArgumentException for a table format, which only Spark reads
     */
    public static DatasetInfo inspect(DataLocation location, Configuration conf, ClassCount classes) {
        return records(location).inspect(conf, Objects.requireNonNull(classes, "classes"));
    }

    /** {@link #inspect(DataLocation, Configuration, ClassCount)} with the class count from the labels. */
    public static DatasetInfo inspect(DataLocation location, Configuration conf) {
        return inspect(location, conf, ClassCount.FROM_LABELS);
    }

    /**
     * Opens records {@code [first, end)} of a part, images with their labels, for one Spark partition.
     * Headers are validated again (the executor may see a different file than the driver did); the content
     * is not re-hashed. Raw IDX files and stored npz members seek to {@code first}; gzip files and deflated
     * members have no index, so everything before {@code first} is decompressed and discarded.
     *
     * @param first first record, {@code 0 <= first <= end}
     * @param end   one past the last record, at most the part's record count
     * @param conf  Hadoop configuration for file-system access (not used for the embedded dataset)
     * @throws DataException            when the data cannot be read or {@code end} exceeds the record count
     * @throws IllegalArgumentException when {@code first} or {@code end} is negative or {@code first > end},
     *                                  or for a table format, whose rows only Spark reads
     */
    public static RecordCursor open(DataLocation location, Part part, int first, int end, Configuration conf) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(part, "part");
        if (first < 0 || first > end) {
            throw new IllegalArgumentException("record range must satisfy 0 <= first <= end, got [" + first + ", "
                    + end + ")");
        }
        return records(location).open(part, first, end, conf);
    }

    private static RecordSource records(DataLocation location) {
        if (Objects.requireNonNull(location, "location") instanceof RecordSource source) {
            return source;
        }
        throw new IllegalArgumentException(location.describe() + " is read through Spark's reader; use "
                + "inspect(location, spark) and ShardedDataset");
    }

    /** Checks the parts against each other and derives the class count. */
    static DatasetInfo combine(DataLocation location, PartScan train, PartScan test, ClassCount count) {
        if (train.labels().length == 0) {
            throw new DataException(train.imageFile().location() + ": the training part holds 0 records; "
                    + "a dataset needs at least one training record");
        }
        if (!test.shape().equals(train.shape())) {
            throw new DataException(test.imageFile().location() + ": test images are " + test.shape()
                    + " but training images (" + train.imageFile().name() + ") are " + train.shape());
        }
        int classes = count.of(train.labels(), records(train.labelFile()));
        int[] testLabels = test.labels();
        count.checkTest(testLabels, classes, records(test.labelFile()), train.labelFile().name());
        List<DataFile> files = List.of(train.imageFile(), train.labelFile(), test.imageFile(), test.labelFile());
        return new DatasetInfo(location, train.shape(), classes, files, train.labels(), testLabels);
    }

    /** Labels of a record format: record {@code i} (0-based) of the label file or member. */
    private static ClassCount.LabelOrigin records(DataFile labelFile) {
        return new ClassCount.LabelOrigin() {
            @Override
            public String file(int index) {
                return labelFile.location();
            }

            @Override
            public String record(int index) {
                return "record " + index;
            }
        };
    }

    /** Refuses embedded files whose decoded SHA-256 differs from the published MNIST values. */
    static void checkEmbeddedHashes(List<DataFile> files) {
        for (DataFile file : files) {
            String baseName = file.name().replaceFirst("\\.gz$", "");
            String expected = EmbeddedMnist.DECODED_SHA256.get(baseName);
            if (!file.sha256().equals(expected)) {
                throw new DataException(file.location() + ": SHA-256 " + file.sha256() + " differs from the published "
                        + "MNIST value " + expected + "; the jar's embedded data is damaged, rebuild the jar");
            }
        }
    }
}

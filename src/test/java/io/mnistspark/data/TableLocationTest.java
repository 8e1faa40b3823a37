package io.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Naming the table formats: by extension or {@code --format}, their options, their specs and partitions. */
class TableLocationTest {

    @Test
    void extensionsPickTheTableFormats() {
        assertEquals(new LibsvmFile("/d/mnist.libsvm", null, 0), DataLocation.parse("/d/mnist.libsvm"));
        assertEquals(new LibsvmFile("hdfs://nn/d/a.SVM", null, 0), DataLocation.parse(" hdfs://nn/d/a.SVM "));
        assertEquals(new CsvFile("s3a://b/train.csv", null), DataLocation.parse("s3a://b/train.csv"));
        assertEquals(new ParquetFile("/out/train.parquet/", null), DataLocation.parse("/out/train.parquet/"));
        assertEquals(new IdxDirectory("/d/train.csv.d"), DataLocation.parse("/d/train.csv.d"));
        assertEquals(new NpzArchive("/d/mnist.npz"), DataLocation.parse("/d/mnist.npz"));
    }

    @Test
    void formatForcesAReaderAndTakesTheTestDataAndFeatures() {
        assertEquals(new CsvFile("/d/digits.txt", "/d/test.txt"),
                DataLocation.of(new DataSpec("/d/digits.txt", TableFormat.named("CSV"), "/d/test.txt", 0)));
        assertEquals(new ParquetFile("/d/train.csv", null),
                DataLocation.of(new DataSpec("/d/train.csv", TableFormat.PARQUET, " ", 0)));
        assertEquals(new LibsvmFile("/d/a.libsvm", "/d/b.libsvm", 784),
                DataLocation.of(new DataSpec("/d/a.libsvm", null, "/d/b.libsvm", 784)));
        assertEquals(TableFormat.LIBSVM, TableFormat.named(" libsvm "));
    }

    @Test
    void optionsAFormatDoesNotTakeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TableFormat.named("tsv"));
        assertThrows(IllegalArgumentException.class,
                () -> DataLocation.of(new DataSpec("/d/mnist", null, "/d/test.csv", 0)));
        assertThrows(IllegalArgumentException.class, () -> DataLocation.of(new DataSpec("embedded", null, null, 784)));
        assertThrows(IllegalArgumentException.class, () -> DataLocation.of(new DataSpec("/d/a.csv", null, null, 784)));
        assertThrows(IllegalArgumentException.class,
                () -> DataLocation.of(new DataSpec("embedded", TableFormat.CSV, null, 0)));
        assertThrows(IllegalArgumentException.class, () -> new DataSpec("/d/a.libsvm", null, null, -1));
        assertThrows(IllegalArgumentException.class, () -> new CsvFile(" ", null));
    }

    @Test
    void everyLocationsDataSpecNamesItAgain() throws Exception {
        for (DataLocation location : new DataLocation[] {new EmbeddedMnist(), new NpzArchive("/d/m.npz"),
            new IdxDirectory("/d/mnist"), new CsvFile("/d/digits.txt", "/d/t.txt"), new ParquetFile("/p", null),
            new LibsvmFile("/d/a.libsvm", "/d/b.libsvm", 784), new LibsvmFile("/d/a", null, 0)}) {
            assertEquals(location, DataLocation.of(location.dataSpec()), location.describe());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(location);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                assertEquals(location, in.readObject());
            }
        }
    }

    @Test
    void aTableLocationSaysWhetherItHasTestData() {
        assertEquals("/d/a.csv (CSV; no test data)", new CsvFile("/d/a.csv", null).describe());
        assertEquals("/d/a.libsvm (LIBSVM, 784 features; test data /d/b.libsvm)",
                new LibsvmFile("/d/a.libsvm", "/d/b.libsvm", 784).describe());
        assertFalse(new ParquetFile("/d/a.parquet", null).hasTestPart());
        assertTrue(new ParquetFile("/d/a.parquet", "/d/b.parquet").hasTestPart());
        assertTrue(new NpzArchive("/d/m.npz").hasTestPart());
    }

    @Test
    void rowsGoToThePartitionOfTheRecordFormatsRange() {
        for (int records : new int[] {1, 2, 7, 100, 1001}) {
            for (int parts : new int[] {1, 2, 3, 5, 8, 13}) {
                RecordRangePartitioner partitioner = new RecordRangePartitioner(records, parts);
                for (int p = 0; p < parts; p++) {
                    for (int r = ShardedDataset.first(p, parts, records); r < ShardedDataset.first(p + 1, parts, records);
                            r++) {
                        assertEquals(p, partitioner.getPartition((long) r), records + " records, " + parts + " parts");
                    }
                }
                assertEquals(parts - 1, partitioner.getPartition((long) records));
            }
        }
    }

    @Test
    void squareRowLengthsAreSquareImages() {
        assertEquals(new ImageShape(28, 28), ImageShape.ofFeatures(784));
        assertEquals(new ImageShape(1, 5), ImageShape.ofFeatures(5));
        assertEquals(new ImageShape(1, 1), ImageShape.ofFeatures(1));
    }
}

package io.mnistspark.cli;

import io.mnistspark.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad Parquet input to {@code train} is refused with exit code 3, one line naming the file and
 * the fault (and the row, for a bad row), and nothing written. The files are written by Spark here.
 */
@ExtendWith(RestoresSession.class)
class ParquetBadInputTest {
    @TempDir
    Path tmp;

    private static Row row(double[] features, Double label) {
        return RowFactory.create(features == null ? null : Vectors.dense(features), label);
    }

    private static final Row[] GOOD = {row(new double[] {0, 0.5, 1, 0}, 0.0), row(new double[] {0.25, 0, 0, 1}, 1.0),
        row(new double[] {0, 0, 0.75, 0}, 2.0), row(new double[] {1, 1, 0, 0}, 1.0)};

    /** One Parquet file (a single partition written, then the part file moved to {@code name}). */
    private Path parquet(String name, DataType featuresType, DataType labelType, Row... rows) throws IOException {
        StructType schema = new StructType().add("features", featuresType, true).add("label", labelType, true);
        Path dir = tmp.resolve(name + ".d");
        SparkTestSession.get().createDataFrame(Arrays.asList(rows), schema).coalesce(1).write()
                .parquet(dir.toString());
        try (var files = Files.list(dir)) {
            Path part = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
            return Files.move(part, tmp.resolve(name));
        }
    }

    private Path parquet(String name, Row... rows) throws IOException {
        return parquet(name, SQLDataTypes.VectorType(), DataTypes.DoubleType, rows);
    }

    private String refused(Path file, String... fragments) {
        return Refusals.badData(tmp.resolve("out"), file, List.of(), fragments);
    }

    @Test
    void emptyTruncatedAndForeignFilesAreRefused() throws IOException {
        refused(Files.write(tmp.resolve("empty.parquet"), new byte[0]), "is empty (0 bytes)");
        byte[] good = Files.readAllBytes(parquet("good.parquet", GOOD));
        refused(Files.write(tmp.resolve("truncated.parquet"), Arrays.copyOf(good, good.length / 2)),
                "not a readable Parquet file", "cut short, damaged or not Parquet");
        refused(Files.writeString(tmp.resolve("text.parquet"), "label,p0\n1,2\n"), "not a readable Parquet file");
        Path noData = Files.createDirectories(tmp.resolve("no-data.parquet"));
        Files.write(noData.resolve("_SUCCESS"), new byte[0]);
        refused(noData, "is a directory without data files");
    }

    @Test
    void missingOrMistypedColumnsAreRefused() throws IOException {
        StructType noLabel = new StructType().add("features", SQLDataTypes.VectorType(), true).add("y", "double");
        Path file = tmp.resolve("no-label.parquet");
        SparkTestSession.get().createDataFrame(List.of(GOOD), noLabel).coalesce(1).write().parquet(file.toString());
        refused(file, "no 'label' column (it has features, y)", "a Vector column 'features' and a numeric column");
        refused(parquet("array.parquet", DataTypes.createArrayType(DataTypes.DoubleType), DataTypes.DoubleType,
                RowFactory.create(List.of(0.5, 1.0), 1.0)), "column 'features' is array<double>, not a Vector");
        refused(parquet("text-label.parquet", SQLDataTypes.VectorType(), DataTypes.StringType,
                RowFactory.create(Vectors.dense(0.5), "one")), "column 'label' is string, not numeric");
    }

    @Test
    void badRowsAreRefusedWithTheirNumber() throws IOException {
        refused(parquet("sizes.parquet", GOOD[0], GOOD[1], row(new double[] {1, 2, 3, 4, 5}, 1.0)),
                "column 'features': vectors of different sizes, 4 and 5 (in row 3)");
        refused(parquet("nan.parquet", GOOD[0], row(new double[] {0, Double.NaN, 0, 0}, 1.0)),
                "column 'features' holds NaN (in row 2); features must be finite numbers");
        refused(parquet("half.parquet", GOOD[0], GOOD[1], GOOD[2], row(new double[] {0, 0, 0, 1}, 2.5)),
                "column 'label' holds 2.5 (in row 4)");
        refused(parquet("null-label.parquet", GOOD[0], row(new double[] {0, 0, 0, 1}, null)),
                "column 'label' is null (in row 2)");
        refused(parquet("null-features.parquet", row(null, 1.0), GOOD[0]), "column 'features' is null (in row 1)");
    }
}

package io.mnistspark.ml;

import io.mnistspark.data.ImageBlock;
import io.mnistspark.data.LabeledRowScan;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.BinaryAttribute;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What a fit's input holds, found by checking it once before training: the columns exist with the right
 * types, every feature vector has the same size and finite values, every label is a whole class index in
 * range, there is a training row, and validation rows when early stopping needs them. Each fault is an
 * {@link IllegalArgumentException} naming the column and, where there is one, the offending row's values.
 *
 * @param features        the feature vectors' size
 * @param classes         the class count: the label column's ML attribute, else the largest label + 1
 * @param trainRows       rows that train
 * @param validationRows  rows whose indicator is true
 */
record FitInput(int features, int classes, long trainRows, long validationRows) {
    /** Most classes a network is built for; labels beyond are almost surely not class indexes. */
    static final int MAX_CLASSES = ImageBlock.MAX_LABEL + 1;

    /** Checks {@code dataset}; {@code indicator} is null without a validation indicator column. */
    static FitInput check(Dataset<?> dataset, String featuresCol, String labelCol, String indicator,
            boolean needsValidation) {
        StructType schema = dataset.schema();
        checkFeatures(schema, featuresCol);
        StructField label = field(schema, labelCol, "labelCol");
        if (!(label.dataType() instanceof NumericType)) {
            throw new IllegalArgumentException("labelCol '" + labelCol + "' must be numeric (the class index), found "
                    + label.dataType().simpleString());
        }
        if (indicator != null) {
            StructField flag = field(schema, indicator, "validationIndicatorCol");
            if (!(flag.dataType() instanceof BooleanType)) {
                throw new IllegalArgumentException("validationIndicatorCol '" + indicator + "' must be boolean (true "
                        + "for validation rows), found " + flag.dataType().simpleString());
            }
        }
        int declaredClasses = declaredClasses(label);
        String[] columns = indicator == null ? new String[] {featuresCol, labelCol}
                : new String[] {featuresCol, labelCol, indicator};
        LabeledRowScan rules = new LabeledRowScan(columns, subjects(columns),
                declaredClasses > 0 ? declaredClasses : MAX_CLASSES,
                declaredClasses > 0 ? " (its attribute declares " + declaredClasses + " classes)" : "", -1, false);
        JavaRDD<Row> rows = dataset.selectExpr(quoted(columns)).javaRDD();
        LabeledRowScan scan = rules.combine(rows.mapPartitions((Iterator<Row> it) -> List.of(rules.of(it)).iterator())
                .collect());
        if (scan.fault() != null) {
            throw new IllegalArgumentException(scan.fault().message("the row " + scan.fault().row()));
        }
        if (scan.trainRows() == 0) {
            throw new IllegalArgumentException("the input has no training rows" + (indicator == null ? ""
                    : " (every row's " + indicator + " is true)") + "; a fit needs at least one");
        }
        if (needsValidation && scan.validationRows() == 0) {
            throw new IllegalArgumentException("earlyStopping needs validation rows: set validationIndicatorCol to a "
                    + "boolean column that is true for some rows" + (indicator == null ? "" : " ('" + indicator
                    + "' is true for none)"));
        }
        int classes = declaredClasses > 0 ? declaredClasses : (int) scan.maxLabel() + 1;
        if (classes < 2) {
            throw new IllegalArgumentException("labelCol '" + labelCol + "': every label is 0; a classifier needs at "
                    + "least 2 classes (or a label attribute declaring them)");
        }
        return new FitInput(scan.features(), classes, scan.trainRows(), scan.validationRows());
    }

    /** Refuses a schema without {@code featuresCol} as a Vector column. */
    static void checkFeatures(StructType schema, String featuresCol) {
        StructField features = field(schema, featuresCol, "featuresCol");
        if (!features.dataType().equals(SQLDataTypes.VectorType())) {
            throw new IllegalArgumentException("featuresCol '" + featuresCol + "' must be a Vector column (dense or "
                    + "sparse; VectorAssembler makes one), found " + features.dataType().simpleString());
        }
    }

    /** {@code schema} with one more column, refused when the name is taken. */
    static StructType appendColumn(StructType schema, String name, DataType type) {
        if (Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException("output column '" + name + "' already exists; choose another name");
        }
        return schema.add(name, type, true);
    }

    private static StructField field(StructType schema, String name, String param) {
        if (!Arrays.asList(schema.fieldNames()).contains(name)) {
            throw new IllegalArgumentException(param + " '" + name + "' is not a column of the input; it has "
                    + String.join(", ", schema.fieldNames()));
        }
        return schema.apply(name);
    }

    /** The class count the label's ML attribute declares (as StringIndexer writes it), or 0 if none. */
    private static int declaredClasses(StructField label) {
        Attribute attribute = Attribute.fromStructField(label);
        if (attribute instanceof BinaryAttribute) {
            return 2;
        }
        if (attribute instanceof NominalAttribute nominal && nominal.getNumValues().isDefined()) {
            return (Integer) nominal.getNumValues().get();
        }
        return 0;
    }

    private static String[] quoted(String[] columns) {
        return Arrays.stream(columns).map(c -> "`" + c.replace("`", "``") + "`").toArray(String[]::new);
    }

    /** How messages name the columns: by the params that name them. */
    private static String[] subjects(String[] columns) {
        String[] params = {"featuresCol", "labelCol", "validationIndicatorCol"};
        String[] subjects = new String[columns.length];
        for (int c = 0; c < columns.length; c++) {
            subjects[c] = params[c] + " '" + columns[c] + "'";
        }
        return subjects;
    }
}

package io.mnistspark.data;

import java.io.Serializable;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * One checked row of a table format on its way to its partition: the label and the nonzero values, what
 * the shuffle moves (smaller than a Spark {@code Row} with its schema and vector object).
 *
 * @param label   the class index
 * @param indices strictly ascending columns of the stored values
 * @param values  the values at {@code indices}
 */
record LabeledRow(int label, int[] indices, double[] values) implements Serializable {

    /** A {@code (features Vector, label number)} row that {@link LabeledRowScan} accepted. */
    static LabeledRow of(Row row) {
        SparseVector features = ((Vector) row.get(0)).toSparse();
        return new LabeledRow((int) ((Number) row.get(1)).doubleValue(), features.indices(), features.values());
    }
}

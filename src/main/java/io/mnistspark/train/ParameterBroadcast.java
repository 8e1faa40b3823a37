package io.mnistspark.train;

import io.mnistspark.model.RawDoubles;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * The parameters as a pass broadcasts them: the array, serialized as raw bits ({@link RawDoubles}) when
 * Spark ships it to an executor in another JVM. (Executors in the driver's JVM, as in {@code local[N]},
 * read the driver's object itself.)
 */
final class ParameterBroadcast implements Serializable {
    private static final long serialVersionUID = 1L;

    private transient double[] values;

    ParameterBroadcast(double[] values) {
        this.values = values;
    }

    double[] values() {
        return values;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        RawDoubles.write(out, values);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        values = RawDoubles.read(in);
    }
}

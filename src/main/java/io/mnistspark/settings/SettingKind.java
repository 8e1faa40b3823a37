package io.mnistspark.settings;

import java.io.Serializable;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import scala.Function1;

/**
 * The value types a run setting can have, each with the Spark ML param class that holds it and the way its
 * text (a command-line value, a profile line) is read.
 */
public enum SettingKind {
    INT("a whole number"),
    LONG("a whole number"),
    DOUBLE("a number"),
    BOOLEAN("true or false"),
    /** One of a few lower-case words; text is compared in any case. */
    CHOICE("a word");

    private final String what;

    SettingKind(String what) {
        this.what = what;
    }

    /**
     * The Spark param for a setting of this kind, owned by {@code parent} and checked by {@code allowed}.
     * The check is serializable, as Spark ships params inside stages.
     */
    @SuppressWarnings("unchecked")
    <T> Param<T> param(String parent, String name, String doc, Predicate<T> allowed) {
        Function1<Object, Object> check = (Function1<Object, Object> & Serializable) value ->
                allowed.test((T) value);
        return (Param<T>) switch (this) {
            case INT -> new IntParam(parent, name, doc, check);
            case LONG -> new LongParam(parent, name, doc, check);
            case DOUBLE -> new DoubleParam(parent, name, doc, check);
            case BOOLEAN -> new BooleanParam(parent, name, doc);
            case CHOICE -> new Param<String>(parent, name, doc, (Function1<String, Object>) (Object) check);
        };
    }

    /**
     * Reads {@code text} as a value of this kind.
     *
     * @throws IllegalArgumentException saying what was expected, when the text is not such a value
     */
    Object parse(String text) {
        String t = text.strip();
        try {
            return switch (this) {
                case INT -> Integer.parseInt(t);
                case LONG -> Long.parseLong(t);
                case DOUBLE -> Double.parseDouble(t);
                case BOOLEAN -> {
                    if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                        throw new NumberFormatException(t);
                    }
                    yield Boolean.parseBoolean(t);
                }
                case CHOICE -> t.toLowerCase(Locale.ROOT);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + what);
        }
    }

    /** The Java type of the values, for command-line parsers. */
    Class<?> javaType() {
        return switch (this) {
            case INT -> Integer.class;
            case LONG -> Long.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            case CHOICE -> String.class;
        };
    }
}

package io.mnistspark.settings;

import java.util.Objects;
import java.util.function.Predicate;
import org.apache.spark.ml.param.Param;

/**
 * One setting of a training run, declared once: its Spark ML param name, what it means, its default, the
 * values it allows, and the names the command line ({@code --learning-rate LR}) and {@code summary.json}
 * ({@code learning_rate}) have always given it. The Spark ML params, the command-line options, the suite
 * profiles, checkpoints and summaries are all made from these declarations ({@link RunSettings#ALL}).
 *
 * @param name       the Spark ML param name, e.g. {@code stepSize}
 * @param kind       the value type
 * @param doc        what the setting means, for the param's doc and the command line's help
 * @param defaultValue the value when none is given
 * @param allowed    the values it takes, in words that complete "must be ...", e.g. {@code "at least 1"}
 * @param check      whether a value is allowed (matches {@code allowed})
 * @param option     the command-line option, e.g. {@code --learning-rate}
 * @param label      the option's value label in help, e.g. {@code LR} (null for a switch)
 * @param summaryKey the key in {@code summary.json}'s run settings, e.g. {@code learning_rate}
 * @param defaultText the default in words, for the param's doc and the help; a setting whose default
 *                   depends on others says so here, its {@code defaultValue} being what a Spark ML param
 *                   reports while unset
 */
public record Setting<T>(String name, SettingKind kind, String doc, T defaultValue, String allowed,
        Predicate<T> check, String option, String label, String summaryKey, String defaultText) {

    /** A setting whose default is one value, written as {@code String.valueOf(defaultValue)}. */
    public Setting(String name, SettingKind kind, String doc, T defaultValue, String allowed, Predicate<T> check,
            String option, String label, String summaryKey) {
        this(name, kind, doc, defaultValue, allowed, check, option, label, summaryKey, String.valueOf(defaultValue));
    }

    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(defaultText, "defaultText");
        if (!check.test(defaultValue)) {
            throw new IllegalArgumentException(name + ": the default " + defaultValue + " is not " + allowed);
        }
    }

    /** The Spark ML param of this setting for the stage with uid {@code parent}. */
    public Param<T> param(String parent) {
        return kind.param(parent, name, doc + " (" + allowed + "; default " + defaultText + ")", check);
    }

    /**
     * Reads a value given as text, as on the command line or in a suite profile.
     *
     * @throws IllegalArgumentException naming the option, what it must be and what came
     */
    @SuppressWarnings("unchecked")
    public T parse(String text) {
        T value;
        try {
            value = (T) kind.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage() + "; it must be " + allowed);
        }
        return checked(value);
    }

    /**
     * {@code value} when it is allowed.
     *
     * @throws IllegalArgumentException "{@code --option must be <allowed>, got <value>}"
     */
    public T checked(T value) {
        if (value == null || !check.test(value)) {
            throw new IllegalArgumentException(option + " must be " + allowed + ", got " + value);
        }
        return value;
    }

    /** Whether the command line gives this setting as a switch (no value). */
    public boolean isSwitch() {
        return kind == SettingKind.BOOLEAN;
    }
}

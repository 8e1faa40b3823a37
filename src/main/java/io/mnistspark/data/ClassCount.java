package io.mnistspark.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How many classes a dataset has, which sizes the network's output layer: stated by the user
 * ({@code --classes N}), or taken from the training labels as 1 + the largest.
 *
 * <p>Taken from the labels, the count is accepted only when every class below it has at least one training
 * example. One corrupt label (MNIST's 200 among 0..9) would otherwise silently make a network of 201
 * outputs, 190 of them for classes nothing teaches; a hole inside the range is far more often a corrupt
 * or shifted label than a class that is really meant and never seen. A stated count accepts empty classes
 * (the user said so) and refuses any label at or above it, training or test.
 *
 * @param stated the stated count, 1..{@link ImageBlock#MAX_LABEL} + 1, or 0 to take it from the labels
 */
public record ClassCount(int stated) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The count is 1 + the largest training label, every class below it seen in training. */
    public static final ClassCount FROM_LABELS = new ClassCount(0);

    /** Records named in a message; the rest are counted. */
    private static final int NAMED = 3;
    /** Runs of empty classes named in a message; the rest are counted. */
    private static final int RUNS_NAMED = 4;

    public ClassCount {
        if (stated < 0 || stated > ImageBlock.MAX_LABEL + 1) {
            throw new IllegalArgumentException("--classes must be in [1, " + (ImageBlock.MAX_LABEL + 1)
                    + "] (or 0 for 1 + the largest training label), got " + stated);
        }
    }

    /** Whether the count was stated rather than taken from the labels. */
    public boolean isStated() {
        return stated > 0;
    }

    /**
     * Where each label of a part was read, for messages: the file and the record's name in it
     * ({@code "record 12345"}, 0-based as the record formats count; {@code "row 7"}, 1-based as the table
     * formats count data rows).
     */
    interface LabelOrigin {
        String file(int index);

        String record(int index);
    }

    /**
     * The class count of a dataset whose training labels are {@code train}, each in [0, 65535].
     *
     * @throws DataException naming the file, the record(s) and the value(s), when the labels leave a class
     *                       empty inside their range (count from the labels) or reach the stated count
     */
    int of(int[] train, LabelOrigin origin) {
        if (isStated()) {
            requireBelow(stated, train, origin);
            return stated;
        }
        int largest = 0;
        for (int label : train) {
            largest = Math.max(largest, label);
        }
        boolean[] seen = new boolean[largest + 1];
        for (int label : train) {
            seen[label] = true;
        }
        int firstEmpty = 0;
        while (firstEmpty <= largest && seen[firstEmpty]) {
            firstEmpty++;
        }
        if (firstEmpty > largest) {
            return largest + 1;
        }
        List<Integer> above = recordsAbove(train, firstEmpty);
        int classes = largest + 1;
        boolean one = above.size() == 1;
        throw new DataException(origin.file(above.get(0)) + ": " + named(above, train, origin)
                + (one ? " makes " : " make ") + classes + " classes (0.." + largest + "), but " + emptyRuns(seen)
                + " no training example; "
                + (one ? "a corrupt label? Fix it" : "corrupt labels, or labels that do not count from 0? Fix them")
                + ", or give --classes " + classes + " if " + classes + " classes are meant");
    }

    /**
     * Refuses test labels the training gave no class for: at or above the stated count, or, with the count
     * from the labels, above the largest training label.
     *
     * @param trainingLabels names where the training labels were read, for the message
     */
    void checkTest(int[] test, int classes, LabelOrigin origin, String trainingLabels) {
        if (isStated()) {
            requireBelow(stated, test, origin);
            return;
        }
        for (int i = 0; i < test.length; i++) {
            if (test[i] >= classes) {
                throw new DataException(origin.file(i) + ": label " + test[i] + " at " + origin.record(i)
                        + " is outside the " + classes + " classes of the training labels (0.." + (classes - 1)
                        + ") in " + trainingLabels + "; a model cannot predict a class it never saw");
            }
        }
    }

    private static void requireBelow(int classes, int[] labels, LabelOrigin origin) {
        List<Integer> above = recordsAbove(labels, classes - 1);
        if (!above.isEmpty()) {
            boolean one = above.size() == 1;
            throw new DataException(origin.file(above.get(0)) + ": " + named(above, labels, origin)
                    + (one ? " is" : " are") + " not below --classes " + classes + " (classes 0.." + (classes - 1)
                    + "); fix the label" + (one ? "" : "s") + ", or give the --classes the data has");
        }
    }

    /** Indices of the labels above {@code bound}, in record order. */
    private static List<Integer> recordsAbove(int[] labels, int bound) {
        List<Integer> above = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] > bound) {
                above.add(i);
            }
        }
        return above;
    }

    /** {@code "label 200 at record 12345"}, or the first few of several and how many more. */
    private static String named(List<Integer> records, int[] labels, LabelOrigin origin) {
        String file = origin.file(records.get(0));
        StringBuilder out = new StringBuilder(records.size() == 1 ? "label " : "labels ");
        int shown = Math.min(records.size(), NAMED);
        for (int k = 0; k < shown; k++) {
            int i = records.get(k);
            out.append(k == 0 ? "" : k == shown - 1 && shown == records.size() ? " and " : ", ")
                    .append(labels[i]).append(" at ").append(origin.record(i));
            if (!origin.file(i).equals(file)) {
                out.append(" of ").append(origin.file(i));
            }
        }
        if (records.size() > shown) {
            out.append(" and ").append(records.size() - shown).append(" more record")
                    .append(records.size() - shown == 1 ? "" : "s");
        }
        return out.toString();
    }

    /** {@code "classes 10..199 have"}, {@code "class 0 has"}, or the first runs of several and how many more. */
    private static String emptyRuns(boolean[] seen) {
        List<String> runs = new ArrayList<>();
        int empty = 0;
        int c = 0;
        while (c < seen.length) {
            if (seen[c]) {
                c++;
                continue;
            }
            int start = c;
            while (c < seen.length && !seen[c]) {
                c++;
            }
            empty += c - start;
            runs.add(c - start == 1 ? Integer.toString(start) : start + ".." + (c - 1));
        }
        String listed = String.join(", ", runs.subList(0, Math.min(runs.size(), RUNS_NAMED)))
                + (runs.size() > RUNS_NAMED ? " and " + (runs.size() - RUNS_NAMED) + " more runs" : "");
        return empty == 1 ? "class " + listed + " has" : empty + " of them (" + listed + ") have";
    }
}

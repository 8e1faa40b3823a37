package io.mnistspark.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated and mutated CSV (Kaggle's layout) and LIBSVM files: a small valid table of 4-pixel images, labels
 * 0..2, then either a token of one line replaced by a value that numbers, labels or indices can break on
 * (NaN, 1e999, 256, 65536, 0.5, -1, quotes, index 0 or 2^31, text), a line deleted, repeated or cut short, or
 * 1 to 4 byte-level mutations of the text.
 */
public final class FuzzTables {
    /** Cell texts for CSV pixels and labels. */
    static final String[] CELLS = {"", " ", "0", "255", "256", "-1", "-0", "+7", "0.5", "2.0", "1e3", "1e999", "NaN",
        "Infinity", "-Infinity", "0x10", "\"3\"", "\"", "7\"", "a", "\u0663", "65535", "65536", "200", "9",
        "99999999999999999999", "\t5", " 5 ", "1,2"};
    /** Tokens for LIBSVM lines. */
    static final String[] TOKENS = {"0:1", "1:0", "4:1", "5:1", "4:1e999", "3:nan", "1:-inf", "2:NaN", "16777216:1",
        "16777217:1", "2147483648:1", "99999999999:1", "1:", ":1", "::", "a:b", "1:1:1", "-1", "2.5", "65535",
        "65536", "200", "1e5", "nan", "+1", "3:0.5 2:0.5", "#", ""};

    private FuzzTables() {
    }

    /** Writes case {@code random} as {@code dir/case.csv} ({@code dir} emptied first). */
    public static FuzzCase csv(Path dir, SplittableRandom random) {
        return write(dir, "case.csv", csvLines(random), CELLS, ",", random);
    }

    /** The valid table the CSV cases start from, unchanged. */
    static FuzzCase validCsv(Path dir) {
        return unchanged(dir, "case.csv", csvLines(new SplittableRandom(0)));
    }

    /** The valid table the LIBSVM cases start from, unchanged. */
    static FuzzCase validLibsvm(Path dir) {
        return unchanged(dir, "case.libsvm", libsvmLines(new SplittableRandom(0)));
    }

    private static List<String> csvLines(SplittableRandom random) {
        List<String> lines = new ArrayList<>(List.of("label,p0,p1,p2,p3"));
        for (int r = 0; r < 5; r++) {
            lines.add(r % 3 + "," + random.nextInt(256) + "," + random.nextInt(256) + ",0," + random.nextInt(256));
        }
        return lines;
    }

    /** Writes case {@code random} as {@code dir/case.libsvm} ({@code dir} emptied first). */
    public static FuzzCase libsvm(Path dir, SplittableRandom random) {
        return write(dir, "case.libsvm", libsvmLines(random), TOKENS, " ", random);
    }

    private static List<String> libsvmLines(SplittableRandom random) {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            lines.add(r % 3 + " 1:" + (1 + random.nextInt(255)) / 255.0 + " 3:0.5 4:" + random.nextInt(2));
        }
        return lines;
    }

    private static FuzzCase unchanged(Path dir, String name, List<String> lines) {
        FuzzCase.clear(dir);
        long bytes = FuzzCase.write(dir.resolve(name), joined(lines, true));
        return new FuzzCase(dir.resolve(name), List.of(name), bytes, "unchanged");
    }

    private static FuzzCase write(Path dir, String name, List<String> lines, String[] tokens, String separator,
            SplittableRandom random) {
        FuzzCase.clear(dir);
        Mutator mutator = new Mutator(random);
        byte[] text;
        int line = random.nextInt(lines.size());
        switch (random.nextInt(6)) {
            case 0, 1 -> {
                String[] cells = lines.get(line).split(separator, -1);
                int cell = random.nextInt(cells.length);
                cells[cell] = tokens[random.nextInt(tokens.length)];
                lines.set(line, String.join(separator, cells));
                mutator.note("line " + (line + 1) + " becomes '" + lines.get(line) + "'");
                text = joined(lines, random.nextInt(4) != 0);
            }
            case 2 -> {
                int op = random.nextInt(3);
                String changed = lines.get(line);
                if (op == 0) {
                    lines.remove(line);
                } else if (op == 1) {
                    lines.add(line, changed);
                } else {
                    lines.set(line, changed.substring(0, random.nextInt(changed.length() + 1)));
                }
                mutator.note(new String[] {"delete", "repeat", "cut short"}[op] + " line " + (line + 1));
                text = joined(lines, true);
            }
            default -> text = mutator.mutate(joined(lines, true), 4);
        }
        long bytes = FuzzCase.write(dir.resolve(name), text);
        return new FuzzCase(dir.resolve(name), List.of(name), bytes, mutator.description());
    }

    private static byte[] joined(List<String> lines, boolean finalNewline) {
        return (String.join("\n", lines) + (finalNewline ? "\n" : "")).getBytes(StandardCharsets.UTF_8);
    }
}

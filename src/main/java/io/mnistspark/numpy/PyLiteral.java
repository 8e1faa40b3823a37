package io.mnistspark.numpy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for the Python literals a {@code .npy} header holds, e.g.
 * {@code {'descr': '|u1', 'fortran_order': False, 'shape': (100, 28, 28), }}.
 *
 * <p>numpy writes the header with {@code repr} and reads it with {@code ast.literal_eval}; this accepts the
 * same small language: dicts with string keys, tuples and lists, strings, integers (with the {@code L}
 * suffix old Python 2 writers add), {@code True}, {@code False} and {@code None}. Values come back as
 * {@code Map<String, Object>}, {@code List<Object>}, {@code String}, {@code Long}, {@code Boolean} or null.
 * Nesting depth is bounded, so a hostile header cannot overflow the stack; nothing is evaluated.
 */
final class PyLiteral {

    private static final int MAX_DEPTH = 32;

    private final String text;
    private int pos;

    private PyLiteral(String text) {
        this.text = text;
    }

    /**
     * Parses {@code text} as one literal followed only by whitespace.
     *
     * @throws IllegalArgumentException describing the first syntax error and its position
     */
    static Object parse(String text) {
        PyLiteral parser = new PyLiteral(text);
        Object value = parser.value(0);
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the literal");
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end of header");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return dict(depth);
            case '(':
                return sequence(depth, ')');
            case '[':
                return sequence(depth, ']');
            case '\'':
            case '"':
                return string(c);
            default:
                if (c == '-' || c == '+' || Character.isDigit(c)) {
                    return integer();
                }
                return word();
        }
    }

    private Map<String, Object> dict(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        while (!closes('}')) {
            Object key = value(depth + 1);
            if (!(key instanceof String name)) {
                throw error("dict key " + key + " is not a string");
            }
            skipSpace();
            expect(':');
            if (map.put(name, value(depth + 1)) != null) {
                throw error("key '" + name + "' appears twice");
            }
            separator('}');
        }
        return map;
    }

    private List<Object> sequence(int depth, char close) {
        List<Object> list = new ArrayList<>();
        pos++;
        while (!closes(close)) {
            list.add(value(depth + 1));
            separator(close);
        }
        return list;
    }

    /** Consumes {@code close} if it comes next (after whitespace). */
    private boolean closes(char close) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == close) {
            pos++;
            return true;
        }
        return false;
    }

    /** After an element: a comma, or the closing bracket (left for {@link #closes}). */
    private void separator(char close) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
        } else if (pos >= text.length() || text.charAt(pos) != close) {
            throw error("expected ',' or '" + close + "'");
        }
    }

    private String string(char quote) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            out.append(c);
        }
        expect(quote);
        return out.toString();
    }

    private Long integer() {
        int start = pos;
        if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
            pos++;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("integer " + digits + " is not a 64-bit integer");
        }
    }

    private Boolean word() {
        int start = pos;
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "None":
                return null;
            default:
                pos = start;
                throw error("unexpected " + (word.isEmpty() ? "'" + text.charAt(pos) + "'" : word));
        }
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at character " + pos);
    }
}

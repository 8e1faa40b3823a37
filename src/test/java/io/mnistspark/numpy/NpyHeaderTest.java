package io.mnistspark.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The .npy header: the Python literal parser and the format versions numpy writes. */
class NpyHeaderTest {

    @Test
    void parsesWhatNumpyWrites() {
        Object dict = PyLiteral.parse("{'descr': '|u1', 'fortran_order': False, 'shape': (100, 28, 28), }   \n");
        assertEquals(Map.of("descr", "|u1", "fortran_order", false, "shape", List.of(100L, 28L, 28L)), dict);
        assertEquals(List.of(7L), ((Map<?, ?>) PyLiteral.parse("{\"shape\": (7,)}")).get("shape"));
        assertEquals(List.of(), ((Map<?, ?>) PyLiteral.parse("{'shape': ()}")).get("shape"));
        // Python 2 writers append L to integers
        assertEquals(List.of(60000L, 28L, 28L), PyLiteral.parse("(60000L, 28L, 28L)"));
        assertEquals(List.of(List.of("a", "<i4"), List.of("b", "|u1")), PyLiteral.parse("[('a', '<i4'), ('b', '|u1')]"));
        assertNull(PyLiteral.parse("None"));
    }

    @Test
    void refusesWhatIsNotALiteral() {
        for (String bad : new String[] {"{'a': 1", "{'a' 1}", "{1: 2}", "(1, 2) x", "__import__('os')", "{'a': 1, 'a': 2}",
            "99999999999999999999", "(".repeat(100) + ")".repeat(100), ""}) {
            assertThrows(IllegalArgumentException.class, () -> PyLiteral.parse(bad), bad);
        }
    }

    @Test
    void readsVersionOneAndTwoHeaders() throws IOException {
        byte[] v1 = NpyBytes.npy("<i8", false, "(3,)", new byte[24]);
        NpyHeader h1 = NpyHeader.read(new ByteArrayInputStream(v1), "v1.npy");
        assertEquals("<i8", h1.descr());
        assertFalse(h1.fortranOrder());
        assertEquals(List.of(3L), h1.shape());
        assertEquals(v1.length - 24, h1.headerBytes());
        assertEquals("(3,)", h1.shapeText());

        String dict = "{'descr': '|u1', 'fortran_order': True, 'shape': (2, 5, 7), }\n";
        ByteBuffer v2 = ByteBuffer.allocate(12 + dict.length()).order(ByteOrder.LITTLE_ENDIAN);
        v2.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 2).put((byte) 0);
        v2.putInt(dict.length()).put(dict.getBytes(StandardCharsets.US_ASCII));
        NpyHeader h2 = NpyHeader.read(new ByteArrayInputStream(v2.array()), "v2.npy");
        assertTrue(h2.fortranOrder());
        assertEquals(List.of(2L, 5L, 7L), h2.shape());
        assertEquals(12 + dict.length(), h2.headerBytes());
    }

    @Test
    void refusesUnknownVersionsAndOversizedHeaders() {
        byte[] v4 = NpyBytes.npy("|u1", false, "(1,)", new byte[1]);
        v4[6] = 4;
        assertRefused(() -> NpyHeader.read(new ByteArrayInputStream(v4), "x.npy"),
                "x.npy: .npy format version 4.0 is not supported");
        ByteBuffer huge = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        huge.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 2).put((byte) 0).putInt(1 << 30);
        assertRefused(() -> NpyHeader.read(new ByteArrayInputStream(huge.array()), "x.npy"),
                "x.npy: .npy header claims 1073741824 bytes");
    }

    private static void assertRefused(Executable action, String fragment) {
        NpyFormatException e = assertThrows(NpyFormatException.class, action);
        assertFalse(e.getMessage().contains("\n"), "message must be one line: " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "message should contain '" + fragment + "': " + e.getMessage());
    }
}

package io.mnistspark.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are Python 3.11's repr() of the same doubles. */
class PythonReprTest {
    @ParameterizedTest
    @CsvSource({
        "2.2897008012610214, 2.2897008012610214",
        "0.1, 0.1",
        "1e-05, 1e-05",
        "0.0001, 0.0001",
        "1e16, 1e+16",
        "1e15, 1000000000000000.0",
        "123456789012345680.0, 1.2345678901234568e+17",
        "0.09447976635182322, 0.09447976635182322",
        "4.9e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "-2.5, -2.5",
        "100.0, 100.0",
        "0.3, 0.3",
        "0.6666666666666666, 0.6666666666666666",
        "1234567.0, 1234567.0",
    })
    void formatsLikePython(double value, String python) {
        assertEquals(python, PythonRepr.format(value));
    }
}

package io.mnistspark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CacheLinesTest {
    @Test
    void originPutsTheFirstElementOnALineWhenObjectsAreLineAligned() {
        assertEquals(6, CacheLines.doubleOrigin(64, 16), "16-byte header: element 6 starts at byte 64");
        assertEquals(5, CacheLines.doubleOrigin(64, 24), "24-byte header: element 5 starts at byte 64");
        assertEquals(6, CacheLines.doubleOrigin(128, 16));
        assertEquals(0, CacheLines.doubleOrigin(64, 64));
    }

    @Test
    void originIsZeroWhenTheArrayCouldStartAnywhereInALine() {
        assertEquals(0, CacheLines.doubleOrigin(8, 16));
        assertEquals(0, CacheLines.doubleOrigin(32, 16));
    }

    @Test
    void theTestJvmAlignsObjectsAsTheLaunchScriptsDo() {
        // surefire passes pom.xml's spark.jvm.flags, which submit/local and submit/yarn pass to Spark's JVMs
        assertEquals(64, CacheLines.objectAlignment());
        assertTrue(CacheLines.DOUBLE_ORIGIN > 0, "with a header of " + sun.misc.Unsafe.ARRAY_DOUBLE_BASE_OFFSET
                + " bytes the first element is not on a line, so the kernel must start its rows further in");
    }
}

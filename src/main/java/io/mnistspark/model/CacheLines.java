package io.mnistspark.model;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Where a {@code double[]} has its first element on a 64-byte cache-line boundary. A 512-bit vector
 * load or store that is not so aligned touches two cache lines; in the kernel's hottest loops that costs
 * about a fifth of the time. Java places objects at multiples of {@code -XX:ObjectAlignmentInBytes} (8 by
 * default: any of eight positions in a line) and an array's elements after its header, so the position
 * is knowable only when objects are aligned to 64 bytes or more; {@code submit/local} and
 * {@code submit/yarn} start drivers and executors with {@code -XX:ObjectAlignmentInBytes=64}.
 */
final class CacheLines {
    static final int LINE_BYTES = 64;

    /** Index of the first line-aligned element of any fresh {@code double[]}, or 0 when that is not knowable. */
    static final int DOUBLE_ORIGIN = doubleOrigin(objectAlignment(), sun.misc.Unsafe.ARRAY_DOUBLE_BASE_OFFSET);

    private CacheLines() {
    }

    /** The origin for a JVM aligning objects to {@code alignment} bytes, with array elements at {@code base}. */
    static int doubleOrigin(int alignment, int base) {
        if (alignment % LINE_BYTES != 0 || base % Double.BYTES != 0) {
            return 0;
        }
        return (LINE_BYTES - base % LINE_BYTES) % LINE_BYTES / Double.BYTES;
    }

    /** {@code -XX:ObjectAlignmentInBytes} of this JVM, or 8 if it cannot be read. */
    static int objectAlignment() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotspot == null ? 8 : Integer.parseInt(hotspot.getVMOption("ObjectAlignmentInBytes").getValue());
        } catch (RuntimeException e) {
            return 8;
        }
    }
}

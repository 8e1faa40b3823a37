package io.mnistspark.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of this JVM, the driver (in {@code local[N]} it also holds the executors and their cached
 * blocks): the heap's peak use since the last reset, summed over the heap pools, and the process's resident
 * high-water mark from {@code /proc/self/status} (VmHWM), or -1 where there is none.
 */
final class DriverMemory {
    private DriverMemory() {
    }

    /** Starts a new heap peak (the pools' peaks drop to their current use). */
    static void resetHeapPeak() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * The heap pools' peaks summed: an upper bound of the heap's peak use since the last reset (the pools
     * need not have peaked at the same moment), which is what the heap size must allow for.
     */
    static long heapPeakBytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes;
    }

    /** The resident set's high-water mark of the whole process, in bytes, or -1 if not on Linux. */
    static long residentPeakBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}

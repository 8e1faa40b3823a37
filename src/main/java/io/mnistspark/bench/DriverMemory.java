package io.mnistspark.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory of this JVM, the driver (in {@code local[N]} it also holds the executors and their cached blocks):
 * the heap still in use after a full collection, and the process's resident high-water mark from
 * {@code /proc/self/status} (VmHWM), or -1 where there is none.
 */
final class DriverMemory {
    private DriverMemory() {
    }

    /**
     * The heap in use right after a full collection (requested here): what the driver keeps alive, the
     * cached blocks and parameters, without the short-lived garbage of the steps that a peak of plain use
     * would count. For the bench's end only: a full collection pauses the JVM.
     */
    static long heapLiveBytes() {
        System.gc();
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getUsage().getUsed();
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

package io.mnistspark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the figures were measured: cores, CPU model, Java, and the 1-minute load average when the bench
 * started (NaN where the system does not say); a load above the core count means other work ran, or had just run (the average decays over a minute).
 */
public record Machine(int cores, String cpu, String java, double loadAtStart) {
    public static Machine current() {
        String java = System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                + System.getProperty("java.vm.name", "?") + ")";
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), java, loadAverage());
    }

    /** The 1-minute load average from /proc/loadavg, or NaN. */
    public static double loadAverage() {
        try {
            String text = Files.readString(Path.of("/proc/loadavg")).trim();
            return Double.parseDouble(text.substring(0, text.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The first "model name" of /proc/cpuinfo, or the architecture where there is none. */
    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .findFirst().orElse(System.getProperty("os.arch"));
            } catch (IOException | java.io.UncheckedIOException e) {
                return System.getProperty("os.arch");
            }
        }
        return System.getProperty("os.arch");
    }
}

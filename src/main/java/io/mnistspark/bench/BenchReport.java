package io.mnistspark.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints a bench run as a table: median, min and max seconds of each series and its ratio to the job's
 * step, then the ratios the issue asks for and the memory of the persisted blocks.
 */
public final class BenchReport {
    private static final String ROW = "%-58s %9s %9s %9s %11s%n";
    private static final String RATIO = "  %-44s %8s   %s%n";

    private BenchReport() {
    }

    public static void print(BenchResult result, PrintWriter out) {
        BenchResult.Setup setup = result.setup();
        Machine machine = setup.machine();
        out.println("mnist-spark-mlp bench");
        out.printf(Locale.ROOT, "  data      %s: %d train + %d validation rows per step (%d test rows also persisted)%n",
                setup.data(), setup.trainRows(), setup.validationRows(), setup.testRows());
        out.printf(Locale.ROOT, "  network   %s%n", setup.network());
        out.printf(Locale.ROOT, "  spark     %s, master %s, %d partitions, %d task slots%n", setup.sparkVersion(),
                setup.master(), setup.partitions(), setup.taskSlots());
        out.printf(Locale.ROOT, "  machine   %d cores, %s, Java %s%n", machine.cores(), machine.cpu(), machine.java());
        out.printf(Locale.ROOT, "  load      1-minute load average %.1f at the start, %.1f at the end%s%n",
                machine.loadAtStart(), result.loadAtEnd(), machine.loadAtStart() > machine.cores()
                        || result.loadAtEnd() > machine.cores() ? " (above the core count: other work ran or had just run; times may be inflated)" : "");
        BenchSettings settings = setup.settings();
        out.printf(Locale.ROOT, "  runs      %d warm-up + %d measured rounds, each %d job steps then one pass of each "
                + "driver-side series; seconds per full step; the job step is timed over the last %d steps of each "
                + "round (%d steps)%n", settings.warmup(), settings.steps(), settings.roundSteps(),
                settings.roundSteps() - 1, settings.plan().timedSteps());
        out.println();
        out.printf(Locale.ROOT, ROW, "", "median s", "min s", "max s", "x job step");
        BenchResult.KernelFigures kernel = result.kernel();
        row(out, result, "job step: Trainer loop on Spark (pass + Adam update)", result.step());
        row(out, result, "  kernel alone, " + threads(kernel.threads()) + " (one per shard)", kernel.parallel());
        out.printf(Locale.ROOT, ROW, "  outside the kernel: scheduling, broadcast, transfer", seconds(
                result.outsideKernelSeconds()), "", "", percent(result.outsideKernelShare()) + " *");
        row(out, result, "  Spark's floor: the step's job, tasks without arithmetic", result.sparkFloor());
        row(out, result, "kernel alone, 1 thread", kernel.single());
        BenchResult.DenseFigures dense = result.dense();
        if (dense != null) {
            row(out, result, "dense float64 dgemm step, " + threads(kernel.threads()), dense.parallel());
            row(out, result, "dense float64 dgemm step, 1 thread", dense.single());
        }
        MllibReference.Result mllib = result.mllib();
        if (mllib != null) {
            if (mllib.iterations() != null) {
                row(out, result, "MLlib MLP gd, one iteration (in a " + mllib.longFit() + "-iteration fit)",
                        mllib.iterations());
            }
            out.printf(Locale.ROOT, ROW, "MLlib MLP gd, fit(2) - fit(1), medians", seconds(mllib.fitDifference()),
                    "", "", ratio(mllib.fitDifference() / result.step().median()));
            row(out, result, "  MLlib fit, maxIter 1", mllib.oneIteration());
            row(out, result, "  MLlib fit, maxIter 2", mllib.twoIterations());
        }
        out.println("  * share of the job step");
        out.println();
        printRatios(result, out);
        printMemory(result.memory(), result.load(), out);
        printChecks(result, out);
    }

    private static void printRatios(BenchResult result, PrintWriter out) {
        BenchResult.KernelFigures kernel = result.kernel();
        out.println("Ratios (of the job against the others, above 1: the job is faster)");
        out.printf(Locale.ROOT, RATIO, "outside-kernel share of the job step", percent(result.outsideKernelShare()),
                "Spark scheduling, broadcast, result transfer, update");
        out.printf(Locale.ROOT, RATIO, "outside the kernel / Spark's floor", ratio(result.outsideOverFloor()),
                "what the step adds to Spark's own cost (1.00: nothing)");
        out.printf(Locale.ROOT, RATIO, "job step, 90th percentile / median", ratio(result.stepP90OverMedian()),
                "jitter; the kernel alone's: " + ratio(result.kernelP90OverMedian()) + " (the machine's own)");
        out.printf(Locale.ROOT, RATIO, "kernel, 1 thread / " + threads(kernel.threads()),
                ratio(kernel.single().median() / kernel.parallel().median()), "");
        BenchResult.DenseFigures dense = result.dense();
        if (dense != null) {
            out.printf(Locale.ROOT, RATIO, "dense dgemm step / job step", ratio(result.speedup(dense.parallel().median())),
                    "same rows, same threads; BLAS " + dense.blas());
            out.printf(Locale.ROOT, RATIO, "dense dgemm / kernel, both " + threads(kernel.threads()),
                    ratio(dense.parallel().median() / kernel.parallel().median()), "");
            out.printf(Locale.ROOT, RATIO, "dense dgemm / kernel, both 1 thread",
                    ratio(dense.single().median() / kernel.single().median()), "");
        }
        MllibReference.Result mllib = result.mllib();
        if (mllib != null) {
            out.printf(Locale.ROOT, RATIO, "MLlib iteration / job step", ratio(result.speedup(mllib.perIteration())),
                    "MLlib: " + mllib.rows() + " train rows, no validation pass, block size " + mllib.blockSize()
                    + (mllib.iterations() != null ? "" : "; fit(2) - fit(1)"));
            if (!(mllib.fitDifference() > 0.0)) {
                out.println("  (MLlib's 2-iteration fits were not slower than its 1-iteration fits: their difference "
                        + "is noise here)");
            }
        }
        out.println();
    }

    private static void printMemory(MemoryFigures memory, BenchResult.LoadFigures load, PrintWriter out) {
        out.println("Memory of the persisted train, validation and test blocks");
        String storage = memory.storageBytes() < 0 ? "not reported" : megabytes(memory.storageBytes());
        out.printf(Locale.ROOT, "  block arrays %s, Spark storage %s; dense float64 %s (%s smaller); %.1f%% of pixels nonzero%n",
                megabytes(memory.blockBytes()), storage, megabytes(memory.denseBytes()), ratio(memory.denseOverBlocks()),
                100 * memory.nonzeroFraction());
        out.printf(Locale.ROOT, "  loading took %.1f s; the driver's heap after a full GC %s, its resident peak %s "
                + "(%s once loaded)%n", load.seconds(), megabytes(load.heapLive()), resident(load.residentPeak()),
                resident(load.loadResidentPeak()));
        out.println();
    }

    private static String resident(long bytes) {
        return bytes < 0 ? "not reported" : megabytes(bytes);
    }

    private static void printChecks(BenchResult result, PrintWriter out) {
        out.println("Same math checks (largest relative difference of train loss and gradient sums)");
        out.printf(Locale.ROOT, "  kernel on the driver vs the Spark pass   %.1e%n", result.kernel().passDifference());
        if (result.dense() != null) {
            out.printf(Locale.ROOT, "  dense dgemm vs kernel                    %.1e%n", result.dense().kernelDifference());
        }
    }

    private static void row(PrintWriter out, BenchResult result, String label, Timing timing) {
        out.printf(Locale.ROOT, ROW, label, seconds(timing.median()), seconds(timing.min()), seconds(timing.max()),
                ratio(timing.median() / result.step().median()));
    }

    private static String threads(int count) {
        return count == 1 ? "1 thread" : count + " threads";
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * share);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}

package io.mnistspark.bench;

/**
 * Every figure of one bench run.
 *
 * @param setup   what was measured where
 * @param step    full steps of the job's step loop on Spark
 * @param sparkFloor the step's broadcast and job with no arithmetic in its tasks (what Spark itself costs)
 * @param kernel  the kernel alone on the driver
 * @param dense   the dense dgemm reference, or null when skipped
 * @param mllib   Spark MLlib's multilayer perceptron, or null when skipped
 * @param memory  the persisted blocks against dense float64
 * @param load    loading the data and the driver's memory
 * @param loadAtEnd the 1-minute load average when the measurements ended
 */
public record BenchResult(Setup setup, Timing step, Timing sparkFloor, KernelFigures kernel, DenseFigures dense,
        MllibReference.Result mllib, MemoryFigures memory, LoadFigures load, double loadAtEnd) {

    /** The run's conditions. */
    public record Setup(Machine machine, String data, int trainRows, int validationRows, int testRows, String network,
            String sparkVersion, String master, int partitions, int taskSlots, BenchSettings settings) {
    }

    /**
     * @param parallel  one thread per shard, at most as many as Spark's task slots
     * @param single    one thread
     * @param threads   threads of {@code parallel}
     * @param passDifference largest relative difference between the driver's sums and the Spark pass's at the
     *                  same parameters (0 when the very same arithmetic was timed)
     */
    public record KernelFigures(Timing parallel, Timing single, int threads, double passDifference) {
    }

    /**
     * @param blas          the dgemm implementation used
     * @param bytes         the dense training and validation matrices
     * @param kernelDifference largest relative difference of loss and gradient sums from the kernel's
     */
    public record DenseFigures(Timing parallel, Timing single, String blas, long bytes, double kernelDifference) {
    }

    /**
     * @param seconds      wall time from reading the files' headers to every shard built, persisted and counted
     * @param loadResidentPeak the process's resident high-water mark once loaded (bytes), or -1
     * @param heapLive     the heap in use after a full collection at the end of the step loop (bytes)
     * @param residentPeak the process's resident high-water mark at the end of the step loop (bytes), or -1
     */
    public record LoadFigures(double seconds, long loadResidentPeak, long heapLive, long residentPeak) {
    }

    /** The job step's median over another median: how many times faster the job step is when above 1. */
    public double speedup(double otherSeconds) {
        return otherSeconds / step.median();
    }

    /** The step's time outside the kernels: step median - kernel median (one thread per shard). */
    public double outsideKernelSeconds() {
        return step.median() - kernel.parallel().median();
    }

    /** The outside-kernel time over Spark's floor: 1 would mean the step adds nothing to what Spark costs. */
    public double outsideOverFloor() {
        return outsideKernelSeconds() / sparkFloor.median();
    }

    /** The 90th percentile of the job steps over their median: how much the step jitters. */
    public double stepP90OverMedian() {
        return step.percentile(0.9) / step.median();
    }

    /**
     * The same for the kernel alone on the driver (one thread per shard): the machine's own jitter, with no
     * Spark in the way, to judge the step's against.
     */
    public double kernelP90OverMedian() {
        return kernel.parallel().percentile(0.9) / kernel.parallel().median();
    }

    /** The share of the step not spent in the kernels: 1 - kernel (one thread per shard) / step. */
    public double outsideKernelShare() {
        return 1.0 - kernel.parallel().median() / step.median();
    }
}

package io.mnistspark.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bench run's figures as one JSON document (seconds, ratios, bytes), for keeping and comparing runs. */
public final class BenchJson {
    private BenchJson() {
    }

    public static String render(BenchResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        BenchResult.Setup setup = result.setup();
        Map<String, Object> setupDoc = new LinkedHashMap<>();
        setupDoc.put("data", setup.data());
        setupDoc.put("train_rows", setup.trainRows());
        setupDoc.put("validation_rows", setup.validationRows());
        setupDoc.put("test_rows", setup.testRows());
        setupDoc.put("network", setup.network());
        setupDoc.put("spark_version", setup.sparkVersion());
        setupDoc.put("master", setup.master());
        setupDoc.put("partitions", setup.partitions());
        setupDoc.put("task_slots", setup.taskSlots());
        setupDoc.put("cores", setup.machine().cores());
        setupDoc.put("cpu", setup.machine().cpu());
        setupDoc.put("java", setup.machine().java());
        setupDoc.put("load_average_start", finite(setup.machine().loadAtStart()));
        setupDoc.put("load_average_end", finite(result.loadAtEnd()));
        setupDoc.put("warmup", setup.settings().warmup());
        setupDoc.put("steps", setup.settings().steps());
        setupDoc.put("round_steps", setup.settings().roundSteps());
        setupDoc.put("timed_job_steps", setup.settings().plan().timedSteps());
        doc.put("setup", setupDoc);

        Map<String, Object> stepDoc = timing(result.step());
        stepDoc.put("p90_seconds", result.step().percentile(0.9));
        stepDoc.put("p90_over_median", result.stepP90OverMedian());
        doc.put("job_step", stepDoc);
        Map<String, Object> floorDoc = timing(result.sparkFloor());
        floorDoc.put("what", "the step's parameter broadcast and job over the same persisted shards, each task"
                + " returning sums of a real result's size (a zero gradient) without arithmetic");
        doc.put("spark_floor", floorDoc);
        BenchResult.KernelFigures kernel = result.kernel();
        Map<String, Object> kernelDoc = new LinkedHashMap<>();
        kernelDoc.put("threads", kernel.threads());
        Map<String, Object> parallelDoc = timing(kernel.parallel());
        parallelDoc.put("p90_over_median", result.kernelP90OverMedian());
        kernelDoc.put("parallel", parallelDoc);
        kernelDoc.put("single_thread", timing(kernel.single()));
        kernelDoc.put("difference_from_spark_pass", kernel.passDifference());
        doc.put("kernel", kernelDoc);
        doc.put("outside_kernel_share", result.outsideKernelShare());
        doc.put("outside_kernel_seconds", result.outsideKernelSeconds());
        doc.put("outside_kernel_over_spark_floor", result.outsideOverFloor());
        if (result.dense() != null) {
            BenchResult.DenseFigures dense = result.dense();
            Map<String, Object> denseDoc = new LinkedHashMap<>();
            denseDoc.put("blas", dense.blas());
            denseDoc.put("parallel", timing(dense.parallel()));
            denseDoc.put("single_thread", timing(dense.single()));
            denseDoc.put("matrix_bytes", dense.bytes());
            denseDoc.put("difference_from_kernel", dense.kernelDifference());
            denseDoc.put("chunk_rows", setup.settings().denseChunkRows());
            denseDoc.put("over_job_step", result.speedup(dense.parallel().median()));
            doc.put("dense_dgemm", denseDoc);
        }
        if (result.mllib() != null) {
            MllibReference.Result mllib = result.mllib();
            Map<String, Object> mllibDoc = new LinkedHashMap<>();
            mllibDoc.put("block_size", mllib.blockSize());
            mllibDoc.put("rows", mllib.rows());
            mllibDoc.put("fit_1_iteration", timing(mllib.oneIteration()));
            mllibDoc.put("fit_2_iterations", timing(mllib.twoIterations()));
            mllibDoc.put("fit_difference_seconds", mllib.fitDifference());
            mllibDoc.put("long_fit_iterations", mllib.longFit());
            mllibDoc.put("iteration", mllib.iterations() == null ? null : timing(mllib.iterations()));
            mllibDoc.put("per_iteration_seconds", mllib.perIteration());
            mllibDoc.put("over_job_step", result.speedup(mllib.perIteration()));
            doc.put("mllib_mlp_gd", mllibDoc);
        }
        MemoryFigures memory = result.memory();
        Map<String, Object> memoryDoc = new LinkedHashMap<>();
        memoryDoc.put("block_bytes", memory.blockBytes());
        memoryDoc.put("spark_storage_bytes", memory.storageBytes());
        memoryDoc.put("dense_float64_bytes", memory.denseBytes());
        memoryDoc.put("dense_over_blocks", memory.denseOverBlocks());
        memoryDoc.put("nonzero_fraction", memory.nonzeroFraction());
        doc.put("memory", memoryDoc);
        BenchResult.LoadFigures load = result.load();
        Map<String, Object> loadDoc = new LinkedHashMap<>();
        loadDoc.put("seconds", load.seconds());
        loadDoc.put("resident_peak_bytes", load.loadResidentPeak() < 0 ? null : load.loadResidentPeak());
        doc.put("load", loadDoc);
        Map<String, Object> driverDoc = new LinkedHashMap<>();
        driverDoc.put("heap_live_bytes", load.heapLive());
        driverDoc.put("resident_peak_bytes", load.residentPeak() < 0 ? null : load.residentPeak());
        doc.put("driver_memory", driverDoc);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the bench figures as JSON", e);
        }
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static Map<String, Object> timing(Timing timing) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("median_seconds", timing.median());
        doc.put("min_seconds", timing.min());
        doc.put("max_seconds", timing.max());
        doc.put("seconds", timing.seconds());
        return doc;
    }
}

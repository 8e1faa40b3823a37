package io.mnistspark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mnistspark.data.DatasetInfo;
import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.Part;
import io.mnistspark.data.ShardedDataset;
import io.mnistspark.data.TrainValidationSplit;
import io.mnistspark.job.DatasetStats;
import io.mnistspark.report.SettingsJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "data", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Read and check a dataset, split and load it as training does, and print one JSON document: "
                + "the files and their SHA-256, image shape, classes, train/validation/test counts, the label "
                + "histogram of each part and the fraction of nonzero pixels.", ""})
public final class DataCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        dataOptions.validate();
        SparkSession spark = SparkSessions.start(common.verbose);
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            DatasetInfo info = DatasetReader.inspect(spark, dataOptions.location(), dataOptions.classCount());
            TrainValidationSplit split = TrainValidationSplit.of(info, dataOptions.valFraction,
                    dataOptions.splitSeed);
            int partitions = dataOptions.partitions > 0 ? dataOptions.partitions : sc.defaultParallelism();
            ShardedDataset dataset = ShardedDataset.load(spark, info, split, partitions);
            DatasetStats stats = DatasetStats.of(dataset);
            spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(describe(info, split, partitions, stats)));
            return ExitCode.OK;
        } finally {
            spark.stop();
        }
    }

    static Map<String, Object> describe(DatasetInfo info, TrainValidationSplit split, int partitions,
            DatasetStats stats) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("location", info.location().describe());
        doc.put("files", SettingsJson.files(info));
        doc.put("image_shape", List.of(info.shape().rows(), info.shape().cols()));
        doc.put("classes", info.classes());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("train", split.trainCount());
        counts.put("validation", split.validationCount());
        counts.put("test", info.count(Part.TEST));
        doc.put("records", counts);
        Map<String, Object> histograms = new LinkedHashMap<>();
        histograms.put("train", stats.trainHistogram(info.classes()));
        histograms.put("validation", stats.validationHistogram(info.classes()));
        histograms.put("test", stats.testHistogram(info.classes()));
        doc.put("label_histograms", histograms);
        doc.put("nonzero_pixel_fraction", stats.nonzeroFraction());
        doc.put("partitions", partitions);
        return doc;
    }
}

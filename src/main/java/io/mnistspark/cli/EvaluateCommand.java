package io.mnistspark.cli;

import io.mnistspark.data.DataLocation;
import io.mnistspark.data.DatasetInfo;
import io.mnistspark.ml.MlpClassificationModel;
import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.ShardedDataset;
import io.mnistspark.model.ModelFiles;
import io.mnistspark.model.SavedModel;
import io.mnistspark.train.ConfusionMatrix;
import io.mnistspark.train.TestEvaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Load a saved model (the model/ directory of a run, or an MlpClassificationModel saved by Spark "
                + "ML) and print its test accuracy and confusion matrix on the test set of --data (for LIBSVM, CSV or "
                + "Parquet data, on --test-data).", ""})
public final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Option(names = "--model", paramLabel = "DIR", required = true,
            description = "A model directory written by train or suite (DIR/model), or by "
                    + "MlpClassificationModel.write().save(DIR) (a metadata/ and a data/ folder).")
    String model;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        dataOptions.validate();
        DataLocation location = dataOptions.location();
        if (!location.hasTestPart()) {
            throw new SettingsException("evaluate needs test rows: " + location.describe() + " is training data "
                    + "only; give --test-data");
        }
        boolean sparkMl = isSparkMlModel(model, new Configuration());
        SavedModel saved = sparkMl ? null : load(model, new Configuration());
        SparkSession spark = SparkSessions.start(common.verbose);
        try {
            if (sparkMl) {
                MlpClassificationModel loaded = MlpClassificationModel.load(model);
                saved = new SavedModel(loaded.shape(), loaded.weights());
            }
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            DatasetInfo info = DatasetReader.inspect(spark, location, dataOptions.classCount());
            if (info.shape().pixels() != saved.shape().inputs()) {
                throw new SettingsException("the model takes " + saved.shape().inputs() + " inputs but "
                        + info.location().describe() + " has images of " + info.shape().rows() + "x"
                        + info.shape().cols() + " = " + info.shape().pixels() + " pixels");
            }
            int partitions = dataOptions.partitions > 0 ? dataOptions.partitions : sc.defaultParallelism();
            ConfusionMatrix confusion = TestEvaluation.run(sc, ShardedDataset.loadTest(spark, info, partitions),
                    saved.shape(), saved.params());
            PrintWriter out = spec.commandLine().getOut();
            out.println("Model: " + model + " (network " + saved.shape() + ")");
            out.println("Test accuracy: " + confusion.accuracy() + " on " + confusion.total() + " test images");
            out.print(confusion.format());
            out.flush();
            return ExitCode.OK;
        } finally {
            spark.stop();
        }
    }

    /** Whether {@code location} holds a model in Spark ML's layout (its {@code metadata/} folder). */
    private static boolean isSparkMlModel(String location, Configuration conf) {
        try {
            Path metadata = new Path(location, "metadata");
            return metadata.getFileSystem(conf).exists(metadata);
        } catch (IOException e) {
            throw new SettingsException("--model " + location + ": " + e.getMessage());
        }
    }

    private static SavedModel load(String location, Configuration conf) {
        try {
            return ModelFiles.load(location, conf);
        } catch (IOException e) {
            throw new SettingsException("--model " + location + ": " + e.getMessage());
        }
    }
}

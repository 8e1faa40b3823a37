package io.mnistspark.bench;

import io.mnistspark.data.DataLocation;
import io.mnistspark.data.DatasetInfo;
import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.Part;
import io.mnistspark.data.ShardedDataset;
import io.mnistspark.data.TrainValidationSplit;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.train.FullBatchPass;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bench --time-to-accuracy A}: in one run on the same shards, how long each contender takes from its
 * first step until its test accuracy first reaches A: {@code adam} (the notebook's settings) and {@code lbfgs}
 * through the job's step loop, {@code mllib_lbfgs} and {@code mllib_gd} as MLlib's
 * {@code MultilayerPerceptronClassifier} with its solver {@code l-bfgs} (its default) and {@code gd}.
 */
public final class TimeToAccuracy {
    private static final int HIDDEN = 128;

    /**
     * @param target           the test accuracy to reach
     * @param checkEvery       steps between the job's test checks
     * @param maxSteps         the job's contenders' step budget
     * @param mllibMaxIter     MLlib's iteration budget
     * @param mllibResolution  MLlib's iteration counts are searched at multiples of this
     * @param mllibBlockSize   MLlib's block size
     */
    public record Settings(double target, int checkEvery, int maxSteps, int mllibMaxIter, int mllibResolution,
            int mllibBlockSize, boolean mllib) {
        public Settings {
            if (!(target > 0.0 && target <= 1.0)) {
                throw new IllegalArgumentException("--time-to-accuracy must be in (0, 1], got " + target);
            }
            if (checkEvery < 1 || maxSteps < 1 || mllibMaxIter < 1 || mllibResolution < 1 || mllibBlockSize < 1) {
                throw new IllegalArgumentException("--tta-check-every, --tta-max-steps, --tta-mllib-max-iter, "
                        + "--tta-mllib-resolution and --mllib-block-size must be at least 1");
            }
        }
    }

    /** The contest's outcome, contenders in the order run. */
    public record Result(BenchResult.Setup setup, Settings settings, List<Reach> reaches, double loadAtEnd) {
    }

    private final SparkSession spark;
    private final Progress progress;

    public TimeToAccuracy(SparkSession spark, Progress progress) {
        this.spark = spark;
        this.progress = progress;
    }

    /** Says a contender's outcome as soon as it is known (the race takes minutes). */
    private Reach told(Reach reach) {
        progress.note(reach.contender() + ": " + (reach.reached() ? String.format(java.util.Locale.ROOT, "%.1f s",
                reach.seconds()) : "not reached") + ", " + reach.steps() + " steps, test accuracy " + reach.accuracy()
                + " (" + reach.how() + ")");
        return reach;
    }

    public Result run(DataLocation location, double valFraction, long splitSeed, int partitionsWanted,
            BenchSettings benchSettings, Settings settings) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        progress.phase("loading " + location.describe());
        DatasetInfo info = DatasetReader.inspect(spark, location);
        if (info.count(Part.TEST) == 0) {
            throw new IllegalArgumentException("--time-to-accuracy needs test rows; " + location.describe()
                    + " has none");
        }
        TrainValidationSplit split = TrainValidationSplit.of(info.count(Part.TRAIN), valFraction, splitSeed);
        int partitions = partitionsWanted > 0 ? partitionsWanted : sc.defaultParallelism();
        ShardedDataset dataset = ShardedDataset.load(spark, info, split, partitions);
        try {
            NetworkShape shape = new NetworkShape(info.shape().pixels(), HIDDEN, info.classes());
            BenchResult.Setup setup = new BenchResult.Setup(Machine.current(), location.describe(), split.trainCount(),
                    split.validationCount(), info.count(Part.TEST), shape + " ReLU (job), sigmoid (MLlib)",
                    spark.version(), sc.master(), partitions, sc.defaultParallelism(), benchSettings);
            FullBatchPass pass = new FullBatchPass(sc, dataset.training(), shape, benchSettings.treeDepth());
            TrainerRace ours = new TrainerRace(sc, pass, dataset.test(), shape);
            List<Reach> reaches = new ArrayList<>();
            progress.phase("adam: the job's step loop, learning rate 0.001, to test accuracy " + settings.target());
            reaches.add(told(ours.run("adam", OptimizerChoice.ADAM, settings.target(), settings.checkEvery(),
                    settings.maxSteps())));
            progress.phase("lbfgs: the job's step loop, L-BFGS memory 10, to test accuracy " + settings.target());
            reaches.add(told(ours.run("lbfgs", OptimizerChoice.LBFGS, settings.target(), settings.checkEvery(),
                    settings.maxSteps())));
            if (settings.mllib()) {
                MllibRace mllib = new MllibRace(spark, shape.inputs(), shape.hidden(), shape.classes(),
                        settings.mllibBlockSize());
                for (String solver : new String[] {"l-bfgs", "gd"}) {
                    String name = "mllib_" + solver.replace("-", "");
                    progress.phase(name + ": MultilayerPerceptronClassifier, solver " + solver + ", to test accuracy "
                            + settings.target());
                    reaches.add(told(mllib.run(name, solver, dataset.training(), dataset.test(), settings.target(),
                            settings.mllibMaxIter(), settings.mllibResolution(), progress)));
                }
            }
            return new Result(setup, settings, reaches, Machine.loadAverage());
        } finally {
            dataset.release();
        }
    }
}

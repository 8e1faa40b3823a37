package io.mnistspark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mnistspark.Histories;
import io.mnistspark.SparkTestSession;
import io.mnistspark.data.DatasetInfo;
import io.mnistspark.data.DatasetReader;
import io.mnistspark.data.EmbeddedMnist;
import io.mnistspark.data.Part;
import io.mnistspark.data.ShardedDataset;
import io.mnistspark.data.TrainValidationSplit;
import io.mnistspark.model.NetworkShape;
import io.mnistspark.settings.SettingValues;
import io.mnistspark.settings.RunSettings;
import io.mnistspark.train.FullBatchPass;
import io.mnistspark.train.StepListener;
import io.mnistspark.train.StepRecord;
import io.mnistspark.train.Trainer;
import io.mnistspark.train.TrainingResult;
import io.mnistspark.train.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The real MNIST as a DataFrame through MlpClassifier trains exactly as the command line's engine does. */
class MlpClassifierMnistTest {

    @Test
    void mnistDataFrameWithTheNotebooksSplitGivesTheCommandLinesHistoryBitForBit() {
        SparkSession spark = SparkTestSession.get();
        DatasetInfo info = DatasetReader.inspect(new EmbeddedMnist(), null);
        int records = info.count(Part.TRAIN);
        TrainValidationSplit split = TrainValidationSplit.of(records, 0.2, 0);
        int partitions = 3;
        int steps = 6;

        Dataset<Row> frame = MnistFrames.training(spark, info.location(), records, split, partitions);
        MlpClassifier classifier = new MlpClassifier().setValidationIndicatorCol("isVal").setMaxIter(steps)
                .setSolver("adam").setInitMode("normal");
        MlpClassificationModel model = classifier.fit(frame);

        ShardedDataset cli = ShardedDataset.load(SparkTestSession.context(), info, split, partitions);
        try {
            TrainingSettings settings = SettingValues.defaults().with(RunSettings.MAX_ITER, steps)
                    .toTrainingSettings("cli");
            NetworkShape shape = new NetworkShape(784, 128, 10);
            TrainingResult expected = new Trainer(new FullBatchPass(SparkTestSession.context(), cli.training(), shape,
                    2), shape, settings).train(StepListener.SILENT);
            List<StepRecord> history = new ArrayList<>();
            for (Row row : model.summary().history().collectAsList()) {
                history.add(new StepRecord(row.getInt(1), row.getDouble(2), row.getDouble(3), row.getDouble(4),
                        row.getDouble(5), 0));
            }
            assertEquals(Histories.withoutTimes(expected.history()), history);
            assertArrayEquals(expected.params(), model.weights());
            assertEquals(784, model.numFeatures());
            assertEquals(10, model.numClasses());
        } finally {
            cli.release();
        }
    }
}

package io.mnistspark.report;

import io.mnistspark.data.Part;
import io.mnistspark.model.NetworkShape;

/**
 * The job-wide facts a report opens with: which data, how it was split, where and when it ran, and the
 * network's input and output sizes, which the data decides (the hidden size is each run's own).
 *
 * @param data the dataset's location as the job described it
 * @param inputs pixels per image, the network's input size (784 for MNIST)
 * @param classes the network's output size, from the data's labels (10 for MNIST)
 * @param master Spark's master, e.g. {@code local[2]}
 */
public record ReportHeader(String data, int inputs, int classes, int trainRecords, int validationRecords,
        int testRecords, int partitions, String master, String sparkVersion, String appVersion, String startedAt) {

    /** The header of the job that has just run. */
    public static ReportHeader of(SummaryJson.JobContext context) {
        return new ReportHeader(context.data().location().describe(), context.data().shape().pixels(),
                context.data().classes(), context.split().trainCount(), context.split().validationCount(),
                context.data().count(Part.TEST), context.partitions(), context.master(), context.sparkVersion(),
                context.appVersion(), context.startedAt());
    }

    /** The network a run with {@code hidden} units trained on this data. */
    public NetworkShape network(int hidden) {
        return new NetworkShape(inputs, hidden, classes);
    }
}

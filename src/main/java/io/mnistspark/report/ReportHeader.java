package io.mnistspark.report;

import io.mnistspark.data.Part;

/**
 * The job-wide facts a report opens with: which data, how it was split, where and when it ran.
 *
 * @param data the dataset's location as the job described it
 * @param master Spark's master, e.g. {@code local[2]}
 */
public record ReportHeader(String data, int trainRecords, int validationRecords, int testRecords, int partitions,
        String master, String sparkVersion, String appVersion, String startedAt) {

    /** The header of the job that has just run. */
    public static ReportHeader of(SummaryJson.JobContext context) {
        return new ReportHeader(context.data().location().describe(), context.split().trainCount(),
                context.split().validationCount(), context.data().count(Part.TEST), context.partitions(),
                context.master(), context.sparkVersion(), context.appVersion(), context.startedAt());
    }
}

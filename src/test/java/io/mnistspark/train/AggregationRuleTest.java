package io.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mnistspark.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * {@link FullBatchPass} submits its own job exactly where Spark's {@code treeAggregate} would merge on the
 * driver alone; the rule is checked against what {@code treeAggregate} really does (one stage, or more
 * with a shuffle per intermediate level).
 */
class AggregationRuleTest {
    @Test
    void ruleAgreesWithSparksTreeAggregate() throws InterruptedException {
        JavaSparkContext sc = SparkTestSession.context();
        for (int partitions = 1; partitions <= 12; partitions++) {
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < partitions; i++) {
                values.add(i);
            }
            JavaRDD<Integer> rdd = sc.parallelize(values, partitions);
            for (int depth = 1; depth <= 3; depth++) {
                String group = "rule-" + partitions + "-" + depth;
                sc.setJobGroup(group, group, false);
                int sum = rdd.treeAggregate(0, Integer::sum, Integer::sum, depth);
                sc.clearJobGroup();
                assertEquals(partitions * (partitions - 1) / 2, sum);
                boolean sparkAddsLevels = stagesOf(sc, group) > 1;
                assertEquals(sparkAddsLevels, FullBatchPass.treeAddsLevels(partitions, depth),
                        partitions + " partitions at depth " + depth);
            }
        }
    }

    @Test
    void handWorkedCases() {
        // scale = max(ceil(n^(1/depth)), 2); levels while n > scale + ceil(n / scale)
        assertFalse(FullBatchPass.treeAddsLevels(2, 2)); // 2 > 2 + 1: no
        assertFalse(FullBatchPass.treeAddsLevels(5, 2)); // scale 3: 5 > 3 + 2: no
        assertTrue(FullBatchPass.treeAddsLevels(6, 2)); // scale 3: 6 > 3 + 2: yes
        assertTrue(FullBatchPass.treeAddsLevels(8, 2)); // scale 3: 8 > 3 + 3: yes
        assertFalse(FullBatchPass.treeAddsLevels(100, 1)); // scale 100: never
    }

    private static int stagesOf(JavaSparkContext sc, String group) throws InterruptedException {
        // the status tracker hears of jobs through the listener bus, a moment after they end
        for (int attempt = 0; attempt < 200; attempt++) {
            int[] jobs = sc.statusTracker().getJobIdsForGroup(group);
            if (jobs.length == 1) {
                SparkJobInfo job = sc.statusTracker().getJobInfo(jobs[0]);
                if (job != null) {
                    return job.stageIds().length;
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError("Spark did not report the job of group " + group);
    }
}

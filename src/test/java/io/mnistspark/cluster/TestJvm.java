package io.mnistspark.cluster;

import java.io.File;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a separate executor or YARN container JVM needs to run this project's code the way the test JVM
 * does: the same class path (it holds Spark, Hadoop, the job's classes and the test fixtures) and the same
 * JVM module flags (pom.xml's {@code spark.jvm.flags}, handed over by surefire as a system property).
 */
final class TestJvm {
    private TestJvm() {
    }

    /** The test class path (surefire puts the real one in {@code java.class.path}). */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** pom.xml's {@code spark.jvm.flags}, which Spark needs on Java 17 in every JVM it runs in. */
    static String jvmFlags() {
        String flags = System.getProperty("mnistspark.jvmFlags");
        if (flags == null || flags.isBlank()) {
            throw new IllegalStateException("system property mnistspark.jvmFlags is not set; run the cluster tests "
                    + "through Maven (surefire passes pom.xml's spark.jvm.flags)");
        }
        return flags.strip();
    }

    /** The Java installation running the tests, for containers that must start the same Java. */
    static String javaHome() {
        return System.getProperty("java.home");
    }

    /** The entry of the class path whose file name starts with {@code prefix}, e.g. {@code spark-core_}. */
    static String jarStartingWith(String prefix) {
        return Arrays.stream(classPath().split(File.pathSeparator))
                .filter(entry -> new File(entry).getName().startsWith(prefix) && entry.endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar on the test class path: "
                        + Arrays.stream(classPath().split(File.pathSeparator)).collect(Collectors.joining(", "))));
    }
}

package io.mnistspark.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The job's command line in a JVM of its own, started as the test JVM was (class path, module flags). */
final class ChildJob {
    private ChildJob() {
    }

    /**
     * Starts {@code io.mnistspark.cli.Main args} on {@code local[2]}, its output (stdout and stderr) going to
     * {@code log}.
     *
     * @param jvmOptions extra options for the child JVM, e.g. {@code -Dmnistspark.kernel=plain}
     */
    static Process start(Path log, List<String> jvmOptions, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("--enable-") || arg.startsWith("-Dio.netty")
                    || arg.startsWith("-XX:ObjectAlignmentInBytes")) {
                command.add(arg);
            }
        }
        command.addAll(jvmOptions);
        command.add("-Dspark.master=local[2]");
        command.add("-Dspark.ui.enabled=false");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.mnistspark.cli.Main");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File(log.toString()));
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }
}

package io.mnistspark.cli;

import io.mnistspark.SparkTestSession;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in this JVM and captures what it prints. */
final class CliRunner {
    final int exitCode;
    final String out;
    final String err;

    private CliRunner(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs {@code args} with picocli's writers replaced by string buffers: everything the commands print
     * goes through them. What they caught is echoed to this JVM's stdout and stderr, for the test report.
     */
    static CliRunner run(String... args) {
        System.setProperty("spark.master", "local[2]");
        System.setProperty("spark.ui.enabled", "false");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        System.out.print(out);
        System.err.print(err);
        return new CliRunner(code, out.toString(), err.toString());
    }

    /** The path of a test resource. */
    static String resource(String name) {
        try {
            return java.nio.file.Path.of(CliRunner.class.getResource(name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes sure later tests get a live shared session again. */
    static void restoreSession() {
        SparkTestSession.get();
    }
}

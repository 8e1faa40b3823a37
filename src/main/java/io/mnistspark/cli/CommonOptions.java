package io.mnistspark.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
    @Option(names = "--verbose", description = "Show Spark's log and full stack traces on errors.")
    boolean verbose;
}

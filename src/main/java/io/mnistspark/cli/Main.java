package io.mnistspark.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "mnist-spark-mlp", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Main.Version.class,
        subcommands = {TrainCommand.class, SuiteCommand.class, PlotCommand.class, DataCommand.class,
            EvaluateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        description = {"Trains a 784-128-10 ReLU network on MNIST with exact full-batch gradients on Apache Spark, "
                + "reproducing the GR5245 homework notebook.",
                "With no command (or only options, such as --out DIR) it runs the notebook's final choice: "
                + "train --optimizer adam --init normal --early-stopping, writing under runs/.", ""},
        footer = {"", "Run '<command> --help' for a command's options. Exit codes: 0 done, 1 run failed or diverged, "
                + "2 bad settings, 3 bad input data, 4 output directory unusable."})
public final class Main implements Runnable {
    /** The command run when none is given. */
    static final String[] DEFAULT_ARGS = {"train", "--optimizer", "adam", "--init", "normal", "--early-stopping"};

    /**
     * Runs the command line and exits the JVM with the exit code, except after success: then it returns.
     * In YARN cluster mode this method runs inside the application master, which reports any JVM exit
     * before {@code main} returns as a failed application ("Shutdown hook called before final status was
     * reported"), even {@code System.exit(0)}; spark-submit ends the JVM itself once {@code main} returns.
     */
    public static void main(String[] args) {
        int code = execute(args);
        if (code != ExitCode.OK) {
            System.exit(code);
        }
    }

    /**
     * Runs the command line and returns the exit code (never exits the JVM). Commands print through
     * picocli's writers, which buffer on top of {@code System.out} and {@code System.err}; both are flushed
     * before this returns, so nothing is lost when {@link #main} exits the JVM right after.
     */
    public static int execute(String... args) {
        CommandLine cli = commandLine();
        try {
            return cli.execute(withDefaultCommand(args));
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    /**
     * No command means the default training run: nothing at all, or options only ({@code --out DIR}), go
     * after {@link #DEFAULT_ARGS}; {@code --help} and {@code --version} stay the program's own.
     */
    static String[] withDefaultCommand(String[] args) {
        boolean programOption = args.length > 0 && java.util.List.of("-h", "--help", "-V", "--version").contains(args[0]);
        if (args.length > 0 && (!args[0].startsWith("-") || programOption)) {
            return args;
        }
        String[] all = java.util.Arrays.copyOf(DEFAULT_ARGS, DEFAULT_ARGS.length + args.length);
        System.arraycopy(args, 0, all, DEFAULT_ARGS.length, args.length);
        return all;
    }

    /**
     * The program's command line. Every command prints through its {@code spec.commandLine().getOut()} and
     * {@code getErr()}: picocli's writers on {@code System.out} and {@code System.err} (flushed at every
     * println and printf), or whatever a caller sets with {@code setOut}/{@code setErr}.
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        // picocli makes its default writer on first use, per command; made here, once, every subcommand
        // shares the program's, so execute() flushes all that any command printed
        cli.setOut(cli.getOut());
        cli.setErr(cli.getErr());
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.originalArgs().contains("--verbose");
            return Failures.report(ex, commandLine.getErr(), verbose);
        });
        return cli;
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"mnist-spark-mlp " + (version == null ? "dev" : version)};
        }
    }
}

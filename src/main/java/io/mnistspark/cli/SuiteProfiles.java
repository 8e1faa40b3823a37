package io.mnistspark.cli;

import io.mnistspark.train.TrainingSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The suite's named runs, read from {@code conf/suite.properties} (the copy inside the jar unless another
 * file is named). Each {@code <run>.<option> = value} is one option of {@code train}, so a profile is
 * parsed by the very {@link TrainOptions} that parses {@code train}'s command line: same defaults, same
 * checks, same messages. Options given on the command line are appended after a profile's and win.
 */
final class SuiteProfiles {
    /** Where the packaged copy of {@code conf/suite.properties} sits on the class path. */
    static final String RESOURCE = "/conf/suite.properties";

    private final String source;
    private final List<String> names;
    private final Map<String, Map<String, String>> options;

    private SuiteProfiles(String source, List<String> names, Map<String, Map<String, String>> options) {
        this.source = source;
        this.names = List.copyOf(names);
        this.options = options;
    }

    /** Reads {@code file} (any Hadoop path), or the packaged profiles when {@code file} is null. */
    static SuiteProfiles load(String file, Configuration conf) {
        Properties properties = new Properties();
        String source = file == null ? "conf/suite.properties (inside the jar)" : file;
        try (InputStream in = file == null ? SuiteProfiles.class.getResourceAsStream(RESOURCE)
                : new Path(file).getFileSystem(conf).open(new Path(file))) {
            if (in == null) {
                throw new SettingsException(RESOURCE + " is missing from the class path; rebuild the jar");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new SettingsException("--profiles " + source + ": cannot read it: " + e.getMessage());
        }
        return parse(properties, source);
    }

    /** Checks every key against {@code runs} and {@code train}'s options. */
    static SuiteProfiles parse(Properties properties, String source) {
        String runs = properties.getProperty("runs");
        if (runs == null || runs.isBlank()) {
            throw new SettingsException(source + ": needs a 'runs' line naming the runs in order");
        }
        List<String> names = Arrays.stream(runs.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (new LinkedHashSet<>(names).size() != names.size()) {
            throw new SettingsException(source + ": 'runs' names a run twice: " + runs.trim());
        }
        CommandSpec spec = CommandSpec.forAnnotatedObject(new TrainOptions());
        Map<String, Map<String, String>> options = new LinkedHashMap<>();
        names.forEach(name -> options.put(name, new TreeMap<>()));
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (key.equals("runs")) {
                continue;
            }
            int dot = key.indexOf('.');
            String run = dot < 0 ? key : key.substring(0, dot);
            if (dot < 0 || !options.containsKey(run)) {
                throw new SettingsException(source + ": '" + key + "' belongs to no run listed in 'runs' ("
                        + String.join(", ", names) + ")");
            }
            String option = key.substring(dot + 1);
            if (spec.findOption("--" + option) == null) {
                throw new SettingsException(source + ": '" + key + "': " + option + " is not an option of train; "
                        + "known: " + String.join(", ", optionNames(spec)));
            }
            options.get(run).put(option, properties.getProperty(key).trim());
        }
        return new SuiteProfiles(source, names, options);
    }

    /** The run names, in the order they train. */
    List<String> names() {
        return names;
    }

    /**
     * The runs to train: all of them when {@code requested} is null or empty, else those named, in the
     * order named.
     *
     * @throws SettingsException for a name no profile has, listing the known ones
     */
    List<String> select(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return names;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : requested) {
            String trimmed = name.trim();
            if (!options.containsKey(trimmed)) {
                throw new SettingsException("--runs: no run named '" + trimmed + "' in " + source + "; known runs: "
                        + String.join(", ", names));
            }
            if (!chosen.add(trimmed)) {
                throw new SettingsException("--runs names '" + trimmed + "' twice");
            }
        }
        return List.copyOf(chosen);
    }

    /** A run's profile as {@code train} arguments ({@code --optimizer sgd --steps 1000 ...}). */
    List<String> arguments(String run) {
        CommandSpec spec = CommandSpec.forAnnotatedObject(new TrainOptions());
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, String> entry : options.get(run).entrySet()) {
            OptionSpec option = spec.findOption("--" + entry.getKey());
            if (option.arity().max() == 0) {
                String value = entry.getValue();
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new SettingsException(source + ": '" + run + "." + entry.getKey()
                            + "' is a switch: expected true or false, got '" + value + "'");
                }
                if (value.equalsIgnoreCase("true")) {
                    args.add("--" + entry.getKey());
                }
            } else {
                args.add("--" + entry.getKey());
                args.add(entry.getValue());
            }
        }
        return args;
    }

    /**
     * The validated settings of {@code run}: its profile, then {@code overrides} (train options from the
     * command line, which replace the profile's value of the same option).
     */
    TrainingSettings settings(String run, List<String> overrides) {
        List<String> args = new ArrayList<>(arguments(run));
        args.addAll(overrides);
        TrainOptions parsed = new TrainOptions();
        try {
            new CommandLine(parsed).setOverwrittenOptionsAllowed(true).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new SettingsException("run " + run + " (" + source + "): " + e.getMessage());
        }
        try {
            return parsed.toSettings(run);
        } catch (SettingsException e) {
            throw new SettingsException("run " + run + ": " + e.getMessage());
        }
    }

    private static List<String> optionNames(CommandSpec spec) {
        return spec.options().stream().map(o -> o.longestName().substring(2)).toList();
    }
}

package io.mnistspark.cli;

import io.mnistspark.settings.RunSettings;
import io.mnistspark.settings.Setting;
import io.mnistspark.train.TrainingSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The suite's named runs, read from {@code conf/suite.properties} (the copy inside the jar unless another
 * file is named). Each {@code <run>.<setting> = value} names one run setting by its Spark ML param name
 * ({@code stepSize}) or its {@code train} option without dashes ({@code learning-rate}); a profile is read
 * by the very {@link SettingOptions} that reads {@code train}'s command line: same defaults, same checks,
 * same messages. Settings given on the command line replace a profile's. Runs named in {@code optional}
 * (runs that take long, such as an L-BFGS run) have profiles too but train only when {@code --runs} names them.
 */
final class SuiteProfiles {
    /** Where the packaged copy of {@code conf/suite.properties} sits on the class path. */
    static final String RESOURCE = "/conf/suite.properties";

    private final String source;
    private final List<String> names;
    private final List<String> optional;
    private final Map<String, Map<Setting<?>, String>> options;

    private SuiteProfiles(String source, List<String> names, List<String> optional,
            Map<String, Map<Setting<?>, String>> options) {
        this.source = source;
        this.names = List.copyOf(names);
        this.optional = List.copyOf(optional);
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
        List<String> optional = Arrays.stream(properties.getProperty("optional", "").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        Set<String> known = new LinkedHashSet<>(names);
        for (String name : optional) {
            if (!known.add(name)) {
                throw new SettingsException(source + ": '" + name + "' is named twice in 'runs' and 'optional'");
            }
        }
        Map<String, Map<Setting<?>, String>> options = new LinkedHashMap<>();
        known.forEach(name -> options.put(name, new LinkedHashMap<>()));
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (key.equals("runs") || key.equals("optional")) {
                continue;
            }
            int dot = key.indexOf('.');
            String run = dot < 0 ? key : key.substring(0, dot);
            if (dot < 0 || !options.containsKey(run)) {
                throw new SettingsException(source + ": '" + key + "' belongs to no run listed in 'runs' or 'optional' ("
                        + String.join(", ", known) + ")");
            }
            String name = key.substring(dot + 1);
            Setting<?> setting = name.startsWith("-") ? null : RunSettings.find(name);
            if (setting == null) {
                throw new SettingsException(source + ": '" + key + "': " + name + " is not a run setting; known: "
                        + RunSettings.ALL.stream().map(s -> s.name() + " (" + s.option().substring(2) + ")")
                                .collect(Collectors.joining(", ")));
            }
            if (options.get(run).put(setting, properties.getProperty(key).trim()) != null) {
                throw new SettingsException(source + ": run " + run + " sets " + setting.name() + " twice");
            }
        }
        return new SuiteProfiles(source, names, optional, options);
    }

    /** The runs trained when {@code --runs} names none, in the order they train. */
    List<String> names() {
        return names;
    }

    /** The runs that train only when {@code --runs} names them. */
    List<String> optional() {
        return optional;
    }

    /**
     * The runs to train: those of {@code runs} when {@code requested} is null or empty, else those named
     * (optional ones too), in the order named.
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
                        + String.join(", ", options.keySet()));
            }
            if (!chosen.add(trimmed)) {
                throw new SettingsException("--runs names '" + trimmed + "' twice");
            }
        }
        return List.copyOf(chosen);
    }

    /**
     * The validated settings of {@code run}: its profile, then {@code overrides} (settings given on the
     * command line, which replace the profile's value of the same setting).
     */
    TrainingSettings settings(String run, Map<Setting<?>, String> overrides) {
        Map<Setting<?>, String> given = new LinkedHashMap<>(options.get(run));
        given.putAll(overrides);
        try {
            return SettingOptions.settings(given, run);
        } catch (SettingsException e) {
            throw new SettingsException("run " + run + ": " + e.getMessage());
        }
    }
}

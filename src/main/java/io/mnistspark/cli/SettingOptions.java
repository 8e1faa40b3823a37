package io.mnistspark.cli;

import io.mnistspark.optim.OptimizerChoice;
import io.mnistspark.settings.RunSettings;
import io.mnistspark.settings.Setting;
import io.mnistspark.settings.SettingValues;
import io.mnistspark.train.TrainingSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The run settings as options of {@code train} and {@code suite}, made from their declarations in
 * {@link RunSettings} (name, meaning, default, allowed values): a command gets them by naming this class as
 * its {@code modelTransformer}. The same reading serves the command line and the suite's profile lines.
 */
public final class SettingOptions implements CommandLine.IModelTransformer {
    static final int DEFAULT_MAX_STEPS_EARLY = 10000;

    @Override
    public CommandSpec transform(CommandSpec spec) {
        for (Setting<?> setting : RunSettings.ALL) {
            OptionSpec.Builder option = OptionSpec.builder(setting.option()).description(help(setting));
            if (setting.isSwitch()) {
                option.arity("0").type(boolean.class);
            } else {
                option.arity("1").type(String.class).paramLabel(setting.label());
            }
            spec.addOption(option.build());
        }
        return spec;
    }

    private static String help(Setting<?> setting) {
        if (setting.isSwitch()) {
            return setting.doc();
        }
        String defaultText = setting == RunSettings.MAX_ITER
                ? setting.defaultValue() + ", or " + DEFAULT_MAX_STEPS_EARLY + " with " + RunSettings.EARLY_STOPPING.option()
                : setting.defaultText();
        return setting.doc() + " Must be " + setting.allowed() + ". Default: " + defaultText + ".";
    }

    /** The settings given on a parsed command line, as text ({@code "true"} for a switch), in the order declared. */
    static Map<Setting<?>, String> given(ParseResult parsed) {
        Map<Setting<?>, String> given = new LinkedHashMap<>();
        for (Setting<?> setting : RunSettings.ALL) {
            OptionSpec option = parsed.matchedOption(setting.option());
            if (option != null) {
                given.put(setting, setting.isSwitch() ? "true"
                        : option.originalStringValues().get(option.originalStringValues().size() - 1));
            }
        }
        return given;
    }

    /**
     * The validated settings of a run from the settings given (the rest at their defaults).
     *
     * @param name the run's name, or null for {@code <optimizer>-<init>[-early]}
     * @throws SettingsException naming the option, what it must be and what came
     */
    static TrainingSettings settings(Map<Setting<?>, String> given, String name) {
        SettingValues values = SettingValues.defaults();
        try {
            for (Map.Entry<Setting<?>, String> entry : given.entrySet()) {
                values = values.withText(entry.getKey(), entry.getValue());
            }
            boolean early = values.get(RunSettings.EARLY_STOPPING);
            if (!early && RunSettings.EARLY_STOPPING_REFINEMENTS.stream().anyMatch(given::containsKey)) {
                throw new SettingsException("--patience, --min-delta and --restore-best refine --early-stopping; "
                        + "add --early-stopping or drop them");
            }
            boolean lbfgs = OptimizerChoice.parse(values.get(RunSettings.SOLVER)).searchesLines();
            if (!lbfgs && given.containsKey(RunSettings.LBFGS_MEMORY)) {
                throw new SettingsException("--lbfgs-memory sets L-BFGS's memory; add --optimizer lbfgs or drop it");
            }
            if (early && !given.containsKey(RunSettings.MAX_ITER)) {
                values = values.with(RunSettings.MAX_ITER, DEFAULT_MAX_STEPS_EARLY);
            }
            String runName = name != null ? name : values.get(RunSettings.SOLVER) + "-" + values.get(RunSettings.INIT_MODE)
                    + (early ? "-early" : "");
            return values.toTrainingSettings(runName);
        } catch (SettingsException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }
}

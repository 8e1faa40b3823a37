package io.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** What runs when no command is named. */
class MainDefaultsTest {
    @Test
    void nothingOrOnlyOptionsRunTheDefaultTraining() {
        assertArrayEquals(Main.DEFAULT_ARGS, Main.withDefaultCommand(new String[0]));
        String[] withOut = Main.withDefaultCommand(new String[] {"--out", "x"});
        assertArrayEquals(new String[] {"train", "--optimizer", "adam", "--init", "normal", "--early-stopping",
            "--out", "x"}, withOut);
    }

    @Test
    void aCommandOrTheProgramsOwnOptionsAreLeftAlone() {
        String[][] kept = {{"data"}, {"train", "--steps", "3"}, {"--help"}, {"-V"}};
        for (String[] args : kept) {
            assertArrayEquals(args, Main.withDefaultCommand(args));
        }
    }
}

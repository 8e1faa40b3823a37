package io.mnistspark.cli;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that run the command line in this JVM ({@link CliRunner}): a command stops its Spark
 * session when it ends, so after the class the shared test session is started again for later classes.
 */
final class RestoresSession implements AfterAllCallback {
    @Override
    public void afterAll(ExtensionContext context) {
        CliRunner.restoreSession();
    }
}

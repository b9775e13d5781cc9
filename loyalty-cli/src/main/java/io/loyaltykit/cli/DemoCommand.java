package io.loyaltykit.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code loyalty demo}: the bundled salon program and a generated month of a small chain, replayed on H2. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the bundled salon demo.")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}

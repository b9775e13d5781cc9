package io.loyaltykit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code loyalty} command line: {@code validate}, {@code simulate}, {@code explain} and {@code demo}.
 * Exit status 0 when the command ran, 2 for an unusable program or events file or bad options, 1 for anything
 * else that went wrong (a database that cannot be reached, say).
 */
@Command(name = "loyalty", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Loyalty rules, checked and replayed.",
        subcommands = {ValidateCommand.class, SimulateCommand.class, ExplainCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit status for an unusable program or events file, or bad options. */
    static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (for tests and embedding). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("loyalty: " + e.getMessage());
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: validate, simulate, "
                + "explain or demo (see --help)");
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"loyalty " + (v == null ? "(development build)" : v)};
        }
    }
}

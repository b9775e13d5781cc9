package io.loyaltykit.cli;

import io.loyaltykit.rules.ProgramFileProblem;
import io.loyaltykit.rules.ProgramFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code loyalty validate P.json...}: loads programs and reports every problem, errors and warnings. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Load program files (JSON or YAML) and report every problem: errors with file:line:column, "
                + "JSON path and rule id, and the rule-set checker's warnings.",
                "Exit status 0 when every file loads (warnings allowed), 2 otherwise."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PROGRAM", description = "program files (.json, .yaml, .yml)")
    List<Path> files;

    @Option(names = "--no-warnings", description = "report errors only")
    boolean noWarnings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int status = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                out.println(file + ": error: no such file");
                status = Main.BAD_INPUT;
                continue;
            }
            ProgramFiles.Validation v = ProgramFiles.validate(file);
            long errors = v.problems().stream().filter(p -> !p.warning()).count();
            long warnings = v.problems().size() - errors;
            for (ProgramFileProblem p : v.problems()) {
                if (!p.warning() || !noWarnings) {
                    out.println(p);
                }
            }
            if (errors > 0) {
                out.println(file + ": " + errors + " error(s), " + warnings + " warning(s): not loaded");
                status = Main.BAD_INPUT;
            } else {
                out.println(file + ": ok, program '" + v.program().id() + "' with " + v.program().earn().size()
                        + " earning rule(s)" + (warnings > 0 ? ", " + warnings + " warning(s)" : ""));
            }
        }
        out.flush();
        return status;
    }
}

package io.loyaltykit.rules;

import io.loyaltykit.program.Program;
import io.loyaltykit.rules.internal.LocatedParser;
import io.loyaltykit.rules.internal.Node;
import io.loyaltykit.rules.internal.ProgramReader;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Loads program files, JSON or YAML (the same tree), into the same validated {@link Program} the fluent API
 * builds. Unknown fields are errors, amounts are decimal strings, {@code when} conditions are compiled in the
 * MVEL sandbox; every problem is reported at once with file, line, column, JSON path and rule id, and nothing
 * is half loaded.
 *
 * <pre>{@code
 * Program program = ProgramFiles.load(Path.of("salon-program.json"));
 * Loyalty loyalty = Loyalty.builder(program).build();
 * }</pre>
 *
 * <p>The JSON Schema of the format ships in this jar at {@value #SCHEMA_RESOURCE}, for editors.
 */
public final class ProgramFiles {
    /** Where the JSON Schema of program files lives on the classpath. */
    public static final String SCHEMA_RESOURCE = "/io/loyaltykit/rules/program.schema.json";

    /** Program files larger than this are refused before parsing. */
    public static final int MAX_FILE_BYTES = 4 << 20;

    private ProgramFiles() {
    }

    /** The two syntaxes of a program file. */
    public enum Format {
        /** JSON. */
        JSON,
        /** YAML 1.1 (the same tree as JSON). */
        YAML;

        /** The format a file name implies: {@code .yaml} and {@code .yml} are YAML, anything else JSON. */
        public static Format of(String fileName) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            return lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : JSON;
        }
    }

    /** What loading a file found: the program (null if there were errors), and every problem. */
    public record Validation(Program program, List<ProgramFileProblem> problems) {
        /** Copies the list. */
        public Validation {
            problems = List.copyOf(problems);
        }

        /** Whether any problem is an error. */
        public boolean hasErrors() {
            return problems.stream().anyMatch(p -> !p.warning());
        }
    }

    /**
     * Loads a file.
     *
     * @throws ProgramFileException with every problem, if the file cannot be loaded
     */
    public static Program load(Path file) {
        Validation v = validate(file, false);
        if (v.hasErrors()) {
            throw new ProgramFileException(v.problems());
        }
        return v.program();
    }

    /**
     * Loads program text; {@code fileName} names it in messages and its extension picks the format.
     *
     * @throws ProgramFileException with every problem
     */
    public static Program parse(String text, String fileName) {
        Validation v = validate(text, fileName, false);
        if (v.hasErrors()) {
            throw new ProgramFileException(v.problems());
        }
        return v.program();
    }

    /** Loads a file and runs the rule-set checker; never throws for problems in the file. */
    public static Validation validate(Path file) {
        return validate(file, true);
    }

    /** Loads program text and runs the rule-set checker; never throws for problems in the text. */
    public static Validation validate(String text, String fileName) {
        return validate(text, fileName, true);
    }

    private static Validation validate(Path file, boolean check) {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return failed(name, 1, 1, "the file is " + size + " bytes; program files are limited to "
                        + MAX_FILE_BYTES);
            }
            byte[] bytes = Files.readAllBytes(file);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return failed(name, 1, 1, "the file is not UTF-8 text");
            }
            return validate(text, name, check);
        } catch (IOException e) {
            return failed(name, 1, 1, "cannot read the file: " + e.getMessage());
        }
    }

    private static Validation validate(String text, String fileName, boolean check) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Format format = Format.of(fileName);
        Node root;
        try {
            root = LocatedParser.parse(text, format == Format.YAML ? LocatedParser.Format.YAML : LocatedParser.Format.JSON);
        } catch (LocatedParser.SyntaxError e) {
            return new Validation(null, List.of(new ProgramFileProblem(fileName, e.line(), e.column(), e.path(), null,
                    (format == Format.YAML ? "YAML" : "JSON") + " syntax: " + e.getMessage(), false)));
        }
        ProgramReader.Outcome outcome = ProgramReader.read(root);
        List<ProgramFileProblem> problems = new ArrayList<>();
        for (ProgramReader.Problem p : outcome.problems()) {
            problems.add(new ProgramFileProblem(fileName, p.line(), p.column(), p.path(), p.ruleId(), p.message(), false));
        }
        if (outcome.program() != null && check) {
            for (ProgramReader.Problem w : ProgramReader.locate(root, io.loyaltykit.rules.check.RuleSetChecker
                    .check(outcome.program()))) {
                problems.add(new ProgramFileProblem(fileName, w.line(), w.column(), w.path(), w.ruleId(), w.message(),
                        true));
            }
        }
        problems.sort(Comparator.comparing(ProgramFileProblem::warning).thenComparingInt(ProgramFileProblem::line)
                .thenComparingInt(ProgramFileProblem::column));
        return new Validation(problems.stream().anyMatch(p -> !p.warning()) ? null : outcome.program(), problems);
    }

    private static Validation failed(String file, int line, int column, String message) {
        return new Validation(null, List.of(new ProgramFileProblem(file, line, column, "$", null, message, false)));
    }
}

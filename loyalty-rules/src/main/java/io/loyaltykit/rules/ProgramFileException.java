package io.loyaltykit.rules;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A program file that cannot be loaded, with every problem found (not only the first). Nothing is loaded.
 *
 * <pre>{@code
 * try {
 *     Program program = ProgramFiles.load(Path.of("salon.json"));
 * } catch (ProgramFileException e) {
 *     e.problems().forEach(p -> System.err.println(p));
 * }
 * }</pre>
 */
public class ProgramFileException extends LoyaltyException {
    private static final long serialVersionUID = 1L;

    private final transient List<ProgramFileProblem> problems;

    /** An exception carrying the problems, errors first. */
    public ProgramFileException(List<ProgramFileProblem> problems) {
        super(ErrorCode.INVALID_PROGRAM, problems.stream().map(ProgramFileProblem::toString)
                .collect(Collectors.joining("\n", problems.size() + " problem(s):\n", "")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<ProgramFileProblem> problems() {
        return problems;
    }
}

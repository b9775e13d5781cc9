package io.loyaltykit.program;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A program that cannot be built, with every problem found (not just the first).
 */
public class InvalidProgramException extends LoyaltyException {
    private static final long serialVersionUID = 1L;

    private final transient List<ProgramProblem> problems;

    /** An exception listing these problems. */
    public InvalidProgramException(List<ProgramProblem> problems) {
        super(ErrorCode.INVALID_PROGRAM, problems.size() + " problem(s) in the program:\n  "
                + problems.stream().map(ProgramProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order found. */
    public List<ProgramProblem> problems() {
        return problems;
    }
}

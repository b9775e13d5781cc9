package io.loyaltykit.rules.events;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;

import java.util.List;
import java.util.stream.Collectors;

/** An events file that cannot be replayed, with every problem found; nothing was applied from it. */
public class EventFileException extends LoyaltyException {
    private static final long serialVersionUID = 1L;

    private final transient List<EventFiles.Problem> problems;

    /** An exception carrying the problems. */
    public EventFileException(List<EventFiles.Problem> problems) {
        super(ErrorCode.INVALID_EVENT, problems.stream().map(EventFiles.Problem::toString)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in file order. */
    public List<EventFiles.Problem> problems() {
        return problems;
    }
}

package io.loyaltykit.program;

/**
 * One problem found in a program: where (a JSON path into the program file form, such as
 * {@code $.earn[2].rate.per}), which rule (or null), and what.
 *
 * @param path    JSON path of the offending field
 * @param ruleId  the rule, level, reward or package id concerned, or null
 * @param message what is wrong, for people
 */
public record ProgramProblem(String path, String ruleId, String message) {
    @Override
    public String toString() {
        return path + (ruleId == null ? "" : " (rule " + ruleId + ")") + ": " + message;
    }
}

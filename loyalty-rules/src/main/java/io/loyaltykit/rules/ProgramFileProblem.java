package io.loyaltykit.rules;

/**
 * One problem in a program file, located for the person who has to fix it.
 *
 * @param file    the file name as given to the loader
 * @param line    1-based line of the offending value (or of the object missing a field)
 * @param column  1-based column
 * @param path    the JSON path, such as {@code $.earn[2].rate.per}
 * @param ruleId  the id of the rule, level, reward or package the path falls in, or null
 * @param message what is wrong and, where it helps, what would be right
 * @param warning true for a checker warning (the program loads), false for an error (it does not)
 */
public record ProgramFileProblem(String file, int line, int column, String path, String ruleId, String message,
                                 boolean warning) {

    /**
     * The problem as compilers print it, e.g.
     * {@code salon.json:12:40: error: $.earn[2].rate.per [retail]: rate 'per' must be a positive amount or "unit"}.
     */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (warning ? "warning" : "error") + ": " + path
                + (ruleId == null ? "" : " [" + ruleId + "]") + ": " + message;
    }
}

package io.loyaltykit.rules.check;

/**
 * A warning from the {@link RuleSetChecker}: the program is valid, but probably not what the merchant meant.
 *
 * @param path    the JSON path of the rule or field, as in the program file
 * @param ruleId  the rule, level or reward concerned, or null
 * @param kind    a stable code for tools, such as {@code shadowed-rate}
 * @param message what is wrong and why it matters
 */
public record Finding(String path, String ruleId, String kind, String message) {
}

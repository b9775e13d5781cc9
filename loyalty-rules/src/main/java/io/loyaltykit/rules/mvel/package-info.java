/**
 * {@code when} conditions in MVEL, compiled once at load and sandboxed: {@link io.loyaltykit.rules.mvel.MvelConditions}
 * for the default limits, {@link io.loyaltykit.rules.mvel.MvelSandbox} for the language, the checks and
 * configurable limits. Refusals at load are {@link io.loyaltykit.rules.mvel.ConditionException}s naming the
 * rule and the token; failures while evaluating are
 * {@link io.loyaltykit.rules.mvel.ConditionEvaluationException}s, which the engine reports as rejected events.
 */
package io.loyaltykit.rules.mvel;

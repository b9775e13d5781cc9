/**
 * The rule-set checker: warnings about valid programs that probably do not do what their authors meant.
 */
package io.loyaltykit.rules.check;

/**
 * Program files: JSON and YAML into the same validated {@link io.loyaltykit.program.Program} the fluent API
 * builds, with every problem located by file, line, column, JSON path and rule id.
 */
package io.loyaltykit.rules;

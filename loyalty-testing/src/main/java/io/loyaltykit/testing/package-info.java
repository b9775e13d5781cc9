/**
 * Property-test kit for users' own programs: jqwik arbitraries for members and events, and invariant
 * checks a program must pass before it goes live. Add this artifact in test scope only.
 */
package io.loyaltykit.testing;

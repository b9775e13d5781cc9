/**
 * The replay report: what a store's ledger adds up to as of an instant, as exact figures
 * ({@link io.loyaltykit.report.ReplayReport}), as a self-contained HTML page with charts, and as a
 * plain-text summary.
 *
 * <pre>{@code
 * ReplayReport report = ReplayReport.collect(program, store, asOf);
 * report.write(Path.of("report.html"));
 * }</pre>
 *
 * Implementation lives in {@code io.loyaltykit.report.internal}, which is not part of the API.
 */
package io.loyaltykit.report;

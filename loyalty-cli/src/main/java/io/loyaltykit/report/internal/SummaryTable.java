package io.loyaltykit.report.internal;

import io.loyaltykit.report.ReplayReport;

import java.util.ArrayList;
import java.util.List;

import static io.loyaltykit.report.internal.Formats.money;
import static io.loyaltykit.report.internal.Formats.points;

/** The report as aligned plain text, for a terminal. */
public final class SummaryTable {
    private SummaryTable() {
    }

    /** The summary: headline figures, then tiers, top referrers and top rules. */
    public static String render(ReplayReport r) {
        ReplayReport.Totals t = r.totals();
        StringBuilder out = new StringBuilder(2048);
        out.append("Loyalty report: ").append(r.programName()).append(" (").append(r.programId()).append(")\n")
                .append("as of ").append(Formats.instant(r.asOf(), r.zone())).append(' ').append(r.zone().getId())
                .append(", ").append(r.periods().size()).append(" period(s) by ")
                .append(r.granularity().name().toLowerCase(java.util.Locale.ROOT)).append("\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"members", points(t.members()), ""});
        rows.add(new String[]{"points issued", points(t.issued()), ""});
        rows.add(new String[]{"points redeemed", points(t.redeemed()), ""});
        rows.add(new String[]{"points reversed", points(t.reversed()), t.forgiven() > 0 ? points(t.forgiven()) + " forgiven" : ""});
        rows.add(new String[]{"points expired", points(t.expired()), ""});
        rows.add(new String[]{"points available", points(t.available()),
                t.availableValue() == null ? "no cash offset" : "worth " + money(t.availableValue())});
        rows.add(new String[]{"points pending", points(t.pending()),
                t.pendingValue() == null ? "" : "worth " + money(t.pendingValue())});
        if (t.owed() > 0) {
            rows.add(new String[]{"points owed", points(t.owed()), "negative balances"});
        }
        rows.add(new String[]{"stored value principal", money(t.principal()), ""});
        rows.add(new String[]{"stored value bonus", money(t.bonus()), ""});
        table(out, rows);

        out.append("\ntiers\n");
        rows = new ArrayList<>();
        for (ReplayReport.TierCount c : r.tiers()) {
            rows.add(new String[]{c.level(), points(c.members()), c.name()});
        }
        table(out, rows);

        out.append("\ntop referrers (referred, referral points)\n");
        rows = new ArrayList<>();
        for (ReplayReport.Referrer x : r.topReferrers()) {
            rows.add(new String[]{x.member(), points(x.referrals()), points(x.points()), x.name() == null ? "" : x.name()});
        }
        if (rows.isEmpty()) {
            out.append("  none\n");
        } else {
            table(out, rows);
        }

        out.append("\nrules that paid the most (awarded, reversed, net)\n");
        rows = new ArrayList<>();
        for (ReplayReport.RuleTotal x : r.topRules()) {
            rows.add(new String[]{x.rule(), points(x.awarded()), points(x.reversed()), points(x.net())});
        }
        if (rows.isEmpty()) {
            out.append("  none\n");
        } else {
            table(out, rows);
        }
        return out.toString();
    }

    /** First column left-aligned, the figures after it right-aligned, a free note last when it is text. */
    private static void table(StringBuilder out, List<String[]> rows) {
        int cols = 0;
        for (String[] row : rows) {
            cols = Math.max(cols, row.length);
        }
        int[] width = new int[cols];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                boolean note = i == row.length - 1 && i >= 2 && !isFigure(row[i]);
                if (i == 0 || note) {
                    line.append(row[i]).append(" ".repeat(note ? 0 : width[i] - row[i].length()));
                } else {
                    line.append(" ".repeat(width[i] - row[i].length())).append(row[i]);
                }
                line.append("  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static boolean isFigure(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> Character.isDigit(c) || c == ',' || c == '-' || c == '.');
    }
}

package io.loyaltykit.report.internal;

import io.loyaltykit.Money;
import io.loyaltykit.report.ReplayReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.loyaltykit.report.internal.Formats.html;
import static io.loyaltykit.report.internal.Formats.money;
import static io.loyaltykit.report.internal.Formats.points;

/**
 * Renders a {@link ReplayReport} as one self-contained page: the headline figures and tables are written
 * here as escaped HTML; the charts are drawn into inline SVG by the page's own script from a JSON data
 * block. A content security policy forbids every fetch, so the page works offline and cannot leak.
 */
public final class HtmlPage {
    /** The ids of the chart elements, in page order; the page's script draws each one. */
    public static final List<String> CHARTS = List.of("chart-flow", "chart-outstanding", "chart-tiers",
            "chart-stored-value", "chart-referrers", "chart-rules");

    private static final String RESOURCES = "/io/loyaltykit/report/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

    private HtmlPage() {
    }

    /** The page. */
    public static String render(ReplayReport r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        String asOf = Formats.instant(r.asOf(), r.zone());
        String per = switch (r.granularity()) {
            case DAY -> "per day";
            case WEEK -> "per week (Monday to Sunday)";
            case MONTH -> "per month";
        };
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"generator\" content=\"LoyaltyKit\">\n")
                .append("<title>").append(html(r.programName())).append(" · loyalty report · ").append(html(asOf))
                .append("</title>\n<style>\n").append(resource("report.css")).append("</style>\n")
                // first script on the page: errors in anything after it are counted into the body's status
                .append("<script>\n").append(resource("errors.js")).append("</script>\n")
                .append("</head>\n<body data-render=\"pending\">\n");

        h.append("<header class=\"top\">\n<div class=\"eyebrow\">Loyalty report</div>\n<h1>")
                .append(html(r.programName())).append("</h1>\n<div class=\"meta\">")
                .append("<span>Program <code>").append(html(r.programId())).append("</code></span>")
                .append("<span>As of <strong>").append(html(asOf)).append("</strong></span>")
                .append("<span>Timezone ").append(html(r.zone().getId())).append("</span>")
                .append("<span>Currency ").append(html(r.currency().getCurrencyCode())).append("</span>")
                .append("</div>\n</header>\n<main>\n");

        kpis(h, r);

        chart(h, "chart-flow", "wide", "Points issued, redeemed and expired", per
                + ": issued above the line; redeemed, reversed by returns and adjustments, and expired below it",
                "Points issued and taken out " + per);
        String rate = r.totals().offset() == null ? "the program has no cash offset, so points carry no money value"
                : "valued at the cash-offset rate of " + points(r.totals().offset().points()) + " points = "
                + money(r.totals().offset().value());
        chart(h, "chart-outstanding", "wide", "Points outstanding", "Points members hold (available and pending) at the "
                + "close of each period; " + rate, "Points outstanding over time");

        h.append("<div class=\"grid\">\n");
        chart(h, "chart-tiers", "", "Members by tier", "as of " + asOf, "Members per tier level");
        chart(h, "chart-stored-value", "", "Stored value held", "principal and bonus outstanding at the close of each period",
                "Stored value principal and bonus over time");
        h.append("</div>\n<div class=\"grid\">\n");
        chart(h, "chart-referrers", "", "Top referrers", "by referral points awarded, net of reversals",
                "Top referrers");
        chart(h, "chart-rules", "", "Rules that paid the most", "points awarded, net of points returns took back",
                "Rules that paid the most points");
        h.append("</div>\n");

        tables(h, r, per);
        h.append("</main>\n<footer>\n<p><strong>How to read this.</strong> Issued counts every lot of points written: "
                + "purchases, awards, referrals, claimed walk-ins and positive adjustments. Redeemed counts points "
                + "spent on rewards and cash offsets; reversed counts points taken back by returns, top-up refunds "
                + "and negative adjustments; expired counts what was left in a lot at its expiry. Issued minus "
                + "redeemed, reversed and expired is what members hold. Points of walk-in purchases not yet claimed "
                + "are not counted.</p>\n<p>Computed by LoyaltyKit from the ledger as of ")
                .append(html(asOf)).append("; every figure is exact.</p>\n</footer>\n");

        h.append("<script type=\"application/json\" id=\"report-data\">").append(Json.write(data(r)))
                .append("</script>\n<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    // ------------------------------------------------------------------------------------------ sections

    private static void kpis(StringBuilder h, ReplayReport r) {
        ReplayReport.Totals t = r.totals();
        h.append("<section class=\"kpis\" aria-label=\"Headline figures\">\n");
        kpi(h, "members", "Members", points(t.members()), "enrolled");
        String availableNote = t.availableValue() == null ? "no cash offset" : "worth " + money(t.availableValue());
        if (t.owed() > 0) {
            availableNote += "; " + points(t.owed()) + " owed";
        }
        kpi(h, "available", "Points available", points(t.available()), availableNote);
        kpi(h, "pending", "Points pending", points(t.pending()),
                t.pendingValue() == null ? "not yet spendable" : "worth " + money(t.pendingValue()));
        kpi(h, "principal", "Stored value principal", money(t.principal()), "paid in, unspent");
        kpi(h, "bonus", "Stored value bonus", money(t.bonus()), "top-up bonus, unspent");
        kpi(h, "issued", "Points issued", points(t.issued()), "all time");
        kpi(h, "redeemed", "Points redeemed", points(t.redeemed()), "rewards and cash offsets");
        kpi(h, "reversed", "Points reversed", points(t.reversed()),
                "returns, refunds, adjustments" + (t.forgiven() > 0 ? "; " + points(t.forgiven()) + " forgiven" : ""));
        kpi(h, "expired", "Points expired", points(t.expired()), "all time");
        kpi(h, "outstanding", "Points outstanding", points(t.outstanding()), "available + pending − owed");
        h.append("</section>\n");
    }

    private static void kpi(StringBuilder h, String key, String label, String value, String note) {
        h.append("<div class=\"kpi kpi-").append(key).append("\" data-kpi=\"").append(key).append("\">")
                .append("<div class=\"kpi-label\">").append(html(label)).append("</div>")
                .append("<div class=\"kpi-value\">").append(html(value)).append("</div>")
                .append("<div class=\"kpi-note\">").append(html(note)).append("</div></div>\n");
    }

    private static void chart(StringBuilder h, String id, String cls, String title, String subtitle, String label) {
        h.append("<section class=\"card ").append(cls).append("\">\n<h2>").append(html(title)).append("</h2>\n")
                .append("<p class=\"sub\">").append(html(subtitle)).append("</p>\n")
                .append("<svg id=\"").append(id).append("\" class=\"chart\" role=\"img\" aria-label=\"")
                .append(html(label)).append("\"></svg>\n</section>\n");
    }

    private static void tables(StringBuilder h, ReplayReport r, String per) {
        h.append("<div class=\"grid\">\n<section class=\"card\">\n<h2>Top referrers</h2>\n");
        if (r.topReferrers().isEmpty()) {
            h.append("<p class=\"empty\">No referrals yet.</p>\n");
        } else {
            h.append("<table class=\"data\" id=\"table-referrers\">\n<thead><tr><th>#</th><th>Member</th><th>Name</th>"
                    + "<th class=\"num\">Referred</th><th class=\"num\">Referral points</th></tr></thead>\n<tbody>\n");
            int rank = 1;
            for (ReplayReport.Referrer x : r.topReferrers()) {
                h.append("<tr><td>").append(rank++).append("</td><td><code>").append(html(x.member()))
                        .append("</code></td><td>").append(html(x.name())).append("</td><td class=\"num\">")
                        .append(points(x.referrals())).append("</td><td class=\"num\">").append(points(x.points()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("</section>\n<section class=\"card\">\n<h2>Points by rule</h2>\n");
        if (r.topRules().isEmpty()) {
            h.append("<p class=\"empty\">No points awarded yet.</p>\n");
        } else {
            h.append("<table class=\"data\" id=\"table-rules\">\n<thead><tr><th>Rule</th><th class=\"num\">Awarded</th>"
                    + "<th class=\"num\">Reversed</th><th class=\"num\">Net</th></tr></thead>\n<tbody>\n");
            for (ReplayReport.RuleTotal x : r.topRules()) {
                h.append("<tr><td><code>").append(html(x.rule())).append("</code></td><td class=\"num\">")
                        .append(points(x.awarded())).append("</td><td class=\"num\">").append(points(x.reversed()))
                        .append("</td><td class=\"num\">").append(points(x.net())).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("</section>\n</div>\n");

        h.append("<section class=\"card wide\">\n<details>\n<summary>Figures ").append(html(per))
                .append(" (").append(r.periods().size()).append(" periods)</summary>\n")
                .append("<table class=\"data\" id=\"table-periods\">\n<thead><tr><th>From</th><th>To</th>")
                .append("<th class=\"num\">Issued</th><th class=\"num\">Redeemed</th><th class=\"num\">Reversed</th>")
                .append("<th class=\"num\">Expired</th><th class=\"num\">Outstanding</th>")
                .append("<th class=\"num\">Value</th><th class=\"num\">Principal</th><th class=\"num\">Bonus</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (ReplayReport.Period p : r.periods()) {
            h.append("<tr><td>").append(p.start()).append("</td><td>").append(p.end().minusDays(1))
                    .append("</td><td class=\"num\">").append(points(p.issued()))
                    .append("</td><td class=\"num\">").append(points(p.redeemed()))
                    .append("</td><td class=\"num\">").append(points(p.reversed()))
                    .append("</td><td class=\"num\">").append(points(p.expired()))
                    .append("</td><td class=\"num\">").append(points(p.outstanding()))
                    .append("</td><td class=\"num\">").append(html(p.outstandingValue() == null ? "n/a"
                            : Formats.amount(p.outstandingValue())))
                    .append("</td><td class=\"num\">").append(html(Formats.amount(p.principal())))
                    .append("</td><td class=\"num\">").append(html(Formats.amount(p.bonus())))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</details>\n</section>\n");
    }

    // ------------------------------------------------------------------------------------------ data

    /** The figures the script draws: numbers for geometry, preformatted text for every label shown. */
    static Map<String, Object> data(ReplayReport r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("program", r.programId());
        d.put("name", r.programName());
        d.put("currency", r.currency().getCurrencyCode());
        d.put("asOf", Formats.instant(r.asOf(), r.zone()));
        d.put("granularity", r.granularity().name().toLowerCase(Locale.ROOT));
        ReplayReport.OffsetRate offset = r.totals().offset();
        if (offset != null) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("points", offset.points());
            o.put("value", offset.value().amount());
            o.put("text", points(offset.points()) + " points = " + money(offset.value()));
            d.put("offset", o);
        } else {
            d.put("offset", null);
        }
        List<Object> periods = new ArrayList<>();
        for (ReplayReport.Period p : r.periods()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", p.start().toString());
            m.put("end", p.end().minusDays(1).toString());
            m.put("label", r.granularity() == ReplayReport.Granularity.MONTH ? MONTH.format(p.start()) : DAY.format(p.start()));
            m.put("issued", p.issued());
            m.put("redeemed", p.redeemed());
            m.put("reversed", p.reversed());
            m.put("expired", p.expired());
            m.put("outstanding", p.outstanding());
            m.put("outstandingValue", p.outstandingValue() == null ? null : money(p.outstandingValue()));
            m.put("principal", p.principal().amount());
            m.put("bonus", p.bonus().amount());
            m.put("principalText", money(p.principal()));
            m.put("bonusText", money(p.bonus()));
            m.put("storedText", money(p.principal().plus(p.bonus())));
            periods.add(m);
        }
        d.put("periods", periods);
        long members = 0;
        for (ReplayReport.TierCount t : r.tiers()) {
            members += t.members();
        }
        List<Object> tiers = new ArrayList<>();
        for (ReplayReport.TierCount t : r.tiers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.level());
            m.put("name", t.name());
            m.put("members", t.members());
            m.put("share", members == 0 ? "0%" : share(t.members(), members));
            tiers.add(m);
        }
        d.put("tiers", tiers);
        List<Object> referrers = new ArrayList<>();
        for (ReplayReport.Referrer x : r.topReferrers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("member", x.member());
            m.put("name", x.name());
            m.put("referrals", x.referrals());
            m.put("points", x.points());
            referrers.add(m);
        }
        d.put("referrers", referrers);
        List<Object> rules = new ArrayList<>();
        for (ReplayReport.RuleTotal x : r.topRules()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", x.rule());
            m.put("awarded", x.awarded());
            m.put("reversed", x.reversed());
            m.put("net", x.net());
            rules.add(m);
        }
        d.put("rules", rules);
        Money last = r.periods().isEmpty() ? null : r.periods().get(r.periods().size() - 1).outstandingValue();
        d.put("outstandingValueText", last == null ? null : money(last));
        return d;
    }

    private static String share(long part, long whole) {
        return BigDecimal.valueOf(part * 1000L).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_EVEN)
                .movePointLeft(1).toPlainString() + "%";
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("report resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report resource " + name, e);
        }
    }
}

package io.loyaltykit.report.internal;

import io.loyaltykit.Money;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How figures and text are written on the page and in the summary: fixed formats, whatever the JVM's locale. */
public final class Formats {
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private Formats() {
    }

    /** Whole points with thousands separators: {@code 12,345}, {@code -80}. */
    public static String points(long n) {
        return grouped(BigDecimal.valueOf(n), 0);
    }

    /** An amount with its currency code and thousands separators: {@code CNY 1,234.50}. */
    public static String money(Money m) {
        return m == null ? "n/a" : m.currency().getCurrencyCode() + " " + amount(m);
    }

    /** The amount alone, at the currency's scale, with thousands separators: {@code 1,234.50}. */
    public static String amount(Money m) {
        return grouped(m.amount(), m.amount().scale());
    }

    private static String grouped(BigDecimal n, int scale) {
        DecimalFormat f = new DecimalFormat(scale > 0 ? "#,##0." + "0".repeat(scale) : "#,##0",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(n);
    }

    /** An instant in the program's timezone: {@code 2026-06-30 23:59:59 +08:00}. */
    public static String instant(Instant t, ZoneId zone) {
        return AS_OF.format(t.atZone(zone));
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String html(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

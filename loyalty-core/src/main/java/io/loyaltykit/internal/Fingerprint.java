package io.loyaltykit.internal;

import io.loyaltykit.event.Adjust;
import io.loyaltykit.event.CheckIn;
import io.loyaltykit.event.CustomEvent;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Line;
import io.loyaltykit.event.Profile;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Redeem;
import io.loyaltykit.event.Return;
import io.loyaltykit.event.Tender;
import io.loyaltykit.event.TopUp;
import io.loyaltykit.event.TopUpRefund;
import io.loyaltykit.event.UpdateProfile;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The canonical content of an event, hashed: equal after parsing means equal fingerprint (numbers compare
 * as decimals, instants as instants, attribute order is irrelevant).
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** SHA-256 of the canonical form, hex. */
    public static String of(Event e) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(canonical(e).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JRE", ex);
        }
    }

    /** The canonical form. */
    public static String canonical(Event e) {
        StringBuilder b = new StringBuilder();
        b.append(e.type()).append('|').append(s(e.id())).append('|').append(e.at()).append('|').append(s(e.member()));
        if (e instanceof Enroll x) {
            profile(b, x.profile());
            b.append('|').append(s(x.referrer())).append('|').append(s(x.store())).append('|').append(s(x.staff()))
                    .append('|').append(x.claims());
        } else if (e instanceof UpdateProfile x) {
            profile(b, x.profile());
            b.append('|').append(x.tagsGiven());
        } else if (e instanceof Purchase x) {
            b.append('|').append(s(x.store())).append('|').append(s(x.staff())).append('|').append(d(x.orderDiscount()))
                    .append('|').append(x.redeemPoints()).append('|').append(s(x.currency()));
            for (Line l : x.lines()) {
                b.append("|L:").append(s(l.line())).append(',').append(s(l.sku())).append(',').append(s(l.category()))
                        .append(',').append(d(l.qty())).append(',').append(d(l.unitPrice())).append(',')
                        .append(d(l.discount())).append(',').append(d(l.cost())).append(',').append(s(l.staff()));
            }
            for (Tender t : x.tenders()) {
                b.append("|T:").append(s(t.type())).append(',').append(d(t.amount())).append(',').append(s(t.pkg()));
            }
        } else if (e instanceof Return x) {
            b.append('|').append(s(x.original())).append('|').append(s(x.store()));
            for (Return.ReturnLine l : x.lines()) {
                b.append("|R:").append(s(l.line())).append(',').append(d(l.qty()));
            }
        } else if (e instanceof TopUp x) {
            b.append('|').append(d(x.amount())).append('|').append(s(x.store())).append('|').append(s(x.staff()))
                    .append('|').append(s(x.currency()));
        } else if (e instanceof TopUpRefund x) {
            b.append('|').append(s(x.original()));
        } else if (e instanceof Redeem x) {
            b.append('|').append(s(x.reward())).append('|').append(s(x.store()));
        } else if (e instanceof CustomEvent x) {
            b.append('|').append(s(x.name()));
            for (Map.Entry<String, Object> a : x.attributes().entrySet()) {
                b.append("|A:").append(a.getKey()).append('=').append(value(a.getValue()));
            }
        } else if (e instanceof Adjust x) {
            b.append('|').append(x.points()).append('|').append(s(x.reason())).append('|').append(s(x.operator()));
        } else if (e instanceof CheckIn) {
            b.append("|checkin");
        }
        return b.toString();
    }

    private static void profile(StringBuilder b, Profile p) {
        b.append("|P:").append(s(p.name())).append(',').append(s(p.phone())).append(',').append(p.birthday())
                .append(',').append(s(p.gender())).append(',').append(p.tags());
    }

    private static String value(Object v) {
        if (v instanceof BigDecimal bd) {
            return d(bd);
        }
        if (v instanceof Number n) {
            return d(new BigDecimal(n.toString()));
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : l) {
                b.append(value(o)).append(',');
            }
            return b.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            new java.util.TreeMap<>(m.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    en -> String.valueOf(en.getKey()), Map.Entry::getValue))).forEach((k, val) -> b.append(k).append('=')
                    .append(value(val)).append(','));
            return b.append('}').toString();
        }
        return v == null ? "\u2205" : v.getClass().getSimpleName().charAt(0) + ":" + v;
    }

    private static String s(String v) {
        return v == null ? "\u2205" : v.replace("\\", "\\\\").replace("|", "\\|").replace(",", "\\,");
    }

    private static String d(BigDecimal v) {
        if (v == null) {
            return "\u2205";
        }
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}

package io.loyaltykit.rules.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
import io.loyaltykit.rules.internal.LocatedParser;
import io.loyaltykit.rules.internal.Node;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events as JSON, one object per event, exactly as {@code events-format.md} names the fields: the format every
 * POS mapper produces and {@code loyalty simulate} replays. Reading is strict about types (an amount is a decimal
 * string or number, a quantity a number) and lenient about extra fields, which a POS may add freely. Whether an
 * event makes sense (tenders adding up, a member that exists) is the engine's judgement, not the reader's.
 *
 * <pre>{@code
 * Event e = EventJson.parse("{\"type\":\"checkin\",\"id\":\"c1\",\"at\":\"2026-03-01T09:00:00\",\"member\":\"m1\"}",
 *         ZoneId.of("Asia/Shanghai"));
 * String json = EventJson.write(e);
 * }</pre>
 */
public final class EventJson {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private EventJson() {
    }

    /** A line of an events file that is not a usable event, with where and why. */
    public static final class BadEvent extends Exception {
        private static final long serialVersionUID = 1L;
        private final int column;
        private final String path;

        BadEvent(String message, int column, String path) {
            super(message);
            this.column = column;
            this.path = path;
        }

        /** 1-based column in the line. */
        public int column() {
            return column;
        }

        /** JSON path in the event, such as {@code $.lines[0].qty}. */
        public String path() {
            return path;
        }
    }

    /**
     * Parses one event; a date-time without offset is read in {@code zone}.
     *
     * @throws BadEvent when the JSON is malformed, the type unknown, a required field absent or of the wrong type
     */
    public static Event parse(String json, ZoneId zone) throws BadEvent {
        Node root;
        try {
            root = LocatedParser.parse(json, LocatedParser.Format.JSON);
        } catch (LocatedParser.SyntaxError e) {
            throw new BadEvent("JSON syntax: " + e.getMessage(), e.column(), e.path());
        }
        return new Reader(zone).event(root);
    }

    private static final class Reader {
        private final ZoneId zone;

        Reader(ZoneId zone) {
            this.zone = zone;
        }

        Event event(Node n) throws BadEvent {
            if (!n.isObject()) {
                throw bad(n, "an event is a JSON object, got " + n.describe());
            }
            String type = required(n, "type");
            String id = required(n, "id");
            if (id.isBlank()) {
                throw bad(n.get("id"), "'id' is blank");
            }
            Instant at = instant(n, "at", true);
            String member = text(n, "member");
            switch (type) {
                case "enroll":
                    return new Enroll(id, at, member, profile(n.get("profile")), text(n, "referrer"), text(n, "store"),
                            text(n, "staff"), texts(n, "claims"));
                case "update_profile": {
                    Node p = n.get("profile");
                    return new UpdateProfile(id, at, member, profile(p), p != null && p.isObject() && p.get("tags") != null);
                }
                case "purchase":
                    return purchase(n, id, at, member);
                case "return": {
                    List<Return.ReturnLine> lines = new ArrayList<>();
                    Node ls = n.get("lines");
                    if (ls != null && !ls.isNull()) {
                        for (Node l : array(ls)) {
                            object(l);
                            lines.add(new Return.ReturnLine(required(l, "line"), decimal(l, "qty", true)));
                        }
                    }
                    return new Return(id, at, member, required(n, "original"), lines, text(n, "store"));
                }
                case "topup":
                    return new TopUp(id, at, member, decimal(n, "amount", true), text(n, "store"), text(n, "staff"),
                            text(n, "currency"));
                case "topup_refund":
                    return new TopUpRefund(id, at, member, required(n, "original"));
                case "redeem":
                    return new Redeem(id, at, member, required(n, "reward"), text(n, "store"));
                case "checkin":
                    return new CheckIn(id, at, member);
                case "event":
                    return new CustomEvent(id, at, member, required(n, "name"), attributes(n.get("attributes")));
                case "adjust": {
                    BigDecimal points = decimal(n, "points", true);
                    long p;
                    try {
                        p = points.longValueExact();
                    } catch (ArithmeticException e) {
                        throw bad(n.get("points"), "'points' must be a whole number, got " + points.toPlainString());
                    }
                    return new Adjust(id, at, member, p, text(n, "reason"), text(n, "operator"));
                }
                default:
                    throw bad(n.get("type"), "unknown event type '" + type + "': expected enroll, update_profile, purchase, "
                            + "return, topup, topup_refund, redeem, checkin, event or adjust");
            }
        }

        private Purchase purchase(Node n, String id, Instant at, String member) throws BadEvent {
            Purchase.Builder b = Purchase.builder(id, at).member(member).store(text(n, "store")).staff(text(n, "staff"));
            Node lines = n.get("lines");
            if (lines != null && !lines.isNull()) {
                for (Node l : array(lines)) {
                    object(l);
                    b.line(new Line(required(l, "line"), text(l, "sku"), text(l, "category"), decimal(l, "qty", true),
                            decimal(l, "unitPrice", true), decimal(l, "discount", false), decimal(l, "cost", false),
                            text(l, "staff")));
                }
            }
            BigDecimal orderDiscount = decimal(n, "orderDiscount", false);
            if (orderDiscount != null) {
                b.orderDiscount(orderDiscount.toPlainString());
            }
            BigDecimal redeem = decimal(n, "redeemPoints", false);
            if (redeem != null) {
                try {
                    b.redeemPoints(redeem.longValueExact());
                } catch (ArithmeticException e) {
                    throw bad(n.get("redeemPoints"), "'redeemPoints' must be a whole number, got " + redeem.toPlainString());
                }
            }
            Node tenders = n.get("tenders");
            if (tenders != null && !tenders.isNull()) {
                for (Node t : array(tenders)) {
                    object(t);
                    b.tender(new Tender(required(t, "type"), decimal(t, "amount", true), text(t, "package")));
                }
            }
            String currency = text(n, "currency");
            if (currency != null) {
                b.currency(currency);
            }
            return b.build();
        }

        private Profile profile(Node p) throws BadEvent {
            if (p == null || p.isNull()) {
                return null;
            }
            object(p);
            LocalDate birthday = null;
            String b = text(p, "birthday");
            if (b != null) {
                try {
                    birthday = LocalDate.parse(b);
                } catch (DateTimeParseException e) {
                    throw bad(p.get("birthday"), "'birthday' must be a date such as 1990-07-15, got '" + b + "'");
                }
            }
            Node tags = p.get("tags");
            return new Profile(text(p, "name"), text(p, "phone"), birthday, text(p, "gender"),
                    tags == null || tags.isNull() ? null : texts(p, "tags"));
        }

        private Map<String, Object> attributes(Node a) throws BadEvent {
            Map<String, Object> out = new LinkedHashMap<>();
            if (a == null || a.isNull()) {
                return out;
            }
            object(a);
            for (Map.Entry<String, Node> f : a.fields().entrySet()) {
                Node v = f.getValue();
                switch (v.kind()) {
                    case STRING -> out.put(f.getKey(), v.text());
                    case NUMBER -> out.put(f.getKey(), v.number());
                    case BOOLEAN -> out.put(f.getKey(), v.bool());
                    case NULL -> {
                        // an absent attribute
                    }
                    default -> throw bad(v, "attributes are strings, numbers or booleans, got " + v.describe());
                }
            }
            return out;
        }

        private Instant instant(Node n, String key, boolean required) throws BadEvent {
            String text = required ? required(n, key) : text(n, key);
            if (text == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(text).atZone(zone).toInstant();
                } catch (DateTimeException e2) {
                    throw bad(n.get(key), "'" + key + "' must be an ISO-8601 date-time such as 2026-03-01T10:00:00 or "
                            + "2026-03-01T10:00:00+08:00, got '" + text + "'");
                }
            }
        }

        private static List<Node> array(Node n) throws BadEvent {
            if (!n.isArray()) {
                throw bad(n, "expected an array, got " + n.describe());
            }
            return n.items();
        }

        private static void object(Node n) throws BadEvent {
            if (!n.isObject()) {
                throw bad(n, "expected an object, got " + n.describe());
            }
        }

        private static String required(Node n, String key) throws BadEvent {
            String v = text(n, key);
            if (v == null) {
                throw new BadEvent("'" + key + "' is required", n.column(), LocatedParser.child(n.path(), key));
            }
            return v;
        }

        private static String text(Node n, String key) throws BadEvent {
            Node v = n.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isString()) {
                throw bad(v, "'" + key + "' must be a string, got " + v.describe());
            }
            return v.text();
        }

        private static List<String> texts(Node n, String key) throws BadEvent {
            Node v = n.get(key);
            if (v == null || v.isNull()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (Node item : array(v)) {
                if (!item.isString()) {
                    throw bad(item, "expected a string, got " + item.describe());
                }
                out.add(item.text());
            }
            return out;
        }

        private static BigDecimal decimal(Node n, String key, boolean required) throws BadEvent {
            Node v = n.get(key);
            if (v == null || v.isNull()) {
                if (required) {
                    throw new BadEvent("'" + key + "' is required", n.column(), LocatedParser.child(n.path(), key));
                }
                return null;
            }
            if (v.isNumber()) {
                return v.number();
            }
            if (v.isString()) {
                try {
                    return new BigDecimal(v.text().trim());
                } catch (NumberFormatException e) {
                    throw bad(v, "'" + key + "' must be a decimal such as \"128.00\", got '" + v.text() + "'");
                }
            }
            throw bad(v, "'" + key + "' must be a decimal such as \"128.00\", got " + v.describe());
        }

        private static BadEvent bad(Node at, String message) {
            return new BadEvent(message, at.column(), at.path());
        }
    }

    // ------------------------------------------------------------------ writing

    /** The event as one line of JSON, in the field names of the format; instants are written in UTC. */
    public static String write(Event event) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", event.type());
            g.writeStringField("id", event.id());
            g.writeStringField("at", event.at().toString());
            opt(g, "member", event.member());
            if (event instanceof Enroll e) {
                profile(g, e.profile());
                opt(g, "referrer", e.referrer());
                opt(g, "store", e.store());
                opt(g, "staff", e.staff());
                if (!e.claims().isEmpty()) {
                    g.writeArrayFieldStart("claims");
                    for (String c : e.claims()) {
                        g.writeString(c);
                    }
                    g.writeEndArray();
                }
            } else if (event instanceof UpdateProfile u) {
                profile(g, u.profile());
            } else if (event instanceof Purchase p) {
                opt(g, "store", p.store());
                opt(g, "staff", p.staff());
                g.writeArrayFieldStart("lines");
                for (Line l : p.lines()) {
                    g.writeStartObject();
                    g.writeStringField("line", l.line());
                    opt(g, "sku", l.sku());
                    opt(g, "category", l.category());
                    g.writeNumberField("qty", l.qty());
                    dec(g, "unitPrice", l.unitPrice());
                    dec(g, "discount", l.discount());
                    dec(g, "cost", l.cost());
                    opt(g, "staff", l.staff());
                    g.writeEndObject();
                }
                g.writeEndArray();
                dec(g, "orderDiscount", p.orderDiscount());
                if (p.redeemPoints() != 0) {
                    g.writeNumberField("redeemPoints", p.redeemPoints());
                }
                g.writeArrayFieldStart("tenders");
                for (Tender t : p.tenders()) {
                    g.writeStartObject();
                    g.writeStringField("type", t.type());
                    dec(g, "amount", t.amount());
                    opt(g, "package", t.pkg());
                    g.writeEndObject();
                }
                g.writeEndArray();
                opt(g, "currency", p.currency());
            } else if (event instanceof Return r) {
                g.writeStringField("original", r.original());
                if (!r.lines().isEmpty()) {
                    g.writeArrayFieldStart("lines");
                    for (Return.ReturnLine l : r.lines()) {
                        g.writeStartObject();
                        g.writeStringField("line", l.line());
                        g.writeNumberField("qty", l.qty());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                opt(g, "store", r.store());
            } else if (event instanceof TopUp t) {
                dec(g, "amount", t.amount());
                opt(g, "store", t.store());
                opt(g, "staff", t.staff());
                opt(g, "currency", t.currency());
            } else if (event instanceof TopUpRefund t) {
                g.writeStringField("original", t.original());
            } else if (event instanceof Redeem r) {
                g.writeStringField("reward", r.reward());
                opt(g, "store", r.store());
            } else if (event instanceof CheckIn c) {
                // nothing beyond the member
            } else if (event instanceof CustomEvent c) {
                g.writeStringField("name", c.name());
                if (!c.attributes().isEmpty()) {
                    g.writeObjectFieldStart("attributes");
                    for (Map.Entry<String, Object> a : c.attributes().entrySet()) {
                        if (a.getValue() instanceof BigDecimal d) {
                            g.writeNumberField(a.getKey(), d);
                        } else if (a.getValue() instanceof Number num) {
                            g.writeNumberField(a.getKey(), new BigDecimal(num.toString()));
                        } else if (a.getValue() instanceof Boolean bool) {
                            g.writeBooleanField(a.getKey(), bool);
                        } else {
                            g.writeStringField(a.getKey(), String.valueOf(a.getValue()));
                        }
                    }
                    g.writeEndObject();
                }
            } else if (event instanceof Adjust a) {
                g.writeNumberField("points", a.points());
                opt(g, "reason", a.reason());
                opt(g, "operator", a.operator());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void profile(JsonGenerator g, Profile p) throws IOException {
        if (p == null) {
            return;
        }
        g.writeObjectFieldStart("profile");
        opt(g, "name", p.name());
        opt(g, "phone", p.phone());
        opt(g, "birthday", p.birthday() == null ? null : p.birthday().toString());
        opt(g, "gender", p.gender());
        if (!p.tags().isEmpty()) {
            g.writeArrayFieldStart("tags");
            for (String t : p.tags()) {
                g.writeString(t);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void opt(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void dec(JsonGenerator g, String name, BigDecimal value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toPlainString());
        }
    }
}

package io.loyaltykit.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.loyaltykit.Account;
import io.loyaltykit.Loyalty;
import io.loyaltykit.Result;
import io.loyaltykit.ledger.LedgerEntry;
import io.loyaltykit.ledger.PackageEntry;
import io.loyaltykit.ledger.PointsDebit;
import io.loyaltykit.ledger.PointsLot;
import io.loyaltykit.ledger.ValueEntry;
import io.loyaltykit.program.Program;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the STATE.json of {@code events-format.md}: members as of an instant, and one result per input line. */
final class StateJson {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Program program;

    StateJson(Program program) {
        this.program = program;
    }

    String time(Instant t) {
        return ISO.format(t.atZone(program.zone()));
    }

    private String money(BigDecimal amount) {
        return amount.setScale(program.moneyScale(), RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Starts the document: {@code asOf}, then the {@code events} array, filled by {@link #result}. */
    JsonGenerator begin(OutputStream out, Instant asOf) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("asOf", time(asOf));
        g.writeArrayFieldStart("events");
        return g;
    }

    /** Ends the events, writes every member's account as of {@code asOf} and closes the document. */
    void end(JsonGenerator g, Loyalty loyalty, List<String> members, Instant asOf) throws IOException {
        g.writeEndArray();
        g.writeObjectFieldStart("members");
        for (String m : members) {
            g.writeFieldName(m);
            member(g, loyalty.account(m, asOf));
        }
        g.writeEndObject();
        g.writeEndObject();
        g.close();
    }

    private void member(JsonGenerator g, Account a) throws IOException {
        g.writeStartObject();
        g.writeStringField("tier", a.tier());
        g.writeObjectFieldStart("points");
        g.writeNumberField("available", a.points().available());
        g.writeNumberField("pending", a.points().pending());
        g.writeNumberField("expired", a.points().expired());
        g.writeNumberField("redeemed", a.points().redeemed());
        g.writeNumberField("forgiven", a.points().forgiven());
        g.writeEndObject();
        g.writeObjectFieldStart("storedValue");
        g.writeStringField("principal", money(a.storedValue().principal()));
        g.writeStringField("bonus", money(a.storedValue().bonus()));
        g.writeEndObject();
        g.writeObjectFieldStart("packages");
        for (Map.Entry<String, Account.PackageBalance> p : a.packages().entrySet()) {
            g.writeObjectFieldStart(p.getKey());
            g.writeNumberField("remaining", p.getValue().remaining());
            if (p.getValue().expiresAt() != null) {
                g.writeStringField("expiresAt", time(p.getValue().expiresAt()));
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        if (a.referrer() != null) {
            g.writeStringField("referrer", a.referrer());
        } else {
            g.writeNullField("referrer");
        }
        g.writeEndObject();
    }

    void result(JsonGenerator g, Result r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.eventId());
        g.writeStringField("status", r.status());
        if (r instanceof Result.Applied a) {
            applied(g, a);
        } else if (r instanceof Result.Duplicate d) {
            g.writeNumberField("points", d.original().points());
        } else if (r instanceof Result.Rejected x) {
            g.writeObjectFieldStart("error");
            g.writeStringField("code", x.code().name());
            g.writeStringField("message", x.message());
            if (x.maxRedeemablePoints() != null) {
                g.writeNumberField("maxRedeemablePoints", x.maxRedeemablePoints());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void applied(JsonGenerator g, Result.Applied a) throws IOException {
        if (a.member() != null) {
            g.writeStringField("member", a.member());
        }
        g.writeNumberField("points", a.points());
        g.writeArrayFieldStart("entries");
        for (LedgerEntry e : a.explanations()) {
            g.writeStartObject();
            if (e instanceof PointsLot lot) {
                g.writeStringField("rule", lot.rule());
                g.writeNumberField("points", lot.points());
                g.writeStringField("reason", lot.reason());
            } else if (e instanceof PointsDebit d) {
                g.writeStringField("rule", d.rule());
                g.writeNumberField("points", d.pointsDelta());
                g.writeStringField("reason", d.reason());
                g.writeStringField("kind", d.kind().name().toLowerCase(Locale.ROOT));
                if (d.forgiven() != 0) {
                    g.writeNumberField("forgiven", d.forgiven());
                }
                if (d.voucher() != null) {
                    g.writeStringField("voucher", d.voucher());
                }
            } else if (e instanceof ValueEntry v) {
                g.writeStringField("purse", v.purse().name().toLowerCase(Locale.ROOT));
                g.writeStringField("amount", money(v.amount()));
                g.writeStringField("reason", v.reason());
            } else if (e instanceof PackageEntry p) {
                g.writeStringField("package", p.packageId());
                g.writeNumberField("uses", p.uses());
                g.writeStringField("reason", p.reason());
            }
            if (e.member() != null && !e.member().equals(a.member())) {
                g.writeStringField("member", e.member());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (a.tierChanged()) {
            g.writeObjectFieldStart("tier");
            g.writeStringField("from", a.tierBefore());
            g.writeStringField("to", a.tierAfter());
            g.writeEndObject();
        }
    }
}

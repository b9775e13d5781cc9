package io.loyaltykit.cli;

import io.loyaltykit.Account;
import io.loyaltykit.Loyalty;
import io.loyaltykit.Result;
import io.loyaltykit.ledger.Draw;
import io.loyaltykit.ledger.LedgerEntry;
import io.loyaltykit.ledger.PackageEntry;
import io.loyaltykit.ledger.PointsDebit;
import io.loyaltykit.ledger.PointsLot;
import io.loyaltykit.ledger.ValueEntry;
import io.loyaltykit.program.Program;
import io.loyaltykit.rules.events.EventFiles;
import io.loyaltykit.store.LoyaltyStore;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code loyalty explain}: replays events and explains one event's result or one member's points, lot by lot. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Replay events, then explain where points came from and went: for --event, its result and "
                + "every ledger entry with its rule and reason; for --member, the account as of an instant and every "
                + "lot with the debits that drew on it.",
                "Exit status 0 when it ran, 2 for an unusable program or events file or an unknown event or member."})
final class ExplainCommand implements Callable<Integer> {
    @Option(names = "--program", required = true, paramLabel = "P.json", description = "the program file")
    Path program;

    @Option(names = "--events", required = true, paramLabel = "E.jsonl", description = "the events, one per line")
    Path events;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--event", paramLabel = "ID", description = "explain this event's result")
        String event;

        @Option(names = "--member", paramLabel = "ID", description = "explain this member's points")
        String member;
    }

    @Option(names = "--as-of", paramLabel = "DATE-TIME",
            description = "for --member: the instant of the balances (default: the last event's)")
    String asOf;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Program p = Inputs.program(program, err);
            EventFiles.Scan scan = Inputs.checkEvents(events, p.zone(), err);
            Instant when = asOf == null ? scan.last() : Inputs.instant(asOf, p.zone(), "--as-of", err);
            try (LoyaltyStore store = LoyaltyStore.inMemory()) {
                Loyalty loyalty = Loyalty.builder(p).store(store).build();
                Map<String, Result> last = new HashMap<>();
                EventFiles.forEach(events, p.zone(), line -> {
                    Result r = loyalty.apply(line.event());
                    if (target.event != null && target.event.equals(r.eventId())) {
                        last.put(r.eventId(), r);
                    }
                });
                if (target.event != null) {
                    Result r = last.get(target.event);
                    if (r == null) {
                        err.println("loyalty: no event '" + target.event + "' in " + events);
                        return Main.BAD_INPUT;
                    }
                    explainEvent(out, p, r);
                } else {
                    if (store.read(rd -> rd.member(target.member)).isEmpty()) {
                        err.println("loyalty: no member '" + target.member + "' was enrolled by " + events);
                        return Main.BAD_INPUT;
                    }
                    explainMember(out, p, loyalty, target.member, when == null ? Instant.EPOCH : when);
                }
            }
            out.flush();
            return 0;
        } catch (Inputs.Exit e) {
            return e.status;
        }
    }

    private void explainEvent(PrintWriter out, Program p, Result r) {
        out.println("event " + r.eventId() + ": " + r.status());
        Result.Applied a = r instanceof Result.Applied ap ? ap : r instanceof Result.Duplicate d ? d.original() : null;
        if (r instanceof Result.Rejected x) {
            out.println("  " + x.code() + ": " + x.message());
            if (x.maxRedeemablePoints() != null) {
                out.println("  the bill allows at most " + x.maxRedeemablePoints() + " points");
            }
            return;
        }
        if (r instanceof Result.Duplicate) {
            out.println("  (the same event was applied before; this is the first result, nothing changed)");
        }
        out.println("  member " + (a.member() == null ? "(walk-in)" : a.member()) + ", points " + signed(a.points()));
        if (a.tierChanged()) {
            out.println("  tier " + a.tierBefore() + " -> " + a.tierAfter());
        }
        for (LedgerEntry e : a.explanations()) {
            out.println("  " + describe(p, e, a.member()));
        }
    }

    private String describe(Program p, LedgerEntry e, String eventMember) {
        String who = e.member() != null && !e.member().equals(eventMember) ? "  (member " + e.member() + ")" : "";
        if (e instanceof PointsLot lot) {
            String when = lot.maturesAt().isAfter(lot.earnedAt()) ? ", pending until " + time(p, lot.maturesAt()) : "";
            String exp = lot.expiresAt() == null ? "" : ", expires " + time(p, lot.expiresAt());
            return String.format("%8s  %-20s %s%s%s%s", signed(lot.points()), lot.rule(), lot.reason(), when, exp, who);
        }
        if (e instanceof PointsDebit d) {
            StringBuilder sb = new StringBuilder(String.format("%8s  %-20s %s [%s]", signed(d.pointsDelta()), d.rule(),
                    d.reason(), d.kind().name().toLowerCase(Locale.ROOT)));
            if (!d.draws().isEmpty()) {
                sb.append(" from ");
                for (int i = 0; i < d.draws().size(); i++) {
                    Draw dr = d.draws().get(i);
                    sb.append(i == 0 ? "" : ", ").append(dr.lot()).append(':').append(dr.points());
                }
            }
            if (d.forgiven() != 0) {
                sb.append("; forgiven ").append(d.forgiven());
            }
            if (d.debt() != 0) {
                sb.append("; owed ").append(d.debt());
            }
            if (d.voucher() != null) {
                sb.append("; voucher ").append(d.voucher());
            }
            return sb + who;
        }
        if (e instanceof ValueEntry v) {
            return String.format("%8s  %-20s %s", v.amount().toPlainString(), "stored value/" + v.purse().name()
                    .toLowerCase(Locale.ROOT), v.reason()) + who;
        }
        if (e instanceof PackageEntry pk) {
            return String.format("%8s  %-20s %s", signed(pk.uses()), "package/" + pk.packageId(), pk.reason()) + who;
        }
        return e.toString();
    }

    private void explainMember(PrintWriter out, Program p, Loyalty loyalty, String member, Instant when) {
        Account a = loyalty.account(member, when);
        out.println("member " + member + " as of " + time(p, when) + ": tier " + a.tier()
                + (a.referrer() == null ? "" : ", referred by " + a.referrer()));
        out.printf("  points: %d available, %d pending, %d expired, %d redeemed, %d forgiven%n", a.points().available(),
                a.points().pending(), a.points().expired(), a.points().redeemed(), a.points().forgiven());
        out.println("  stored value: principal " + a.storedValue().principal().toPlainString() + ", bonus "
                + a.storedValue().bonus().toPlainString());
        a.packages().forEach((id, b) -> out.println("  package " + id + ": " + b.remaining() + " use(s) left"
                + (b.expiresAt() == null ? "" : ", until " + time(p, b.expiresAt()))));
        List<LedgerEntry> history = loyalty.history(member);
        Map<String, Long> drawn = new HashMap<>();
        for (LedgerEntry e : history) {
            if (e instanceof PointsDebit d && !d.at().isAfter(when)) {
                for (Draw dr : d.draws()) {
                    drawn.merge(dr.lot(), dr.points(), Long::sum);
                }
            }
        }
        out.println("  lots (earned, rule, points, drawn, left, state):");
        for (LedgerEntry e : history) {
            if (e instanceof PointsLot lot && !lot.earnedAt().isAfter(when)) {
                long used = drawn.getOrDefault(lot.id(), 0L);
                long left = lot.points() - used;
                String state = left <= 0 ? "spent" : lot.expiresAt() != null && !lot.expiresAt().isAfter(when) ? "expired"
                        : lot.maturesAt().isAfter(when) ? "pending until " + time(p, lot.maturesAt())
                        : "available" + (lot.expiresAt() == null ? "" : " until " + time(p, lot.expiresAt()));
                out.printf("    %s  %-20s %6d %6d %6d  %s  (event %s)%n", time(p, lot.earnedAt()), lot.rule(),
                        lot.points(), used, left, state, lot.eventId());
            }
        }
        out.println("  debits:");
        for (LedgerEntry e : history) {
            if (e instanceof PointsDebit d && !d.at().isAfter(when)) {
                out.println("    " + time(p, d.at()) + " " + describe(p, d, member).trim() + "  (event " + d.eventId()
                        + ")");
            }
        }
    }

    private String time(Program p, Instant t) {
        return fmt.format(t.atZone(p.zone()));
    }

    private static String signed(long v) {
        return v > 0 ? "+" + v : Long.toString(v);
    }
}

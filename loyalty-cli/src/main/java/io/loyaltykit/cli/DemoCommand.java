package io.loyaltykit.cli;

import io.loyaltykit.Account;
import io.loyaltykit.Loyalty;
import io.loyaltykit.Result;
import io.loyaltykit.cli.demo.SalonMonth;
import io.loyaltykit.event.Event;
import io.loyaltykit.ledger.LedgerEntry;
import io.loyaltykit.ledger.PointsLot;
import io.loyaltykit.program.Program;
import io.loyaltykit.rules.ProgramFiles;
import io.loyaltykit.rules.events.EventJson;
import io.loyaltykit.store.LedgerReader;
import io.loyaltykit.store.LoyaltyStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code loyalty demo}: the bundled salon program and a generated month of a small chain, replayed on H2. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the bundled salon program (莲花美发) over a generated month of a two-store chain: "
                + "enrolments with referral chains, services and retail, top-ups with bonus, count cards, cash "
                + "offsets and rewards, returns, check-ins and walk-ins. The events are written to DIR/events.jsonl, "
                + "replayed into an embedded H2 database in DIR, summarised, and the HTML report is written.",
                "Needs nothing installed beyond Java."})
final class DemoCommand implements Callable<Integer> {
    static final String PROGRAM_RESOURCE = "/io/loyaltykit/cli/demo/salon-program.json";

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "report.html",
            description = "the HTML report (default: ${DEFAULT-VALUE})")
    Path report;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "loyalty-demo",
            description = "where the program, the events and the database go (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--members", paramLabel = "N", defaultValue = "240",
            description = "members enrolling over the month (default: ${DEFAULT-VALUE})")
    int members;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20260501",
            description = "random seed; the same seed gives the same month (default: ${DEFAULT-VALUE})")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static Program bundledProgram() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(PROGRAM_RESOURCE)) {
            return ProgramFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "salon-program.json");
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Program program = bundledProgram();
        Files.createDirectories(dir);
        try (InputStream in = DemoCommand.class.getResourceAsStream(PROGRAM_RESOURCE)) {
            Files.copy(in, dir.resolve("salon-program.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        err.println("generating a month of " + program.name() + " ...");
        List<Event> events = SalonMonth.generate(program, seed, members);
        Path eventsFile = dir.resolve("events.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(eventsFile, StandardCharsets.UTF_8)) {
            for (Event e : events) {
                w.write(EventJson.write(e));
                w.newLine();
            }
        }
        SimulateCommand.Summary summary = new SimulateCommand.Summary();
        Instant asOf = events.get(events.size() - 1).at();
        try (LoyaltyStore store = Stores.demo(dir)) {
            Loyalty loyalty = Loyalty.builder(program).store(store).build();
            Progress progress = new Progress(err, "replaying on " + Stores.describe(store), events.size());
            for (Event e : events) {
                Result r = loyalty.apply(e);
                summary.count(r);
                progress.update(summary.total);
            }
            progress.finish();
            summary.seconds = progress.seconds();
            summary.asOf = asOf;
            table(out, program, loyalty, store, summary, eventsFile);
            Reports.write(program, store, asOf, report);
            out.println("report       " + report);
        }
        out.flush();
        return 0;
    }

    private void table(PrintWriter out, Program program, Loyalty loyalty, LoyaltyStore store,
                       SimulateCommand.Summary s, Path eventsFile) {
        List<String> ids = store.read(LedgerReader::memberIds);
        Map<String, Integer> tiers = new LinkedHashMap<>();
        program.tiers().levels().forEach(l -> tiers.put(l.id(), 0));
        long available = 0;
        long pending = 0;
        long expired = 0;
        long redeemed = 0;
        long forgiven = 0;
        BigDecimal principal = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;
        long uses = 0;
        Map<String, Long> byRule = new TreeMap<>();
        for (String m : ids) {
            Account a = loyalty.account(m, s.asOf);
            tiers.merge(a.tier(), 1, Integer::sum);
            available += a.points().available();
            pending += a.points().pending();
            expired += a.points().expired();
            redeemed += a.points().redeemed();
            forgiven += a.points().forgiven();
            principal = principal.add(a.storedValue().principal());
            bonus = bonus.add(a.storedValue().bonus());
            uses += a.packages().values().stream().mapToLong(Account.PackageBalance::remaining).sum();
            for (LedgerEntry e : loyalty.history(m)) {
                if (e instanceof PointsLot lot) {
                    byRule.merge(lot.rule(), lot.points(), Long::sum);
                }
            }
        }
        String value = program.cashOffset() == null ? "" : " (worth " + program.cashOffset().value()
                .multiply(BigDecimal.valueOf(available)).divide(BigDecimal.valueOf(program.cashOffset().points()),
                        program.moneyScale(), RoundingMode.DOWN).toPlainString() + " " + program.currency() + ")";
        out.println();
        out.println(program.name() + " (" + program.id() + "), " + ids.size() + " members, stores "
                + String.join(" ", SalonMonthStores.names()));
        out.printf("events       %,d in %.1f s (%,.0f/s): %,d applied, %,d duplicate, %,d rejected%n", s.total,
                s.seconds, s.total / Math.max(s.seconds, 1e-9), s.applied, s.duplicate, s.rejectedTotal());
        if (!s.rejected.isEmpty()) {
            out.println("rejected     " + s.rejected.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        out.println("tiers        " + tiers.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        out.printf("points       %,d available%s, %,d pending, %,d redeemed, %,d expired, %,d forgiven%n", available,
                value, pending, redeemed, expired, forgiven);
        out.println("stored value principal " + principal.toPlainString() + ", bonus " + bonus.toPlainString());
        out.println("count cards  " + uses + " uses outstanding");
        out.println("top rules    " + byRule.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue()
                .reversed()).limit(5).map(e -> e.getKey() + " " + String.format("%,d", e.getValue()))
                .collect(Collectors.joining(", ")));
        out.println("events file  " + eventsFile + "  (replay: loyalty simulate --program " + dir.resolve(
                "salon-program.json") + " --events " + eventsFile + ")");
    }

    /** The demo's store names, for the table. */
    private static final class SalonMonthStores {
        static List<String> names() {
            return List.of("S1", "S2");
        }
    }
}

package io.loyaltykit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.loyaltykit.Loyalty;
import io.loyaltykit.Result;
import io.loyaltykit.program.Program;
import io.loyaltykit.rules.events.EventFiles;
import io.loyaltykit.store.LedgerReader;
import io.loyaltykit.store.LoyaltyStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code loyalty simulate}: replays an events file into a fresh store and writes the state. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Replay events (JSON Lines) in file order into a fresh store and write the state as of an "
                + "instant: every member's tier, points, stored value and packages, and one result per event.",
                "Exit status 0 when the replay ran (rejected events are results, not failures), 2 for an unusable "
                        + "program or events file."})
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--program", required = true, paramLabel = "P.json", description = "the program file")
    Path program;

    @Option(names = "--events", required = true, paramLabel = "E.jsonl", description = "the events, one per line")
    Path events;

    @Option(names = "--as-of", paramLabel = "DATE-TIME",
            description = "the instant of the state (default: the last event's); without an offset, in the "
                    + "program's timezone")
    String asOf;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "replay into this database (jdbc:h2:..., jdbc:postgresql:..., jdbc:mariadb:...) instead of "
                    + "memory; it must hold no ledger yet")
    String db;

    @Option(names = "--out", paramLabel = "STATE.json", description = "write the state here (default: stdout)")
    Path out;

    @Option(names = "--report", paramLabel = "REPORT.html", description = "also write the HTML report")
    Path report;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Program p = Inputs.program(program, err);
            EventFiles.Scan scan = Inputs.checkEvents(events, p.zone(), err);
            Instant fixedAsOf = asOf == null ? null : Inputs.instant(asOf, p.zone(), "--as-of", err);
            try (LoyaltyStore store = Stores.open(db)) {
                Summary s = replay(p, store, scan, fixedAsOf, err);
                err.println(s.line());
                if (report != null) {
                    err.print(Reports.write(p, store, s.asOf, report).summaryTable());
                    err.println("report written to " + report);
                }
            }
            return 0;
        } catch (Inputs.Exit e) {
            return e.status;
        }
    }

    /** Counts per status, for the summary line. */
    static final class Summary {
        int applied;
        int duplicate;
        final Map<io.loyaltykit.ErrorCode, Integer> rejected = new EnumMap<>(io.loyaltykit.ErrorCode.class);
        Instant asOf;
        double seconds;
        int total;

        void count(Result r) {
            total++;
            if (r instanceof Result.Applied) {
                applied++;
            } else if (r instanceof Result.Duplicate) {
                duplicate++;
            } else if (r instanceof Result.Rejected x) {
                rejected.merge(x.code(), 1, Integer::sum);
            }
        }

        int rejectedTotal() {
            return rejected.values().stream().mapToInt(Integer::intValue).sum();
        }

        String line() {
            return String.format("replayed %,d events in %.1f s (%,.0f/s): %,d applied, %,d duplicate, %,d rejected%s",
                    total, seconds, seconds > 0 ? total / seconds : 0.0, applied, duplicate, rejectedTotal(),
                    rejected.isEmpty() ? "" : " " + rejected);
        }
    }

    private Summary replay(Program p, LoyaltyStore store, EventFiles.Scan scan, Instant fixedAsOf, PrintWriter err)
            throws IOException {
        Loyalty loyalty = Loyalty.builder(p).store(store).build();
        Summary summary = new Summary();
        Progress progress = new Progress(err, "replaying", scan.count());
        OutputStream sink = out == null ? nonClosing(System.out) : new BufferedOutputStream(Files.newOutputStream(out));
        StateJson state = new StateJson(p);
        Instant asOfInstant = fixedAsOf != null ? fixedAsOf : scan.last() != null ? scan.last() : Instant.EPOCH;
        try (OutputStream o = sink) {
            JsonGenerator g = state.begin(o, asOfInstant);
            EventFiles.forEach(events, p.zone(), line -> {
                Result r = loyalty.apply(line.event());
                summary.count(r);
                try {
                    state.result(g, r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.update(summary.total);
            });
            progress.finish();
            summary.asOf = asOfInstant;
            List<String> members = store.read(LedgerReader::memberIds);
            state.end(g, loyalty, members, summary.asOf);
        }
        summary.seconds = progress.seconds();
        return summary;
    }

    private static OutputStream nonClosing(OutputStream os) {
        return new java.io.FilterOutputStream(os) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}

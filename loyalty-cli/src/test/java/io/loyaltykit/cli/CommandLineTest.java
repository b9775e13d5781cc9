package io.loyaltykit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit statuses, located messages and help of the loyalty command line. */
class CommandLineTest {
    @TempDir
    Path tmp;

    private final Path basic = ScenariosTest.scenario("01-basic-earning");

    @Test
    void validateSaysOkOrNamesEveryProblemWithStatus2() throws Exception {
        CliRun ok = CliRun.of("validate", basic.resolve("program.json").toString());
        assertThat(ok.status()).isZero();
        assertThat(ok.out()).contains("ok, program 'basic' with 4 earning rule(s)");

        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"program\": \"x\", \"currency\": \"CNY\", \"timezone\": \"UTC\",\n"
                + " \"earn\": [{\"id\": \"a\", \"on\": \"purchase\", \"rate\": {\"points\": 1, \"per\": 1}}]}\n");
        CliRun run = CliRun.of("validate", bad.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains(bad + ":2:70: error: $.earn[0].rate.per [a]: amounts are decimal strings: "
                + "write \"1\"").contains("1 error(s), 0 warning(s): not loaded");
    }

    @Test
    void anUnusableEventsFileExits2WithItsLocationAndWritesNothing() throws Exception {
        Path events = tmp.resolve("e.jsonl");
        Files.writeString(events, """
                {"type": "enroll", "id": "e1", "at": "2026-01-05T10:00:00", "member": "m1"}

                {"type": "purchase", "id": "p1", "at": "2026-01-05T11:00:00", "member": "m1", "lines": [{"line": "1", "unitPrice": "10.00"}]}
                {"type": "teleport", "id": "x1", "at": "2026-01-05T11:00:00"}
                """);
        Path out = tmp.resolve("state.json");
        CliRun run = CliRun.of("simulate", "--program", basic.resolve("program.json").toString(), "--events",
                events.toString(), "--out", out.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(events + ":3:89: error: $.lines[0].qty: 'qty' is required")
                .contains(events + ":4:10: error: $.type: unknown event type 'teleport'");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnusableProgramExits2BeforeReadingEvents() {
        CliRun run = CliRun.of("simulate", "--program", tmp.resolve("missing.json").toString(), "--events",
                basic.resolve("events.jsonl").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("missing.json: error: no such file");
    }

    @Test
    void rejectedEventsAreResultsNotFailures() throws Exception {
        Path out = tmp.resolve("state.json");
        CliRun run = CliRun.of("simulate", "--program", basic.resolve("program.json").toString(), "--events",
                basic.resolve("events.jsonl").toString(), "--out", out.toString());
        assertThat(run.status()).isZero();
        assertThat(run.err()).contains("replayed 9 events").contains("5 rejected");
        assertThat(Files.readString(out)).contains("\"code\" : \"IDEMPOTENCY_CONFLICT\"");
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"validate", "simulate", "explain", "demo"}) {
            CliRun run = CliRun.of(cmd, "--help");
            assertThat(run.status()).as(cmd).isZero();
            assertThat(run.out()).as(cmd).contains("Usage: loyalty " + cmd);
        }
        CliRun none = CliRun.of();
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("a command is required");
        assertThat(CliRun.of("simulate", "--events", "x").status()).as("missing --program").isEqualTo(2);
    }

    @Test
    void explainShowsWhereAnEventsPointsCameFromAndAMembersLots() {
        CliRun event = CliRun.of("explain", "--program", basic.resolve("program.json").toString(), "--events",
                basic.resolve("events.jsonl").toString(), "--event", "p1");
        assertThat(event.status()).as(event.err()).isZero();
        assertThat(event.out()).startsWith("event p1: applied").contains("base").contains("retail");
        CliRun member = CliRun.of("explain", "--program", basic.resolve("program.json").toString(), "--events",
                basic.resolve("events.jsonl").toString(), "--member", "m1");
        assertThat(member.status()).as(member.err()).isZero();
        assertThat(member.out()).contains("member m1 as of").contains("lots (earned, rule, points, drawn, left, state)")
                .contains("welcome");
        CliRun unknown = CliRun.of("explain", "--program", basic.resolve("program.json").toString(), "--events",
                basic.resolve("events.jsonl").toString(), "--member", "nobody");
        assertThat(unknown.status()).isEqualTo(2);
    }
}

package io.loyaltykit.cli;

import io.loyaltykit.Loyalty;
import io.loyaltykit.Result;
import io.loyaltykit.cli.demo.SalonMonth;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Return;
import io.loyaltykit.event.TopUp;
import io.loyaltykit.program.Program;
import io.loyaltykit.rules.events.EventFiles;
import io.loyaltykit.rules.events.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's month is realistic, replays, round-trips through the events format and is the same every run. */
class DemoTest {
    @TempDir
    Path tmp;

    @Test
    void theMonthHasEveryKindOfActivityAtTheAdvertisedSize() throws Exception {
        Program program = DemoCommand.bundledProgram();
        List<Event> events = SalonMonth.generate(program, 20260501L, 240);
        assertThat(events.size()).isGreaterThanOrEqualTo(2000);
        assertThat(events.stream().filter(e -> e instanceof Enroll).count()).isEqualTo(240);
        assertThat(events.stream().filter(e -> e instanceof Enroll n && n.referrer() != null).count())
                .isGreaterThan(50);
        assertThat(events.stream().filter(e -> e instanceof Enroll n && !n.claims().isEmpty()).count()).isPositive();
        assertThat(events.stream().filter(e -> e instanceof Purchase p && p.member() == null).count())
                .as("walk-ins").isGreaterThan(50);
        assertThat(events.stream().filter(e -> e instanceof Purchase p && p.redeemPoints() > 0).count())
                .as("cash offsets").isGreaterThan(30);
        assertThat(events.stream().filter(e -> e instanceof Purchase p && p.tenders().stream()
                .anyMatch(t -> t.type().equals("package"))).count()).as("count-card uses").isPositive();
        assertThat(events.stream().filter(e -> e instanceof Return).count()).isGreaterThan(10);
        assertThat(events.stream().filter(e -> e instanceof TopUp).count()).isGreaterThan(20);
        assertThat(events.stream().map(e -> e instanceof Purchase p ? p.store() : null)
                .filter(s -> s != null).distinct()).containsExactlyInAnyOrder("S1", "S2");
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).at()).as("time order").isAfterOrEqualTo(events.get(i - 1).at());
        }
        assertThat(SalonMonth.generate(program, 20260501L, 240)).as("same seed, same month").isEqualTo(events);

        Loyalty loyalty = Loyalty.builder(program).build();
        int applied = 0;
        Set<String> rejectedCodes = new HashSet<>();
        for (Event e : events) {
            Result r = loyalty.apply(e);
            if (r instanceof Result.Applied) {
                applied++;
            } else if (r instanceof Result.Rejected x) {
                rejectedCodes.add(x.code().name());
            }
        }
        assertThat(applied).as("a till mostly sends what makes sense").isGreaterThan(events.size() * 9 / 10);
        assertThat(rejectedCodes).doesNotContain("INVALID_EVENT", "UNKNOWN_MEMBER");
    }

    @Test
    void everyEventSurvivesTheEventsFormat() throws Exception {
        Program program = DemoCommand.bundledProgram();
        List<Event> events = SalonMonth.generate(program, 7L, 60);
        Path file = tmp.resolve("events.jsonl");
        Files.write(file, events.stream().map(EventJson::write).toList());
        List<Event> back = EventFiles.readAll(file, program.zone()).stream().map(EventFiles.Numbered::event).toList();
        assertThat(back).isEqualTo(events);
    }

    @Test
    void theDemoCommandWritesItsFilesAndSummary() {
        Path dir = tmp.resolve("demo");
        Path report = tmp.resolve("report.html");
        CliRun run = CliRun.of("demo", "--dir", dir.toString(), "--report", report.toString(), "--members", "200");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("200 members").contains("applied").contains("top rules");
        assertThat(dir.resolve("events.jsonl")).exists();
        assertThat(dir.resolve("salon-program.json")).exists();
        assertThat(report).exists();
        CliRun replay = CliRun.of("simulate", "--program", dir.resolve("salon-program.json").toString(), "--events",
                dir.resolve("events.jsonl").toString(), "--out", tmp.resolve("state.json").toString());
        assertThat(replay.status()).as(replay.err()).isZero();
        String demoEvents = run.out().lines().filter(l -> l.startsWith("events ")).findFirst().orElseThrow();
        String applied = demoEvents.replaceAll(".*: ([0-9,]+) applied.*", "$1");
        assertThat(replay.err()).contains(applied + " applied");
    }
}

package io.loyaltykit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shared acceptance scenario through {@code loyalty simulate}, compared with its expected.json. */
class ScenariosTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static Path scenario(String name) {
        try {
            return Path.of(ScenariosTest.class.getResource("/scenarios/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-basic-earning", "02-tiers-multipliers", "03-cash-offset-rewards",
            "04-returns-pending-expiry", "05-stored-value-packages", "06-referral-checkin-walkins"})
    void simulateGivesTheHandWorkedFigures(String name) throws Exception {
        Path dir = scenario(name);
        JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
        Path out = tmp.resolve("state.json");
        CliRun run = CliRun.of("simulate", "--program", dir.resolve("program.json").toString(), "--events",
                dir.resolve("events.jsonl").toString(), "--out", out.toString());
        if (expected.has("asOf")) {
            run = CliRun.of("simulate", "--program", dir.resolve("program.json").toString(), "--events",
                    dir.resolve("events.jsonl").toString(), "--out", out.toString(), "--as-of",
                    expected.get("asOf").asText());
        }
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode state = JSON.readTree(out.toFile());
        assertThat(StateMatcher.mismatches(expected, state)).as(name).isEmpty();
        // the events list has one result per input line, in order
        assertThat(state.get("events").size()).isEqualTo(expected.get("events").size());
    }
}

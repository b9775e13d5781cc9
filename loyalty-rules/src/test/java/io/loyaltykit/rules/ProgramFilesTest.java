package io.loyaltykit.rules;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.program.CalendarUnit;
import io.loyaltykit.program.Combine;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.program.TierPolicy;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Program files load into the same Program the fluent API builds; JSON and YAML are the same tree. */
class ProgramFilesTest {

    static Path resource(String name) {
        try {
            return Path.of(ProgramFilesTest.class.getResource("/programs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSalonProgramLoadsWithNoProblems() {
        ProgramFiles.Validation v = ProgramFiles.validate(resource("salon-program.json"));
        assertThat(v.problems()).isEmpty();
        Program p = v.program();
        assertThat(p.id()).isEqualTo("lotus-salon");
        assertThat(p.name()).isEqualTo("莲花美发 会员计划");
        assertThat(p.earn()).hasSize(12);
        assertThat(p.tiers().levels()).extracting(TierLevel::id).containsExactly("regular", "silver", "gold");
        assertThat(p.rewards()).hasSize(3);
        assertThat(p.packages()).hasSize(1);
        assertThat(p.earn().get(7).filter().when().source())
                .isEqualTo("line.sku.startsWith('COLOR-') && member.tags.contains('colour')");
    }

    @Test
    void aFileBuildsExactlyWhatTheFluentApiBuilds() {
        Program fromFile = ProgramFiles.load(resource("tiers.json"));
        Program fluent = Program.builder("tiers").name("tiers and multipliers").currency("CNY").zone("Asia/Shanghai")
                .tiers(TierPolicy.on(TierPolicy.Metric.SPEND).window("lifetime")
                        .level("regular", "Regular", "0")
                        .level(TierLevel.of("silver", "Silver", "1000.00").earnMultiplier("1.5")))
                .multipliers(Combine.MAX)
                .earn(Earn.rate("base").points(1).per("1.00"))
                .earn(Earn.multiplier("may-day", "2").from("2026-05-01").to("2026-05-07").categories("service"))
                .build();
        assertThat(fromFile).isEqualTo(fluent);
    }

    @Test
    void yamlIsTheSameTreeAsJson() throws Exception {
        String yaml = """
                program: tiers
                name: tiers and multipliers
                currency: CNY
                timezone: Asia/Shanghai
                tiers:
                  metric: spend
                  window: lifetime
                  levels:
                    - {id: regular, name: Regular, threshold: "0"}
                    - {id: silver, name: Silver, threshold: "1000.00", earnMultiplier: 1.5}
                multipliers: max
                earn:
                  - {id: base, on: purchase, rate: {points: 1, per: "1.00"}}
                  - id: may-day
                    on: purchase
                    from: "2026-05-01"
                    to: "2026-05-07"
                    categories: [service]
                    multiplier: 2
                """;
        assertThat(ProgramFiles.parse(yaml, "tiers.yaml")).isEqualTo(ProgramFiles.load(resource("tiers.json")));
        Path file = Files.createTempFile("tiers", ".yml");
        try {
            Files.writeString(file, yaml);
            assertThat(ProgramFiles.load(file)).isEqualTo(ProgramFiles.load(resource("tiers.json")));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void everySectionOfTheFormatReachesTheProgram() {
        Program p = ProgramFiles.load(resource("salon-program.json"));
        assertThat(p.points().pending().toString()).isEqualTo("P7D");
        assertThat(p.cashOffset().maxShare()).isEqualByComparingTo("0.5");
        assertThat(p.cashOffset().respectCost()).isTrue();
        assertThat(p.reward("coupon-50").tiers()).containsExactlyInAnyOrder("silver", "gold");
        assertThat(p.reward("free-wash").limit().per()).isEqualTo(CalendarUnit.MONTH);
        assertThat(p.referral().levels()).hasSize(2);
        assertThat(p.storedValue().topUpBonus()).hasSize(2);
        assertThat(p.pkg("cut-10").covers()).containsExactly("CUT-01");
        assertThat(p.walkInClaimWithin().toString()).isEqualTo("P30D");
        assertThat(p.earn().get(11).cap().points()).isEqualTo(20);
    }

    @Test
    void aProgramThatCannotLoadThrowsWithEveryProblem() {
        assertThatThrownBy(() -> ProgramFiles.parse("{\"program\": \"Bad Id\", \"currency\": \"CNY\"}", "p.json"))
                .isInstanceOf(ProgramFileException.class)
                .satisfies(e -> {
                    ProgramFileException pe = (ProgramFileException) e;
                    assertThat(pe.code()).isEqualTo(ErrorCode.INVALID_PROGRAM);
                    assertThat(pe.problems()).extracting(ProgramFileProblem::path).contains("$.program", "$.timezone");
                });
    }
}

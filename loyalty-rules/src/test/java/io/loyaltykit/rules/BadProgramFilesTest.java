package io.loyaltykit.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad program files: every problem at once, each with the exact file, line, column, JSON path, rule id and
 * message; nothing loaded.
 */
class BadProgramFilesTest {

    private static List<String> problems(String text, String file) {
        ProgramFiles.Validation v = ProgramFiles.validate(text, file);
        assertThat(v.program()).as("nothing is loaded").isNull();
        return v.problems().stream().map(ProgramFileProblem::toString).toList();
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsLocation() {
        String text = """
                {
                  "program": "salon",
                  "name": "Bad salon",
                  "currency": "CNY",
                  "timezone": "Asia/Shanghai",
                  "points": {"rounding": "down", "expiry": {"after": "12 months"}},
                  "tiers": {"metric": "spend", "window": "lifetime",
                            "levels": [{"id": "regular", "name": "R", "threshold": 0},
                                       {"id": "silver", "name": "S", "threshold": "1000.00", "earnMultipler": 1.2}]},
                  "earn": [
                    {"id": "base", "on": "purchase", "rate": {"points": 1, "per": "1.00"}},
                    {"id": "base", "on": "purchase", "rate": {"points": 2, "per": "1.00"}, "categories": ["retail"]},
                    {"id": "weekday", "on": "purchase", "multiplier": 2, "daysOfWeek": ["TUESDAY", "Funday"]},
                    {"id": "checkin", "on": "checkin", "points": 5, "multiplier": 2},
                    {"id": "bday", "on": "enroll", "multiplier": 2}
                  ]
                }
                """;
        assertThat(problems(text, "salon.json")).containsExactly(
                "salon.json:6:26: error: $.points.rounding: 'rounding' must be one of ceiling, floor, half_even, "
                        + "half_up, got 'down'",
                "salon.json:6:54: error: $.points.expiry.after: 'after' must be an ISO-8601 period such as \"P7D\" "
                        + "or \"P12M\", got '12 months'",
                "salon.json:8:68: error: $.tiers.levels[0].threshold [regular]: amounts are decimal strings: "
                        + "write \"0\"",
                "salon.json:9:95: error: $.tiers.levels[1].earnMultipler [silver]: unknown field 'earnMultipler': "
                        + "did you mean 'earnMultiplier'?",
                "salon.json:12:12: error: $.earn[1].id [base]: duplicate rule id 'base'",
                "salon.json:13:84: error: $.earn[2].daysOfWeek[1] [weekday]: unknown day 'Funday': use MONDAY ... "
                        + "SUNDAY",
                "salon.json:14:50: error: $.earn[3].points [checkin]: a rule pays one way; this one has multiplier "
                        + "and points: split it into two rules",
                "salon.json:15:50: error: $.earn[4].multiplier [bday]: a multiplier applies on purchase only");
    }

    @Test
    void aSyntaxErrorNamesWhereTheParserStopped() {
        assertThat(problems("{\"program\": \"x\",\n  \"currency\": \"CNY\" \"timezone\": \"UTC\"}\n", "p.json"))
                .containsExactly("p.json:2:21: error: $.currency: JSON syntax: Unexpected character ('\"' (code 34)): "
                        + "was expecting comma to separate Object entries");
    }

    @Test
    void yamlProblemsAreLocatedToo() {
        String text = """
                program: x
                currency: CNY
                timezone: UTC
                earn:
                  - id: a
                    on: purchase
                    rate: {points: 1, per: 1.00}
                  - id: b
                    on: birthday
                    points: 3
                """;
        assertThat(problems(text, "p.yaml")).containsExactly(
                "p.yaml:7:28: error: $.earn[0].rate.per [a]: amounts are decimal strings: write \"1.00\"",
                "p.yaml:9:9: error: $.earn[1].on [b]: 'on' must be purchase, enroll, topup, checkin or event:NAME, "
                        + "got 'birthday'");
    }

    @Test
    void aDuplicateKeyIsAnErrorNotASilentOverwrite() {
        assertThat(problems("{\"program\": \"a\", \"program\": \"b\", \"currency\": \"CNY\", \"timezone\": \"UTC\"}",
                "p.json")).containsExactly("p.json:1:18: error: $.program: JSON syntax: duplicate key 'program'");
    }

    @Test
    void requiredFieldsAreNamedAtTheObjectMissingThem() {
        String text = """
                {"program": "x", "currency": "CNY", "timezone": "UTC",
                 "earn": [{"on": "purchase", "rate": {"points": 1}}],
                 "redeem": {"rewards": [{"id": "gift", "points": 10}]}}
                """;
        assertThat(problems(text, "p.json")).containsExactly(
                "p.json:2:11: error: $.earn[0].id: 'id' is required",
                "p.json:3:25: error: $.redeem.rewards[0].kind [gift]: 'kind' is required: gift, coupon or service");
    }

    @Test
    void emptyFilterListsAndEmptyHoursAreRefused() {
        String text = """
                {"program": "x", "currency": "CNY", "timezone": "UTC",
                 "earn": [{"id": "r", "on": "purchase", "rate": {"points": 1, "per": "1.00"}, "categories": [],
                           "hours": {"from": "10:00", "to": "10:00"}}]}
                """;
        assertThat(problems(text, "p.json")).containsExactly(
                "p.json:2:93: error: $.earn[0].categories [r]: 'categories' is empty; leave it out to mean every one",
                "p.json:3:21: error: $.earn[0].hours [r]: hours 'from' and 'to' are both 10:00: the window is empty "
                        + "(a window past midnight is written from 22:00 to 02:00)");
    }

    @Test
    void unknownCurrencyAndZoneAreNamed() {
        assertThat(problems("{\"program\": \"x\", \"currency\": \"XYZ\", \"timezone\": \"Mars/Olympus\"}", "p.json"))
                .containsExactly(
                        "p.json:1:30: error: $.currency: unknown currency 'XYZ': use an ISO 4217 code such as CNY",
                        "p.json:1:49: error: $.timezone: unknown timezone 'Mars/Olympus': use an IANA zone such as "
                                + "Asia/Shanghai");
    }

    @Test
    void aConditionReachingOutsideTheSandboxIsRefusedAtItsToken() {
        String text = """
                {"program": "x", "currency": "CNY", "timezone": "UTC",
                 "earn": [{"id": "sneaky", "on": "purchase", "multiplier": 2,
                           "when": "member.tier == 'gold' || java.lang.Runtime.getRuntime().exec('rm -rf /') != null"}]}
                """;
        assertThat(problems(text, "p.json")).containsExactly("p.json:3:46: error: $.earn[0].when [sneaky]: rule "
                + "'sneaky': 'java' is not allowed: conditions cannot name classes by package [token 'java' at column 26]");
    }

    @Test
    void aPlainYamlConditionIsLocatedAtItsTokenToo() {
        String text = """
                program: x
                currency: CNY
                timezone: UTC
                earn:
                  - id: sneaky
                    on: purchase
                    multiplier: 2
                    when: member.tier == 'gold' || line.getClass() != null
                """;
        assertThat(problems(text, "p.yaml")).containsExactly("p.yaml:8:41: error: $.earn[0].when [sneaky]: rule "
                + "'sneaky': 'getClass' is not allowed: conditions cannot reach classes or reflection "
                + "[token 'getClass' at column 31]");
    }
}

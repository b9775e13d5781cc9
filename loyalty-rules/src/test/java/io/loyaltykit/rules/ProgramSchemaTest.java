package io.loyaltykit.rules;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema shipped for editors agrees with the loader: every valid example passes both, every invalid
 * one fails both.
 */
class ProgramSchemaTest {
    private static Schema schema;

    private static final String BASE = """
            {"program": "p", "name": "P", "currency": "CNY", "timezone": "Asia/Shanghai",
             "points": {"rounding": "floor", "expiry": {"after": "P12M", "roundUpTo": "month"}},
             "tiers": {"metric": "spend", "window": "P12M", "downgrade": {"grace": "P30D"},
                       "levels": [{"id": "regular", "name": "R", "threshold": "0"},
                                  {"id": "silver", "name": "S", "threshold": "1000.00", "earnMultiplier": 1.2}]},
             "earn": [{"id": "base", "on": "purchase", "rate": {"points": 1, "per": "1.00"}},
                      {"id": "welcome", "on": "enroll", "points": 100}],
             "redeem": {"cashOffset": {"points": 100, "value": "1.00", "maxShare": 0.5, "step": 100},
                        "rewards": [{"id": "gift", "name": "Gift", "kind": "gift", "points": 500, "stock": 3}]},
             "storedValue": {"topUpBonus": [{"atLeast": "500.00", "bonus": "50.00"}], "spendOrder": "proportional"},
             "packages": [{"id": "cut-10", "name": "Cuts", "sku": "PKG", "uses": 10, "covers": ["CUT"], "validFor": "P12M"}],
             "walkIns": {"claimWithin": "P30D"}}
            """;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = ProgramFiles.class.getResourceAsStream(ProgramFiles.SCHEMA_RESOURCE)) {
            assertThat(in).as("the schema ships in the jar").isNotNull();
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static List<Error> schemaErrors(String json) {
        return schema.validate(json, InputFormat.JSON);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ProgramSchemaTest.class.getResourceAsStream("/programs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scenarios/01-basic-earning.json", "scenarios/02-tiers-multipliers.json",
            "scenarios/03-cash-offset-rewards.json", "scenarios/04-returns-pending-expiry.json",
            "scenarios/05-stored-value-packages.json", "scenarios/06-referral-checkin-walkins.json",
            "tiers.json"})
    void validFilesPassBoth(String name) throws IOException {
        String json = resource(name);
        assertThat(schemaErrors(json)).as("schema").isEmpty();
        assertThat(ProgramFiles.validate(json, name).hasErrors()).as("loader").isFalse();
    }

    @org.junit.jupiter.api.Test
    void theSalonProgramPassesTheSchema() throws IOException {
        assertThat(schemaErrors(resource("salon-program.json"))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theBaseOfTheInvalidCasesIsValid() {
        assertThat(schemaErrors(BASE)).isEmpty();
        assertThat(ProgramFiles.validate(BASE, "base.json").hasErrors()).isFalse();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("unknown top-level field", BASE.replace("\"name\": \"P\"", "\"nmae\": \"P\"")),
                Arguments.of("amount as a number", BASE.replace("\"threshold\": \"1000.00\"", "\"threshold\": 1000")),
                Arguments.of("unknown rounding", BASE.replace("\"floor\"", "\"down\"")),
                Arguments.of("program id pattern", BASE.replace("\"program\": \"p\"", "\"program\": \"My Program\"")),
                Arguments.of("missing currency", BASE.replace("\"currency\": \"CNY\",", "")),
                Arguments.of("rule without id", BASE.replace("{\"id\": \"base\", ", "{")),
                Arguments.of("rule paying two ways", BASE.replace("\"points\": 100}]", "\"points\": 100, \"multiplier\": 2}]")),
                Arguments.of("rule paying nothing", BASE.replace(", \"points\": 100}]", "}]")),
                Arguments.of("unknown trigger", BASE.replace("\"on\": \"enroll\"", "\"on\": \"birthday\"")),
                Arguments.of("empty category list", BASE.replace("\"rate\": {\"points\": 1, \"per\": \"1.00\"}}",
                        "\"rate\": {\"points\": 1, \"per\": \"1.00\"}, \"categories\": []}")),
                Arguments.of("unknown field in a rate", BASE.replace("\"per\": \"1.00\"}", "\"per\": \"1.00\", \"every\": 2}")),
                Arguments.of("reward kind", BASE.replace("\"kind\": \"gift\"", "\"kind\": \"voucher\"")),
                Arguments.of("tiers without levels", BASE.replace("\"downgrade\": {\"grace\": \"P30D\"},", "\"downgrade\": {\"grace\": \"P30D\"}}, \"x\": {")),
                Arguments.of("expiry never false", BASE.replace("{\"after\": \"P12M\", \"roundUpTo\": \"month\"}", "{\"never\": false}")),
                Arguments.of("period not ISO", BASE.replace("\"claimWithin\": \"P30D\"", "\"claimWithin\": \"30 days\"")),
                Arguments.of("stored value order", BASE.replace("\"proportional\"", "\"random\"")),
                Arguments.of("package without covers", BASE.replace(", \"covers\": [\"CUT\"]", "")),
                Arguments.of("rate points as text", BASE.replace("\"points\": 1, \"per\"", "\"points\": \"one\", \"per\"")),
                Arguments.of("top level is an array", "[" + BASE + "]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidFilesFailBoth(String name, String json) {
        assertThat(schemaErrors(json)).as("schema").isNotEmpty();
        assertThat(ProgramFiles.validate(json, "p.json").hasErrors()).as("loader").isTrue();
    }
}

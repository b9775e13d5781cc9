package io.loyaltykit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Profile;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReferralPolicy;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.program.TierPolicy;
import io.loyaltykit.report.internal.HtmlPage;
import io.loyaltykit.report.internal.Json;
import io.loyaltykit.store.LoyaltyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.loyaltykit.report.ReportFixtures.AS_OF;
import static io.loyaltykit.report.ReportFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

/** The page: escaped text, data that survives hostile names, one file with nothing fetched. */
class ReplayReportHtmlTest {
    /** Text that breaks out of an element, an attribute or a script block when not escaped. */
    static final String HOSTILE_NAME = "</script><script>alert('x')</script> 张三 & \"Q\" <img src=x onerror=alert(1)>";
    static final String HOSTILE_MEMBER = "m<1>&\"'";
    static final String HOSTILE_RULE = "<b>bonus</b>&'\"规则\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A program whose name and rule ids, and a store whose member ids and names, are all hostile. */
    static ReplayReport hostileReport() {
        Program program = Program.builder("hostile").name("<h1>Évil</h1> & \"Salon\" 莲花 </title>").currency("CNY")
                .zone("Asia/Shanghai")
                .tiers(TierPolicy.on(TierPolicy.Metric.SPEND).window("lifetime")
                        .level("regular", "<i>普通</i>", "0").level(TierLevel.of("vip", "V&I\"P", "100.00")))
                .earn(Earn.rate(HOSTILE_RULE).points(1).per("1.00"))
                .earn(Earn.onEnroll("welcome").points(10))
                .referral(ReferralPolicy.on(ReferralPolicy.TriggerKind.ENROLL).level(30))
                .build();
        List<Event> events = new ArrayList<>();
        events.add(new Enroll("e1", at("2026-03-02T10:00"), HOSTILE_MEMBER,
                new Profile(HOSTILE_NAME, null, null, null, List.of()), null, null, null, List.of()));
        events.add(new Enroll("e2", at("2026-03-03T10:00"), "m2", Profile.empty(), HOSTILE_MEMBER, null, null, List.of()));
        events.add(Purchase.builder("p1", at("2026-03-04T10:00")).member(HOSTILE_MEMBER)
                .line("1", "CUT-01", "service", "1", "128.00").tender("cash", "128.00").build());
        LoyaltyStore store = ReportFixtures.store(program, events);
        return ReplayReport.collect(program, store, at("2026-03-10T10:00"));
    }

    @Test
    void hostileTextIsEscapedEverywhere() {
        ReplayReport r = hostileReport();
        assertThat(r.topReferrers()).singleElement().satisfies(x -> {
            assertThat(x.member()).isEqualTo(HOSTILE_MEMBER);
            assertThat(x.name()).isEqualTo(HOSTILE_NAME);
            assertThat(x.points()).isEqualTo(30);
        });
        assertThat(r.topRules()).extracting(ReplayReport.RuleTotal::rule).contains(HOSTILE_RULE);
        String html = r.toHtml();

        // exactly the page's own three scripts and one heading: nothing from the data became markup
        assertThat(count(html, "<script")).isEqualTo(3);
        assertThat(count(html, "</script>")).isEqualTo(3);
        assertThat(count(html, "<h1")).isEqualTo(1);
        assertThat(count(html, "</title>")).isEqualTo(1);
        assertThat(html).doesNotContain("<img").doesNotContain("<b>bonus").doesNotContain("<i>普通");
        assertThat(html).doesNotContain("alert('x')</script>");

        // as text, escaped
        assertThat(html).contains("&lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 张三 &amp; &quot;Q&quot;");
        assertThat(html).contains("<code>m&lt;1&gt;&amp;&quot;&#39;</code>");
        assertThat(html).contains("<code>&lt;b&gt;bonus&lt;/b&gt;&amp;&#39;&quot;规则&quot;</code>");
        assertThat(html).contains("<h1>&lt;h1&gt;Évil&lt;/h1&gt; &amp; &quot;Salon&quot; 莲花 &lt;/title&gt;</h1>");

        // in the data block, intact once parsed
        Map<String, Object> data = dataBlock(html);
        assertThat(data.get("name")).isEqualTo("<h1>Évil</h1> & \"Salon\" 莲花 </title>");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> referrers = (List<Map<String, Object>>) data.get("referrers");
        assertThat(referrers.get(0)).containsEntry("member", HOSTILE_MEMBER).containsEntry("name", HOSTILE_NAME);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tiers = (List<Map<String, Object>>) data.get("tiers");
        assertThat(tiers).extracting(t -> t.get("name")).containsExactly("<i>普通</i>", "V&I\"P");
    }

    @Test
    void theDataBlockCarriesTheReportFigures() throws Exception {
        ReplayReport r = ReplayReport.collect(ReportFixtures.program(true),
                ReportFixtures.store(ReportFixtures.program(true), ReportFixtures.events(true)), AS_OF);
        JsonNode d = JSON.readTree(dataText(r.toHtml()));
        assertThat(d.get("periods")).hasSize(32);
        JsonNode last = d.get("periods").get(31);
        assertThat(last.get("start").asText()).isEqualTo("2026-04-02");
        assertThat(last.get("expired").asLong()).isEqualTo(50);
        assertThat(last.get("outstanding").asLong()).isEqualTo(949);
        assertThat(last.get("outstandingValue").asText()).isEqualTo("CNY 9.49");
        assertThat(last.get("principal").decimalValue()).isEqualByComparingTo("301.00");
        assertThat(d.get("offset").get("text").asText()).isEqualTo("100 points = CNY 1.00");
        assertThat(d.get("tiers").get(1).get("share").asText()).isEqualTo("33.3%");
        assertThat(d.get("rules").get(2).get("net").asLong()).isEqualTo(250);
        assertThat(d.get("asOf").asText()).isEqualTo("2026-04-02 10:00:00 +08:00");
    }

    @Test
    void thePageIsSelfContained(@TempDir Path dir) throws Exception {
        Program program = ReportFixtures.program(true);
        ReplayReport r = ReplayReport.collect(program, ReportFixtures.store(program, ReportFixtures.events(true)), AS_OF);
        Path file = dir.resolve("report.html");
        r.write(file);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html).isEqualTo(r.toHtml());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
                .contains("Content-Security-Policy\" content=\"default-src 'none';");
        // nothing to fetch: no external script, style, image, font or frame
        assertThat(html).doesNotContainPattern("(?i)\\b(src|href)\\s*=")
                .doesNotContainPattern("(?i)<link\\b").doesNotContainPattern("(?i)@import")
                .doesNotContainPattern("(?i)url\\(").doesNotContainPattern("(?i)<iframe");
        for (String id : HtmlPage.CHARTS) {
            assertThat(html).contains("<svg id=\"" + id + "\" class=\"chart\"");
        }
        // the bytes are UTF-8: the Chinese name survives a round trip through the file
        assertThat(html).contains("莲花");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "</script>", "<!--", "a\u2028b\u2029c", "tab\there\nline\r", "\u0000\u001f",
            "quote\"back\\slash", "emoji 😀 中文", "]]>&amp;"})
    void jsonStringsRoundTripAndNeverCloseAScript(String s) throws Exception {
        String json = Json.write(Map.of("k", s));
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("\u2028").doesNotContain("\u2029");
        assertThat(JSON.readTree(json).get("k").asText()).isEqualTo(s);
    }

    static Map<String, Object> dataBlock(String html) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = JSON.readValue(dataText(html), Map.class);
            return m;
        } catch (Exception e) {
            throw new AssertionError("data block is not JSON", e);
        }
    }

    static String dataText(String html) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("data block present").isTrue();
        return m.group(1);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}

package io.loyaltykit.report;

import io.loyaltykit.Loyalty;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Profile;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReturnsPolicy;
import io.loyaltykit.report.internal.HtmlPage;
import io.loyaltykit.store.LoyaltyStore;
import io.loyaltykit.support.EventStreams;
import io.loyaltykit.support.TestPrograms;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Renders the report of a generated salon year in headless Chromium: the page's script must run without
 * error and draw every chart with a real size and real marks, and the screenshot must show them. Skipped
 * when {@code /usr/bin/chromium} is absent, unless {@code LOYALTY_REQUIRE_BROWSER=true}.
 */
class ReplayReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Duration BROWSER_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");
    /** The colour of the issued bars and the outstanding line (report.js): present only if the charts drew. */
    private static final int ISSUED_BLUE = 0x2f80ed;

    private static final String MISSING = CHROMIUM + " not found: the browser test of the HTML report is skipped"
            + " (install it with .ci/install-chromium; LOYALTY_REQUIRE_BROWSER=true makes this a failure)";

    @TempDir
    static Path dir;
    static Path page;
    static ReplayReport report;

    @BeforeAll
    static void writeReport() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equalsIgnoreCase(System.getenv("LOYALTY_REQUIRE_BROWSER"))) {
                fail(CHROMIUM + " not found and LOYALTY_REQUIRE_BROWSER=true: install it with .ci/install-chromium");
            }
            System.err.println("[ReplayReportBrowserTest] " + MISSING);
            return;
        }
        Program program = TestPrograms.salon(ReturnsPolicy.WITHIN_BALANCE, false);
        LoyaltyStore store = LoyaltyStore.inMemory();
        Loyalty loyalty = Loyalty.builder(program).store(store).build();
        List<Event> events = new ArrayList<>(EventStreams.generate(7, 60, 1000, "", true));
        Instant last = events.get(events.size() - 1).at();
        // a referrer whose name would run script if it ever became markup
        events.add(new Enroll("h1", last.plusSeconds(60), "h<1>", new Profile(
                "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> 张三 & \"Q\"", null, null, null,
                List.of()), null, null, null, List.of()));
        for (int i = 0; i < 6; i++) {
            String m = "hr" + i;
            events.add(new Enroll("he" + i, last.plusSeconds(120 + i), m, Profile.empty(), "h<1>", null, null, List.of()));
            events.add(Purchase.builder("hp" + i, last.plusSeconds(200 + i)).member(m)
                    .line("1", "PERM-01", "service", "1", "520.00").tender("cash", "520.00").build());
        }
        events.forEach(loyalty::apply);
        report = ReplayReport.collect(program, store, last.plus(Duration.ofDays(8)));
        assertThat(report.topReferrers().get(0).member()).isEqualTo("h<1>");
        page = dir.resolve("report.html");
        report.write(page);
    }

    @Test
    void chartsDrawWithoutErrors() throws Exception {
        Assumptions.assumeTrue(page != null, MISSING);
        String dom = chromium("dom", "--dump-dom");
        Matcher body = Pattern.compile("<body([^>]*)>").matcher(dom);
        assertThat(body.find()).as("a body in the dumped DOM:%n%s", head(dom)).isTrue();
        Map<String, String> status = attributes(body.group(1));
        assertThat(status).as("page status").containsEntry("data-errors", "0").containsEntry("data-render", "ok")
                .containsEntry("data-charts", String.valueOf(HtmlPage.CHARTS.size()))
                .doesNotContainKey("data-pwned").doesNotContainKey("data-error-messages");

        Map<String, Map<String, String>> charts = new HashMap<>();
        Matcher svg = Pattern.compile("<svg([^>]*)>").matcher(dom);
        while (svg.find()) {
            Map<String, String> a = attributes(svg.group(1));
            if ("chart".equals(a.get("class"))) {
                charts.put(a.get("id"), a);
            }
        }
        assertThat(charts.keySet()).containsExactlyInAnyOrderElementsOf(HtmlPage.CHARTS);
        for (String id : HtmlPage.CHARTS) {
            Map<String, String> a = charts.get(id);
            assertThat(Integer.parseInt(a.get("data-width"))).as("%s width", id).isGreaterThan(200);
            assertThat(Integer.parseInt(a.get("data-height"))).as("%s height", id).isGreaterThan(150);
            assertThat(Integer.parseInt(a.get("data-marks"))).as("%s marks", id).isGreaterThan(3);
            assertThat(a).as("%s drew data, not the empty state", id).doesNotContainKey("data-empty");
        }
        // a bar per period with points issued, drawn by the script
        long issuedPeriods = report.periods().stream().filter(p -> p.issued() > 0).count();
        assertThat(count(dom, "class=\"bar-issued\"")).isEqualTo(issuedPeriods);
        // the hostile name is text in the DOM, drawn by the referrers chart as well as in the table
        assertThat(dom).doesNotContain("<img");
        assertThat(count(dom, "&lt;img src=x onerror=")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void screenshotShowsTheCharts() throws Exception {
        Assumptions.assumeTrue(page != null, MISSING);
        Path png = dir.resolve("report.png");
        chromium("shot", "--screenshot=" + png);
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(50_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(2400);
        Set<Integer> colours = new HashSet<>();
        long blue = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb == ISSUED_BLUE) {
                    blue++;
                }
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(100);
        assertThat(blue).as("pixels of the issued bars' blue").isGreaterThan(2_000);
    }

    /** Runs headless Chromium on the page with a fresh profile; returns its standard output. */
    private static String chromium(String name, String... args) throws Exception {
        Path profile = Files.createDirectory(dir.resolve("profile-" + name));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-quic", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,2400", "--hide-scrollbars",
                "--virtual-time-budget=5000"));
        cmd.addAll(List.of(args));
        cmd.add(page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(BROWSER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            fail("chromium did not finish within " + BROWSER_TIMEOUT.toSeconds() + " s: " + cmd + "\n" + tail(err));
        }
        assertThat(p.exitValue()).as("chromium exit status; stderr:%n%s", tail(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> m = new HashMap<>();
        Matcher a = ATTRIBUTE.matcher(tag);
        while (a.find()) {
            m.put(a.group(1), a.group(2));
        }
        return m;
    }

    private static long count(String s, String what) {
        long n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String head(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }

    private static String tail(Path file) throws IOException {
        String s = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        return s.length() > 3000 ? "..." + s.substring(s.length() - 3000) : s;
    }
}

package io.loyaltykit.examples.unicenta;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.loyaltykit.Loyalty;
import io.loyaltykit.examples.common.MainArgs;
import io.loyaltykit.examples.common.Outcome;
import io.loyaltykit.examples.common.SalonProgram;
import io.loyaltykit.program.Program;
import io.loyaltykit.store.LoyaltyStore;
import org.h2.jdbcx.JdbcDataSource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * Polls a uniCenta database with the salon program and prints what each ticket earned.
 *
 * <pre>
 * java -cp ... io.loyaltykit.examples.unicenta.UnicentaPollerMain \
 *      --jdbc-url jdbc:mysql://till:3306/unicentaopos --user pos --password secret \
 *      [--since 2026-03-01T00:00] [--every 30] [--store salon-1] [--enroll]
 * </pre>
 *
 * The ledger here lives in memory, so the mark is kept in memory too and every run replays from
 * {@code --since} (default: today); with a persistent LoyaltyKit store, keep the mark in uniCenta's
 * database instead (the poller's default).
 */
public final class UnicentaPollerMain {
    private UnicentaPollerMain() {
    }

    /** Runs until interrupted. */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = MainArgs.parse(args);
        String url = opts.get("jdbc-url");
        if (url == null) {
            System.err.println("usage: UnicentaPollerMain --jdbc-url URL [--user U] [--password P] [--since DATE-TIME]"
                    + " [--every SECONDS] [--store ID] [--enroll]");
            System.exit(2);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(opts.get("user"));
        config.setPassword(opts.get("password"));
        config.setMaximumPoolSize(2);
        config.setReadOnly(true);
        JdbcDataSource marks = new JdbcDataSource();
        marks.setURL("jdbc:h2:mem:unicenta-marks;DB_CLOSE_DELAY=-1");

        Program program = SalonProgram.build();
        LoyaltyStore store = LoyaltyStore.inMemory();
        Loyalty loyalty = Loyalty.builder(program).store(store).build();
        UnicentaMapper mapper = UnicentaMapper.builder(program).store(opts.get("store")).build();
        UnicentaIntegration integration = UnicentaIntegration.builder(loyalty, store, mapper)
                .enrollUnknownMembers(opts.containsKey("enroll")).build();
        LocalDateTime since = opts.containsKey("since") ? LocalDateTime.parse(opts.get("since"))
                : LocalDate.now(program.zone()).atStartOfDay();
        try (HikariDataSource pos = new HikariDataSource(config);
             UnicentaPoller poller = UnicentaPoller.builder(pos, integration).cursorDataSource(marks).since(since).build()) {
            long every = Long.parseLong(opts.getOrDefault("every", "30"));
            System.out.println("polling " + url + " every " + every + "s from " + since + "; Ctrl-C stops");
            while (!Thread.currentThread().isInterrupted()) {
                UnicentaPoller.Report report = poller.poll();
                for (Outcome o : report.outcomes()) {
                    System.out.println(o.toMap());
                }
                Thread.sleep(Duration.ofSeconds(every).toMillis());
            }
        }
    }
}

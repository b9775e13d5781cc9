package io.loyaltykit.examples.unicenta;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.examples.common.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Reads uniCenta oPOS's tables over JDBC and applies new sales and refunds, for tills where a script is not
 * wanted or as the safety net behind one. Tables and columns are uniCenta 4.x's: {@code tickets},
 * {@code receipts}, {@code ticketlines}, {@code payments}, {@code customers}, {@code products},
 * {@code taxes}.
 *
 * <p>Exactly once: each ticket's event id comes from its ticket number (see {@link UnicentaMapper}), so
 * LoyaltyKit itself refuses a second application. The poller keeps a high-water mark of
 * {@code RECEIPTS.DATENEW} in a table of its own ({@code LOYALTYKIT_CURSOR}, created when missing) and each
 * poll re-reads from the mark minus an overlap (default ten minutes), because a till's clock or a slow
 * transaction can commit a ticket dated before one already seen. Tickets of the overlap whose event
 * LoyaltyKit already recorded are not sent again; rejected ones are (a customer enrolled in the meantime
 * may now be accepted). A crash between applying and moving the mark only means the next poll finds those
 * tickets recorded.
 *
 * <pre>{@code
 * UnicentaPoller poller = UnicentaPoller.builder(posDataSource, integration).build();
 * UnicentaPoller.Report report = poller.poll();      // or poller.start(Duration.ofSeconds(30))
 * }</pre>
 */
public final class UnicentaPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UnicentaPoller.class);
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final String TICKETS = "SELECT T.ID, T.TICKETTYPE, T.TICKETID, T.PERSON, T.STATUS, R.DATENEW,"
            + " C.ID, C.SEARCHKEY, C.NAME, C.CARD"
            + " FROM tickets T JOIN receipts R ON R.ID = T.ID LEFT OUTER JOIN customers C ON C.ID = T.CUSTOMER"
            + " WHERE T.TICKETTYPE IN (0, 1) AND (R.DATENEW > ? OR (R.DATENEW = ? AND T.ID > ?))"
            + " ORDER BY R.DATENEW, T.ID";
    private static final String LINES = "SELECT L.LINE, L.PRODUCT, L.UNITS, L.PRICE, L.ATTRIBUTES, TX.RATE,"
            + " P.REFERENCE, P.NAME, P.CATEGORY, P.ISSERVICE"
            + " FROM ticketlines L LEFT OUTER JOIN taxes TX ON TX.ID = L.TAXID"
            + " LEFT OUTER JOIN products P ON P.ID = L.PRODUCT"
            + " WHERE L.TICKET = ? ORDER BY L.LINE";
    private static final String PAYMENTS = "SELECT PAYMENT, TOTAL FROM payments WHERE RECEIPT = ?";

    private final DataSource pos;
    private final DataSource cursorDb;
    private final UnicentaIntegration integration;
    private final ZoneId zone;
    private final String cursorTable;
    private final String cursorName;
    private final Duration overlap;
    private final int batchSize;
    private final LocalDateTime since;
    private ScheduledExecutorService timer;
    private boolean cursorTableReady;

    private UnicentaPoller(Builder b) {
        this.pos = b.pos;
        this.cursorDb = b.cursorDb == null ? b.pos : b.cursorDb;
        this.integration = b.integration;
        this.zone = b.zone == null ? b.integration.loyalty().program().zone() : b.zone;
        this.cursorTable = b.cursorTable;
        this.cursorName = b.cursorName;
        this.overlap = b.overlap;
        this.batchSize = b.batchSize;
        this.since = b.since;
    }

    /**
     * A builder.
     *
     * @param pos         uniCenta's database
     * @param integration where tickets go
     */
    public static Builder builder(DataSource pos, UnicentaIntegration integration) {
        return new Builder(pos, integration);
    }

    /**
     * What one poll did.
     *
     * @param applied         tickets applied now
     * @param duplicates      tickets LoyaltyKit had applied already with the same content
     * @param rejected        tickets refused (mapping or engine), to be tried again while in the overlap
     * @param alreadyRecorded tickets of the overlap found recorded and not sent again
     * @param mark            the high-water mark of {@code RECEIPTS.DATENEW} after the poll, or null
     * @param outcomes        the outcome of every ticket sent, in order
     */
    public record Report(int applied, int duplicates, int rejected, int alreadyRecorded, LocalDateTime mark,
                         List<Outcome> outcomes) {
        /** Copies the outcomes. */
        public Report {
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * Reads tickets from the mark minus the overlap, applies those not recorded yet, moves the mark. Throws
     * {@link ErrorCode#STORE_UNAVAILABLE} when the database or the store fails; the mark then stays where
     * the last fully handled page left it.
     */
    public synchronized Report poll() {
        try {
            ensureCursorTable();
            LocalDateTime mark = readMark();
            LocalDateTime from = mark == null ? since : mark.minus(overlap);
            if (since != null && from != null && from.isBefore(since)) {
                from = since;
            }
            if (from == null) {
                from = LocalDateTime.of(1970, 1, 1, 0, 0);
            }
            int applied = 0;
            int duplicates = 0;
            int rejected = 0;
            int recorded = 0;
            List<Outcome> outcomes = new ArrayList<>();
            LocalDateTime keyTime = from;
            String keyId = "";
            while (true) {
                List<TicketHead> page = page(keyTime, keyId);
                for (TicketHead head : page) {
                    String eventId = integration.mapper().eventId(head.type, head.number);
                    if (eventId != null && integration.originals().recorded(eventId)) {
                        recorded++;
                        continue;
                    }
                    Outcome o = integration.accept(load(head));
                    outcomes.add(o);
                    switch (o.status()) {
                        case Outcome.APPLIED -> applied++;
                        case Outcome.DUPLICATE -> duplicates++;
                        case Outcome.REJECTED -> rejected++;
                        default -> {
                        }
                    }
                }
                if (!page.isEmpty()) {
                    TicketHead last = page.get(page.size() - 1);
                    keyTime = last.datenew;
                    keyId = last.id;
                    if (mark == null || keyTime.isAfter(mark)) {
                        mark = keyTime;
                        writeMark(mark);
                    }
                }
                if (page.size() < batchSize) {
                    break;
                }
            }
            Report report = new Report(applied, duplicates, rejected, recorded, mark, outcomes);
            if (applied + duplicates + rejected > 0) {
                LOG.info("uniCenta poll: {} applied, {} duplicates, {} rejected, {} already recorded", applied,
                        duplicates, rejected, recorded);
            }
            return report;
        } catch (SQLException e) {
            throw new LoyaltyException(ErrorCode.STORE_UNAVAILABLE, "reading uniCenta's tables failed: " + e.getMessage(), e);
        }
    }

    /** Polls every {@code interval} on a background thread until {@link #close()}; failures are logged. */
    public synchronized void start(Duration interval) {
        if (timer != null) {
            throw new IllegalStateException("already started");
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "unicenta-poller");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                LOG.warn("uniCenta poll failed; trying again in {}", interval, e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops polling. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private record TicketHead(String id, int type, int number, String person, int status, LocalDateTime datenew,
                              TicketRows.Customer customer) {
    }

    private List<TicketHead> page(LocalDateTime afterTime, String afterId) throws SQLException {
        List<TicketHead> out = new ArrayList<>();
        try (Connection c = pos.getConnection(); PreparedStatement ps = c.prepareStatement(TICKETS)) {
            ps.setMaxRows(batchSize);
            ps.setObject(1, afterTime);
            ps.setObject(2, afterTime);
            ps.setString(3, afterId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String customerId = rs.getString(7);
                    TicketRows.Customer customer = customerId == null ? null
                            : new TicketRows.Customer(customerId, rs.getString(8), rs.getString(9), rs.getString(10));
                    out.add(new TicketHead(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getInt(5),
                            rs.getObject(6, LocalDateTime.class), customer));
                }
            }
        }
        return out;
    }

    private UnicentaTicket load(TicketHead head) throws SQLException {
        List<UnicentaTicketLine> lines = new ArrayList<>();
        List<UnicentaPayment> payments = new ArrayList<>();
        try (Connection c = pos.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(LINES)) {
                ps.setString(1, head.id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double rate = rs.getDouble(6);
                        lines.add(new TicketRows.LineRow(rs.getInt(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
                                rs.wasNull() ? 0 : rate, TicketRows.attributes(rs.getBytes(5)), rs.getString(7),
                                rs.getString(8), rs.getString(9), rs.getBoolean(10)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(PAYMENTS)) {
                ps.setString(1, head.id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        payments.add(new TicketRows.Payment(rs.getString(1), rs.getDouble(2)));
                    }
                }
            }
        }
        Date date = Date.from(head.datenew.atZone(zone).toInstant());
        return new TicketRows.Ticket(head.id, head.type, head.number, head.status, date, head.customer,
                head.person == null ? null : new TicketRows.User(head.person), lines, payments);
    }

    private void ensureCursorTable() throws SQLException {
        if (cursorTableReady) {
            return;
        }
        try (Connection c = cursorDb.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + cursorTable
                    + " (NAME VARCHAR(100) NOT NULL PRIMARY KEY, DATENEW VARCHAR(32) NOT NULL)");
        }
        cursorTableReady = true;
    }

    private LocalDateTime readMark() throws SQLException {
        try (Connection c = cursorDb.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT DATENEW FROM " + cursorTable + " WHERE NAME = ?")) {
            ps.setString(1, cursorName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? LocalDateTime.parse(rs.getString(1)) : null;
            }
        }
    }

    private void writeMark(LocalDateTime mark) throws SQLException {
        try (Connection c = cursorDb.getConnection()) {
            try (PreparedStatement up = c.prepareStatement("UPDATE " + cursorTable + " SET DATENEW = ? WHERE NAME = ?")) {
                up.setString(1, mark.toString());
                up.setString(2, cursorName);
                if (up.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement in = c.prepareStatement("INSERT INTO " + cursorTable + " (NAME, DATENEW) VALUES (?, ?)")) {
                in.setString(1, cursorName);
                in.setString(2, mark.toString());
                in.executeUpdate();
            }
        }
    }

    /** Builds a {@link UnicentaPoller}. */
    public static final class Builder {
        private final DataSource pos;
        private final UnicentaIntegration integration;
        private DataSource cursorDb;
        private ZoneId zone;
        private String cursorTable = "LOYALTYKIT_CURSOR";
        private String cursorName = "unicenta";
        private Duration overlap = Duration.ofMinutes(10);
        private int batchSize = 200;
        private LocalDateTime since;

        private Builder(DataSource pos, UnicentaIntegration integration) {
            this.pos = Objects.requireNonNull(pos, "pos");
            this.integration = Objects.requireNonNull(integration, "integration");
        }

        /** Where the mark is kept; default uniCenta's own database. */
        public Builder cursorDataSource(DataSource db) {
            this.cursorDb = Objects.requireNonNull(db, "db");
            return this;
        }

        /** The mark table; default {@code LOYALTYKIT_CURSOR}. */
        public Builder cursorTable(String table) {
            if (table == null || !TABLE_NAME.matcher(table).matches()) {
                throw new IllegalArgumentException("not a plain table name: " + table);
            }
            this.cursorTable = table;
            return this;
        }

        /** The mark's name, one per uniCenta database polled; default {@code unicenta}. */
        public Builder cursorName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the cursor name must not be blank");
            }
            this.cursorName = name;
            return this;
        }

        /** The zone {@code RECEIPTS.DATENEW} is written in (the till's); default the program's zone. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** How far before the mark each poll re-reads; default ten minutes. */
        public Builder overlap(Duration overlap) {
            if (overlap == null || overlap.isNegative()) {
                throw new IllegalArgumentException("the overlap must be zero or more");
            }
            this.overlap = overlap;
            return this;
        }

        /** Tickets read per query; default 200. */
        public Builder batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("the batch size must be positive");
            }
            this.batchSize = size;
            return this;
        }

        /** Ignore tickets dated before this (the day the loyalty program started); default none. */
        public Builder since(LocalDateTime since) {
            this.since = Objects.requireNonNull(since, "since");
            return this;
        }

        /** The poller. */
        public UnicentaPoller build() {
            return new UnicentaPoller(this);
        }
    }
}

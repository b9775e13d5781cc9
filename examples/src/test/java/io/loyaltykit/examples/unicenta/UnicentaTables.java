package io.loyaltykit.examples.unicenta;

import io.loyaltykit.examples.unicenta.fakepos.CustomerInfoExt;
import io.loyaltykit.examples.unicenta.fakepos.PaymentInfo;
import io.loyaltykit.examples.unicenta.fakepos.TicketInfo;
import io.loyaltykit.examples.unicenta.fakepos.TicketLineInfo;
import org.h2.jdbcx.JdbcDataSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * uniCenta's tables in an H2 database, written the way uniCenta's {@code DataLogicSales.saveTicket} writes
 * them: a {@code receipts} row with the ticket's properties as XML, a {@code tickets} row (a refund carries
 * the sale's number in {@code STATUS} and stamps its own number on the sale), {@code ticketlines} with the
 * product snapshot as XML, {@code payments}.
 */
final class UnicentaTables {
    final JdbcDataSource dataSource = new JdbcDataSource();
    private final Set<String> customers = new HashSet<>();
    private final Set<String> products = new HashSet<>();

    UnicentaTables(String name) {
        dataSource.setURL("jdbc:h2:mem:" + name + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
        try (InputStream in = UnicentaTables.class.getResourceAsStream("unicenta-4.3-h2.sql");
             Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String stmt : script.split(";")) {
                String sql = stmt.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim();
                if (!sql.isEmpty()) {
                    s.execute(sql);
                }
            }
            s.execute("INSERT INTO categories (id, name) VALUES ('cat-hair', 'Hair'), ('cat-care', 'Care')");
            s.execute("INSERT INTO taxes (id, name, category, rate) VALUES ('tax-0', 'None', 'tc-0', 0),"
                    + " ('tax-6', 'Services 6%', 'tc-6', 0.06), ('tax-13', 'Goods 13%', 'tc-13', 0.13)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves a ticket as uniCenta does. */
    void save(TicketInfo t) {
        try (Connection c = dataSource.getConnection()) {
            if (t.getCustomer() != null) {
                customer(c, t.getCustomer());
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO receipts (ID, MONEY, DATENEW, ATTRIBUTES, PERSON) VALUES (?, 'cash-1', ?, ?, ?)")) {
                ps.setString(1, t.getId());
                ps.setObject(2, LocalDateTime.ofInstant(t.getDate().toInstant(), Tickets.SHANGHAI));
                ps.setBytes(3, xml(new java.util.Properties()));
                ps.setString(4, t.getUser().getId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO tickets (ID, TICKETTYPE, TICKETID, PERSON, CUSTOMER, STATUS) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, t.getId());
                ps.setInt(2, t.getTicketType());
                ps.setInt(3, t.getTicketId());
                ps.setString(4, t.getUser().getId());
                ps.setString(5, t.getCustomerId());
                ps.setInt(6, t.getTicketStatus());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE tickets SET STATUS = ? WHERE TICKETTYPE = 0 AND TICKETID = ?")) {
                ps.setInt(1, t.getTicketId());
                ps.setInt(2, t.getTicketStatus());
                ps.executeUpdate();
            }
            for (TicketLineInfo l : t.getLines()) {
                if (l.getProductID() != null) {
                    product(c, l);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticketlines (TICKET, LINE, PRODUCT,"
                        + " ATTRIBUTESETINSTANCE_ID, UNITS, PRICE, TAXID, ATTRIBUTES) VALUES (?, ?, ?, NULL, ?, ?, ?, ?)")) {
                    ps.setString(1, t.getId());
                    ps.setInt(2, l.getTicketLine());
                    ps.setString(3, l.getProductID());
                    ps.setDouble(4, l.getMultiply());
                    ps.setDouble(5, l.getPrice());
                    ps.setString(6, l.getTaxRate() == 0.06 ? "tax-6" : l.getTaxRate() == 0.13 ? "tax-13" : "tax-0");
                    ps.setBytes(7, xml(l.getProperties()));
                    ps.executeUpdate();
                }
            }
            for (PaymentInfo p : t.getPayments()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO payments (ID, RECEIPT, PAYMENT, TOTAL) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, t.getId());
                    ps.setString(3, p.getName());
                    ps.setDouble(4, p.getTotal());
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void customer(Connection c, CustomerInfoExt cust) throws SQLException {
        if (customers.add(cust.getId())) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO customers (ID, SEARCHKEY, NAME, CARD) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, cust.getId());
                ps.setString(2, cust.getSearchkey());
                ps.setString(3, cust.getName());
                ps.setString(4, cust.getCard());
                ps.executeUpdate();
            }
        }
    }

    private void product(Connection c, TicketLineInfo l) throws SQLException {
        if (products.add(l.getProductID())) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO products (ID, REFERENCE, CODE, NAME, CATEGORY,"
                    + " TAXCAT, ISSERVICE) VALUES (?, ?, ?, ?, ?, 'tc', ?)")) {
                ps.setString(1, l.getProductID());
                ps.setString(2, l.getProperty("product.reference"));
                ps.setString(3, l.getProductID() + "-code");
                ps.setString(4, l.getProductName());
                ps.setString(5, l.getProductCategoryID());
                ps.setBoolean(6, l.isProductService());
                ps.executeUpdate();
            }
        }
    }

    /** Deletes a line's attribute snapshot, as in tickets written by tools other than the till. */
    void dropLineAttributes(String ticketId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE ticketlines SET ATTRIBUTES = NULL WHERE TICKET = ?")) {
            ps.setString(1, ticketId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] xml(java.util.Properties p) {
        try {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            p.storeToXML(o, "uniCenta oPOS", "UTF-8");
            return o.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

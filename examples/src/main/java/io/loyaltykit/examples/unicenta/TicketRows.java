package io.loyaltykit.examples.unicenta;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** uniCenta tickets as read from its tables, seen through the same interfaces as the live objects. */
final class TicketRows {
    private TicketRows() {
    }

    /** A {@code TICKETLINES.ATTRIBUTES} blob: the XML properties uniCenta writes with {@code storeToXML}. */
    static Properties attributes(byte[] xml) {
        Properties p = new Properties();
        if (xml != null && xml.length > 0) {
            try {
                p.loadFromXML(new ByteArrayInputStream(xml));
            } catch (IOException | IllegalArgumentException e) {
                // a damaged snapshot: the PRODUCTS columns stand in for it
                p.clear();
            }
        }
        return p;
    }

    static final class Ticket implements UnicentaTicket {
        private final String id;
        private final int type;
        private final int number;
        private final int status;
        private final Date date;
        private final UnicentaCustomer customer;
        private final UnicentaUser user;
        private final List<UnicentaTicketLine> lines;
        private final List<UnicentaPayment> payments;

        Ticket(String id, int type, int number, int status, Date date, UnicentaCustomer customer, UnicentaUser user,
               List<UnicentaTicketLine> lines, List<UnicentaPayment> payments) {
            this.id = id;
            this.type = type;
            this.number = number;
            this.status = status;
            this.date = date;
            this.customer = customer;
            this.user = user;
            this.lines = List.copyOf(lines);
            this.payments = List.copyOf(payments);
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public int getTicketType() {
            return type;
        }

        @Override
        public int getTicketId() {
            return number;
        }

        @Override
        public int getTicketStatus() {
            return status;
        }

        @Override
        public Date getDate() {
            return date;
        }

        @Override
        public UnicentaCustomer getCustomer() {
            return customer;
        }

        @Override
        public UnicentaUser getUser() {
            return user;
        }

        @Override
        public List<UnicentaTicketLine> getLines() {
            return lines;
        }

        @Override
        public List<UnicentaPayment> getPayments() {
            return payments;
        }
    }

    /**
     * A {@code TICKETLINES} row. The attributes snapshot taken at the sale wins over the product's current
     * row, as in uniCenta's own {@code TicketLineInfo}.
     */
    static final class LineRow implements UnicentaTicketLine {
        private final int line;
        private final String product;
        private final double units;
        private final double price;
        private final double taxRate;
        private final Properties attributes;
        private final String productReference;
        private final String productName;
        private final String productCategory;
        private final boolean productService;

        LineRow(int line, String product, double units, double price, double taxRate, Properties attributes,
                String productReference, String productName, String productCategory, boolean productService) {
            this.line = line;
            this.product = product;
            this.units = units;
            this.price = price;
            this.taxRate = taxRate;
            this.attributes = attributes;
            this.productReference = productReference;
            this.productName = productName;
            this.productCategory = productCategory;
            this.productService = productService;
        }

        @Override
        public int getTicketLine() {
            return line;
        }

        @Override
        public String getProductID() {
            return product;
        }

        @Override
        public String getProductName() {
            return attributes.getProperty("product.name", productName);
        }

        @Override
        public String getProductCategoryID() {
            return attributes.getProperty("product.categoryid", productCategory);
        }

        @Override
        public boolean isProductService() {
            String s = attributes.getProperty("product.service");
            return s != null ? "true".equals(s) : productService;
        }

        @Override
        public double getMultiply() {
            return units;
        }

        @Override
        public double getPrice() {
            return price;
        }

        @Override
        public double getTaxRate() {
            return taxRate;
        }

        @Override
        public String getProperty(String key) {
            String v = attributes.getProperty(key);
            if (v == null && "product.reference".equals(key)) {
                return productReference;
            }
            return v;
        }
    }

    record Customer(String id, String searchkey, String name, String card) implements UnicentaCustomer {
        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getSearchkey() {
            return searchkey;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getCard() {
            return card;
        }
    }

    record User(String id) implements UnicentaUser {
        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getName() {
            return null;
        }
    }

    record Payment(String name, double total) implements UnicentaPayment {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public double getTotal() {
            return total;
        }
    }
}

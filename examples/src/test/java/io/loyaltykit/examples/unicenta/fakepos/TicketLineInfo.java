package io.loyaltykit.examples.unicenta.fakepos;

import java.util.Properties;

/** Stands in for uniCenta's {@code com.openbravo.pos.ticket.TicketLineInfo}. */
public final class TicketLineInfo {
    private final int line;
    private final String productid;
    private final double multiply;
    private final double price;
    private final double taxRate;
    private final Properties attributes = new Properties();

    public TicketLineInfo(int line, String productid, double multiply, double price, double taxRate) {
        this.line = line;
        this.productid = productid;
        this.multiply = multiply;
        this.price = price;
        this.taxRate = taxRate;
    }

    /** The product snapshot uniCenta copies into a line's attributes. */
    public TicketLineInfo product(String reference, String name, String categoryId, boolean service) {
        if (reference != null) {
            attributes.setProperty("product.reference", reference);
        }
        attributes.setProperty("product.name", name);
        if (categoryId != null) {
            attributes.setProperty("product.categoryid", categoryId);
        }
        attributes.setProperty("product.service", service ? "true" : "false");
        return this;
    }

    public int getTicketLine() {
        return line;
    }

    public String getProductID() {
        return productid;
    }

    public String getProductName() {
        return attributes.getProperty("product.name");
    }

    public String getProductCategoryID() {
        return attributes.getProperty("product.categoryid");
    }

    public boolean isProductService() {
        return "true".equals(attributes.getProperty("product.service"));
    }

    public double getMultiply() {
        return multiply;
    }

    public double getPrice() {
        return price;
    }

    public double getTaxRate() {
        return taxRate;
    }

    public String getProperty(String key) {
        return attributes.getProperty(key);
    }

    public Properties getProperties() {
        return attributes;
    }
}

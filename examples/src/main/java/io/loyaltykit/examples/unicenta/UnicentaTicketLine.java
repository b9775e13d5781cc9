package io.loyaltykit.examples.unicenta;

/**
 * The getters of uniCenta's {@code com.openbravo.pos.ticket.TicketLineInfo} the mapper reads
 * ({@code TICKETLINES} row plus the product snapshot uniCenta keeps in the line's attributes).
 *
 * <pre>{@code
 * double value = line.getPrice() * line.getMultiply() * (1 + line.getTaxRate());
 * }</pre>
 */
public interface UnicentaTicketLine {

    /** The line number within the ticket, from 0 ({@code TICKETLINES.LINE}). */
    int getTicketLine();

    /** The product id ({@code TICKETLINES.PRODUCT}), or null for a line typed in by hand. */
    String getProductID();

    /** The product's name at the time of sale. */
    String getProductName();

    /** The product's category id ({@code product.categoryid} attribute, {@code PRODUCTS.CATEGORY}). */
    String getProductCategoryID();

    /** True for a service ({@code product.service} attribute, {@code PRODUCTS.ISSERVICE}). */
    boolean isProductService();

    /** Units ({@code TICKETLINES.UNITS}); negative on refund lines. */
    double getMultiply();

    /** Unit price before tax ({@code TICKETLINES.PRICE}); negative on discount lines. */
    double getPrice();

    /** The line's tax rate, e.g. 0.06 ({@code TAXES.RATE} of {@code TICKETLINES.TAXID}). */
    double getTaxRate();

    /** A line attribute such as {@code product.reference} ({@code TICKETLINES.ATTRIBUTES}), or null. */
    String getProperty(String key);
}

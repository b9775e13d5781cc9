package io.loyaltykit.event;

import java.math.BigDecimal;

/**
 * A payment on a purchase: {@code cash}, {@code card}, {@code wechat}, {@code alipay}, {@code stored_value},
 * {@code package} (with the package id), {@code points} (written by the library for the offset) or any
 * other word.
 *
 * @param type    tender type
 * @param amount  amount paid
 * @param pkg     for {@code package} tenders, the package id; else null
 */
public record Tender(String type, BigDecimal amount, String pkg) {

    /** The tender type of stored-value payments. */
    public static final String STORED_VALUE = "stored_value";
    /** The tender type of count-card payments. */
    public static final String PACKAGE = "package";
    /** The tender type of the points offset. */
    public static final String POINTS = "points";

    /** A tender of a type and amount. */
    public static Tender of(String type, String amount) {
        return new Tender(type, new BigDecimal(amount), null);
    }

    /** A package tender. */
    public static Tender pkg(String packageId, String amount) {
        return new Tender(PACKAGE, new BigDecimal(amount), packageId);
    }
}

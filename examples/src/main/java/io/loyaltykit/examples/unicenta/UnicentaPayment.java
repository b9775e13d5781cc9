package io.loyaltykit.examples.unicenta;

/**
 * The getters of uniCenta's {@code com.openbravo.pos.payment.PaymentInfo} the mapper reads
 * ({@code PAYMENTS} row).
 *
 * <pre>{@code
 * if ("magcard".equals(p.getName())) { ... }
 * }</pre>
 */
public interface UnicentaPayment {

    /** {@code PAYMENTS.PAYMENT}: {@code cash}, {@code magcard}, {@code cheque}, {@code paperin}, {@code debt}, ... */
    String getName();

    /** {@code PAYMENTS.TOTAL}: the part of the bill this payment covers, tax included (change excluded). */
    double getTotal();
}

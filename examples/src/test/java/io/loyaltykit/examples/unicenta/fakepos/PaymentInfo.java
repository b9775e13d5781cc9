package io.loyaltykit.examples.unicenta.fakepos;

/** Stands in for uniCenta's {@code com.openbravo.pos.payment.PaymentInfo}. */
public final class PaymentInfo {
    private final String name;
    private final double total;

    public PaymentInfo(String name, double total) {
        this.name = name;
        this.total = total;
    }

    public String getName() {
        return name;
    }

    public double getTotal() {
        return total;
    }
}

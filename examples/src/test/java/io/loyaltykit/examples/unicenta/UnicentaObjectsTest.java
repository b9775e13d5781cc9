package io.loyaltykit.examples.unicenta;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.examples.unicenta.fakepos.OldTicketInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The by-name adapter over uniCenta's own classes. */
class UnicentaObjectsTest {

    @Test
    void readsTheTicketItsCustomerLinesAndPaymentsByMethodName() {
        UnicentaTicket t = UnicentaObjects.ticket(Tickets.sale42());

        assertThat(t.getTicketType()).isZero();
        assertThat(t.getTicketId()).isEqualTo(42);
        assertThat(t.getCustomer().getCard()).isEqualTo("C-0001");
        assertThat(t.getUser().getId()).isEqualTo("u-anna");
        assertThat(t.getLines()).hasSize(3);
        UnicentaTicketLine shampoo = t.getLines().get(1);
        assertThat(shampoo.getTicketLine()).isEqualTo(1);
        assertThat(shampoo.getMultiply()).isEqualTo(2.0);
        assertThat(shampoo.getTaxRate()).isEqualTo(0.13);
        assertThat(shampoo.getProperty("product.reference")).isEqualTo("SHAMPOO-500");
        assertThat(shampoo.getProductCategoryID()).isEqualTo("cat-care");
        assertThat(shampoo.isProductService()).isFalse();
        assertThat(t.getPayments()).extracting(UnicentaPayment::getName).containsExactly("cash", "magcard");
        assertThat(t.getPayments().get(1).getTotal()).isEqualTo(98.40);
    }

    @Test
    void nullStaysNullAndAdaptedObjectsPassThrough() {
        UnicentaTicket t = UnicentaObjects.ticket(Tickets.sale42());

        assertThat(UnicentaObjects.ticket(null)).isNull();
        assertThat(UnicentaObjects.ticket(t)).isSameAs(t);
    }

    @Test
    void aMissingGetterFailsWithATypedErrorNamingIt() {
        UnicentaTicket old = UnicentaObjects.ticket(new OldTicketInfo());

        assertThat(old.getTicketId()).isEqualTo(3);
        assertThatThrownBy(old::getTicketStatus).isInstanceOfSatisfying(LoyaltyException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EVENT);
            assertThat(e.getMessage()).contains("OldTicketInfo").contains("getTicketStatus");
        });
    }
}

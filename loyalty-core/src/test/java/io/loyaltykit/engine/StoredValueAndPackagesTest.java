package io.loyaltykit.engine;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.Loyalty;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Return;
import io.loyaltykit.event.Tender;
import io.loyaltykit.event.TopUp;
import io.loyaltykit.ledger.Purses;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.PackageDef;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.StoredValuePolicy;
import org.junit.jupiter.api.Test;


import static io.loyaltykit.engine.Fixtures.at;
import static io.loyaltykit.engine.Fixtures.enroll;
import static io.loyaltykit.engine.Fixtures.points;
import static io.loyaltykit.engine.Fixtures.program;
import static org.assertj.core.api.Assertions.assertThat;

/** Stored-value spend orders, credit limit, top-up points, package expiry and uses given back. */
class StoredValueAndPackagesTest {

    private static Loyalty topped(StoredValuePolicy.Builder sv) {
        Program p = program().storedValue(sv.bonus("100.00", "50.00"))
                .earn(Earn.rate("base").points(1).per("1.00"))
                .earn(Earn.onTopUp("topup-points").points(1).per("10.00")).build();
        Loyalty l = Fixtures.loyalty(p);
        points(l, enroll("e1", "2026-01-01T09:00:00", "m1", null, null));
        assertThat(points(l, TopUp.of("t1", at("2026-01-01T10:00:00"), "m1", "100.00"))).isEqualTo(10);
        return l;
    }

    private static Purchase paid(String id, String amount) {
        return Purchase.builder(id, at("2026-01-02T10:00:00")).member("m1").line("1", "A", "service", "1", amount)
                .tender(Tender.STORED_VALUE, amount).build();
    }

    private static void purses(Loyalty l, String principal, String bonus) {
        Purses p = l.account("m1", at("2026-01-05T00:00:00")).storedValue();
        assertThat(p.principal()).isEqualByComparingTo(principal);
        assertThat(p.bonus()).isEqualByComparingTo(bonus);
    }

    @Test
    void principalFirstBonusFirstAndProportional() {
        Loyalty a = topped(StoredValuePolicy.spending(StoredValuePolicy.Order.PRINCIPAL_FIRST));
        points(a, paid("p1", "120.00"));
        purses(a, "0.00", "30.00");
        Loyalty b = topped(StoredValuePolicy.spending(StoredValuePolicy.Order.BONUS_FIRST));
        points(b, paid("p1", "120.00"));
        purses(b, "30.00", "0.00");
        Loyalty c = topped(StoredValuePolicy.spending(StoredValuePolicy.Order.PROPORTIONAL));
        points(c, paid("p1", "10.00"));
        // 10 x 100/150 = 6.666.. -> 6.67 principal, 3.33 bonus
        purses(c, "93.33", "46.67");
    }

    @Test
    void aCreditLimitLetsPrincipalGoBelowZeroAndNoFurther() {
        Loyalty l = topped(StoredValuePolicy.spending(StoredValuePolicy.Order.PROPORTIONAL).creditLimit("50.00"));
        points(l, paid("p1", "200.00"));
        purses(l, "-50.00", "0.00");
        assertThat(Fixtures.rejected(l, paid("p2", "0.01")).code()).isEqualTo(ErrorCode.INSUFFICIENT_STORED_VALUE);
        // a return credits back exactly what was drawn, purse by purse
        points(l, Return.whole("r1", at("2026-01-03T10:00:00"), "m1", "p1"));
        purses(l, "100.00", "50.00");
    }

    @Test
    void packageUsesExpireAndComeBackOnReturn() {
        Program p = program().earn(Earn.rate("base").points(1).per("1.00"))
                .pkg(PackageDef.of("cut-3", "3 cuts", "PKG-3", 3, "P30D", "CUT-01")).build();
        Loyalty l = Fixtures.loyalty(p);
        points(l, enroll("e1", "2026-01-01T09:00:00", "m1", null, null));
        points(l, Purchase.builder("buy", at("2026-01-01T10:00:00")).member("m1").line("1", "PKG-3", "package", "1", "150.00")
                .tender("cash", "150.00").build());
        Purchase twoCuts = Purchase.builder("use1", at("2026-01-02T10:00:00")).member("m1")
                .line("1", "CUT-01", "service", "2", "50.00").tender(Tender.pkg("cut-3", "100.00")).build();
        points(l, twoCuts);
        assertThat(l.account("m1", at("2026-01-02T10:00:00")).packages().get("cut-3").remaining()).isEqualTo(1);
        points(l, Return.line("ret1", at("2026-01-03T10:00:00"), "m1", "use1", "1", "1"));
        assertThat(l.account("m1", at("2026-01-03T10:00:00")).packages().get("cut-3").remaining()).isEqualTo(2);
        Purchase threeCuts = Purchase.builder("use2", at("2026-01-04T10:00:00")).member("m1")
                .line("1", "CUT-01", "service", "3", "50.00").tender(Tender.pkg("cut-3", "150.00")).build();
        assertThat(Fixtures.rejected(l, threeCuts).code()).isEqualTo(ErrorCode.LIMIT_REACHED);
        // thirty days after buying, the uses are gone
        Purchase late = Purchase.builder("use3", at("2026-01-31T10:00:00")).member("m1")
                .line("1", "CUT-01", "service", "1", "50.00").tender(Tender.pkg("cut-3", "50.00")).build();
        assertThat(Fixtures.rejected(l, late).code()).isEqualTo(ErrorCode.LIMIT_REACHED);
        assertThat(l.account("m1", at("2026-01-31T10:00:00")).packages()).isEmpty();
    }
}

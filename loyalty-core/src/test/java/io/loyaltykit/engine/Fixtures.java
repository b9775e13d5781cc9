package io.loyaltykit.engine;

import io.loyaltykit.Loyalty;
import io.loyaltykit.Result;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Profile;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.program.Program;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Small helpers for engine behaviour tests (programs in Asia/Shanghai). */
final class Fixtures {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Fixtures() {
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    static Program.Builder program() {
        return Program.builder("test").currency("CNY").zone("Asia/Shanghai");
    }

    static Loyalty loyalty(Program p) {
        return Loyalty.builder(p).voucherCodes(() -> "CODE").build();
    }

    static Enroll enroll(String id, String local, String member, String referrer, String birthday) {
        return new Enroll(id, at(local), member, new Profile(null, null, birthday == null ? null : LocalDate.parse(birthday),
                null, List.of()), referrer, null, null, List.of());
    }

    static Purchase sale(String id, String local, String member, String sku, String category, String price) {
        return Purchase.builder(id, at(local)).member(member).line("1", sku, category, "1", price).tender("cash", price).build();
    }

    static long points(Loyalty l, Event e) {
        Result r = l.apply(e);
        assertThat(r).as(r.toString()).isInstanceOf(Result.Applied.class);
        return ((Result.Applied) r).points();
    }

    static Result.Rejected rejected(Loyalty l, Event e) {
        Result r = l.apply(e);
        assertThat(r).as(r.toString()).isInstanceOf(Result.Rejected.class);
        return (Result.Rejected) r;
    }
}

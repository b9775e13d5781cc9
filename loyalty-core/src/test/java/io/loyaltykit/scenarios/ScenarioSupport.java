package io.loyaltykit.scenarios;

import io.loyaltykit.Loyalty;
import io.loyaltykit.Result;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.program.Program;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Replays events in order and keeps every result, like {@code loyalty simulate}. */
final class ScenarioSupport {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final Loyalty loyalty;
    final List<Result> results = new ArrayList<>();

    ScenarioSupport(Program program) {
        this.loyalty = Loyalty.builder(program).voucherCodes(() -> "TEST-CODE").build();
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    static Purchase.Builder purchase(String id, String local, String member) {
        return Purchase.builder(id, at(local)).member(member);
    }

    Result apply(Event e) {
        Result r = loyalty.apply(e);
        results.add(r);
        return r;
    }

    static void applied(Result r, long points) {
        assertThat(r).as(r.toString()).isInstanceOf(Result.Applied.class);
        assertThat(((Result.Applied) r).points()).as("points of " + r.eventId()).isEqualTo(points);
    }

    static void rejected(Result r, io.loyaltykit.ErrorCode code) {
        assertThat(r).as(r.toString()).isInstanceOf(Result.Rejected.class);
        assertThat(((Result.Rejected) r).code()).isEqualTo(code);
    }
}

package io.loyaltykit.examples.unicenta;

import io.loyaltykit.examples.common.TestShop;

import java.util.concurrent.atomic.AtomicInteger;

/** A {@link UnicentaSetup} registered for the tests in META-INF/services, as a shop would register its own. */
public final class TestSetup implements UnicentaSetup {
    static final AtomicInteger CREATED = new AtomicInteger();
    static volatile TestShop shop;

    @Override
    public UnicentaIntegration create() {
        CREATED.incrementAndGet();
        shop = TestShop.cny();
        return UnicentaIntegration.builder(shop.loyalty, shop.store, Tickets.mapper(shop.program))
                .enrollUnknownMembers(true).build();
    }
}

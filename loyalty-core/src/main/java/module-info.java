/**
 * LoyaltyKit core: the domain, the pure engine, the ledger, the store SPI and the fluent API.
 * Implementation lives in {@code io.loyaltykit.internal}, which is not exported.
 */
module io.loyaltykit.core {
    requires transitive org.slf4j;

    exports io.loyaltykit;
    exports io.loyaltykit.event;
    exports io.loyaltykit.ledger;
    exports io.loyaltykit.program;
    exports io.loyaltykit.store;
    exports io.loyaltykit.insights;
}

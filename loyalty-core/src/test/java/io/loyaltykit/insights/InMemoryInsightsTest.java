package io.loyaltykit.insights;

import io.loyaltykit.store.LoyaltyStore;

/** The insights contract on the in-memory store. */
class InMemoryInsightsTest extends InsightsContract {
    @Override
    protected LoyaltyStore newStore() {
        return LoyaltyStore.inMemory();
    }
}

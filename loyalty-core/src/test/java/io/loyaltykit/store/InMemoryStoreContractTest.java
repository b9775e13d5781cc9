package io.loyaltykit.store;

/** The contract on the in-memory store. */
class InMemoryStoreContractTest extends LoyaltyStoreContract {
    @Override
    protected LoyaltyStore newStore() {
        return LoyaltyStore.inMemory();
    }
}

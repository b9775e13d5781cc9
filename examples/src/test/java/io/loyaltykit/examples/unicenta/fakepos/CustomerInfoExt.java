package io.loyaltykit.examples.unicenta.fakepos;

/** Stands in for uniCenta's {@code com.openbravo.pos.customers.CustomerInfoExt}. */
public final class CustomerInfoExt {
    private final String id;
    private final String searchkey;
    private final String name;
    private final String card;

    public CustomerInfoExt(String id, String searchkey, String name, String card) {
        this.id = id;
        this.searchkey = searchkey;
        this.name = name;
        this.card = card;
    }

    public String getId() {
        return id;
    }

    public String getSearchkey() {
        return searchkey;
    }

    public String getName() {
        return name;
    }

    public String getCard() {
        return card;
    }
}

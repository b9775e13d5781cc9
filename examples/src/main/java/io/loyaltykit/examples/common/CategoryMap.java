package io.loyaltykit.examples.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which LoyaltyKit category (the word earning rules filter on: {@code service}, {@code retail},
 * {@code gift-card}) a POS line belongs to. POS systems know their own category or catalog ids; the program
 * knows its categories; this is the table between them, with a fallback for anything not listed.
 *
 * <pre>{@code
 * CategoryMap categories = CategoryMap.builder()
 *         .map("a4f9c2d0-hair", "service")
 *         .map("9b1e77aa-care", "retail")
 *         .fallback("retail")
 *         .build();
 * categories.categoryOf("a4f9c2d0-hair");   // "service"
 * categories.categoryOf(null);              // "retail"
 * }</pre>
 */
public final class CategoryMap {
    private final Map<String, String> byKey;
    private final String fallback;

    private CategoryMap(Map<String, String> byKey, String fallback) {
        this.byKey = Map.copyOf(byKey);
        this.fallback = fallback;
    }

    /** A builder; without mappings every line falls back. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every line in one category. */
    public static CategoryMap all(String category) {
        return builder().fallback(category).build();
    }

    /** The category mapped for the first of the keys that has one, else the fallback. */
    public String categoryOf(String... keys) {
        for (String key : keys) {
            if (key != null) {
                String c = byKey.get(key);
                if (c != null) {
                    return c;
                }
            }
        }
        return fallback;
    }

    /** True when this key has a mapping of its own. */
    public boolean maps(String key) {
        return key != null && byKey.containsKey(key);
    }

    /** The category of lines nothing maps. */
    public String fallback() {
        return fallback;
    }

    /** Builds a {@link CategoryMap}. */
    public static final class Builder {
        private final Map<String, String> byKey = new LinkedHashMap<>();
        private String fallback = "retail";

        private Builder() {
        }

        /** Lines with this POS key (category id, item id, catalog id) are in {@code category}. */
        public Builder map(String posKey, String category) {
            Objects.requireNonNull(posKey, "posKey");
            if (category == null || category.isBlank()) {
                throw new IllegalArgumentException("category for " + posKey + " must not be blank");
            }
            String before = byKey.putIfAbsent(posKey, category);
            if (before != null && !before.equals(category)) {
                throw new IllegalArgumentException(posKey + " is already mapped to " + before + "; cannot also map it to "
                        + category);
            }
            return this;
        }

        /** Adds every entry of a table. */
        public Builder mapAll(Map<String, String> table) {
            table.forEach(this::map);
            return this;
        }

        /** The category of lines nothing maps; default {@code retail}. */
        public Builder fallback(String category) {
            if (category == null || category.isBlank()) {
                throw new IllegalArgumentException("the fallback category must not be blank");
            }
            this.fallback = category;
            return this;
        }

        /** The map. */
        public CategoryMap build() {
            return new CategoryMap(byKey, fallback);
        }
    }
}

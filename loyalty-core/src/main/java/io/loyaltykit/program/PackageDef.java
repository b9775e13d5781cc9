package io.loyaltykit.program;

import java.util.Set;

/**
 * A prepaid service package (次卡): buying a line of {@code sku} grants {@code uses}; a covered line paid
 * with a {@code package} tender takes one use per unit. Uses expire {@code validFor} after the purchase.
 *
 * <pre>{@code
 * PackageDef.of("cut-10", "剪发10次卡", "PKG-CUT-10", 10, "P12M", "CUT-01")
 * // file: {"id": "cut-10", "name": "剪发10次卡", "sku": "PKG-CUT-10", "uses": 10, "covers": ["CUT-01"], "validFor": "P12M"}
 * }</pre>
 *
 * @param id       package id
 * @param name     display name
 * @param sku      the sku that sells it
 * @param uses     uses per unit bought
 * @param covers   skus it pays for
 * @param validFor how long uses last, or null for ever
 */
public record PackageDef(String id, String name, String sku, int uses, Set<String> covers, Span validFor) {

    /** Copies covers. */
    public PackageDef {
        covers = covers == null ? Set.of() : Set.copyOf(covers);
    }

    /** A package. */
    public static PackageDef of(String id, String name, String sku, int uses, String validFor, String... covers) {
        return new PackageDef(id, name, sku, uses, Set.of(covers), validFor == null ? null : Span.parse(validFor));
    }
}

package io.loyaltykit.program;

import java.math.RoundingMode;

/** How fractional points become whole ones. */
public enum Rounding {
    /** Down (the default). */
    FLOOR(RoundingMode.FLOOR),
    /** Half up. */
    HALF_UP(RoundingMode.HALF_UP),
    /** Half to even. */
    HALF_EVEN(RoundingMode.HALF_EVEN),
    /** Up. */
    CEILING(RoundingMode.CEILING);

    private final RoundingMode mode;

    Rounding(RoundingMode mode) {
        this.mode = mode;
    }

    /** The {@link RoundingMode}. */
    public RoundingMode mode() {
        return mode;
    }
}

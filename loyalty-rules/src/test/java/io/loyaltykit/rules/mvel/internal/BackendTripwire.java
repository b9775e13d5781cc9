package io.loyaltykit.rules.mvel.internal;

/** Initialising this class is the effect MvelBackendTest checks never happens. */
public final class BackendTripwire {
    /** Set when the class initialises. */
    public static final String PROPERTY = "loyaltykit.test.backend-tripwire";

    static {
        System.setProperty(PROPERTY, "fired");
    }

    private BackendTripwire() {
    }
}

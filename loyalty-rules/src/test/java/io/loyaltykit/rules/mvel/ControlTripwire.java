package io.loyaltykit.rules.mvel;

/**
 * {@link Tripwire}'s twin for the control test, which shows that plain MVEL does initialise a class named
 * in an expression (so the sandbox tests' checks can see the effect they look for).
 */
public final class ControlTripwire {
    /** Set when the class initialises. */
    public static final String PROPERTY = "loyaltykit.test.control-tripwire";

    static {
        System.setProperty(PROPERTY, "fired");
    }

    private ControlTripwire() {
    }
}

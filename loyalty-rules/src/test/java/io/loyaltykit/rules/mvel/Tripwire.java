package io.loyaltykit.rules.mvel;

/**
 * A class whose initialisation is an observable effect, like the {@code jaz.Zer} of CVE-2023-50571:
 * plain MVEL loads and initialises a class it finds named in an expression. The sandbox tests name it in
 * hostile conditions and check it never initialises; no test touches it directly.
 */
public final class Tripwire {
    /** Set when the class initialises. */
    public static final String PROPERTY = "loyaltykit.test.tripwire";

    static {
        System.setProperty(PROPERTY, "fired");
    }

    private Tripwire() {
    }

    /** Something for an expression to call. */
    public static boolean fired() {
        return true;
    }
}

package io.loyaltykit.examples.unicenta;

/**
 * Creates the {@link UnicentaIntegration} the {@code ticket.close} script uses, when nothing installed one.
 * Implement it in a jar on uniCenta's class path and name the class in
 * {@code META-INF/services/io.loyaltykit.examples.unicenta.UnicentaSetup}.
 *
 * <pre>{@code
 * public final class SalonSetup implements UnicentaSetup {
 *     public UnicentaIntegration create() {
 *         Program program = SalonProgram.build();
 *         LoyaltyStore store = ...;   // the shop's LoyaltyKit store
 *         Loyalty loyalty = Loyalty.builder(program).store(store).build();
 *         return UnicentaIntegration.builder(loyalty, store, UnicentaMapper.builder(program).build()).build();
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface UnicentaSetup {

    /** The integration; called once, on the first closed ticket. */
    UnicentaIntegration create();
}

package io.loyaltykit.examples.unicenta;

import io.loyaltykit.LoyaltyException;
import io.loyaltykit.examples.common.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * The entry point of the {@code ticket.close} BeanShell script. uniCenta runs the script afresh on every
 * closed ticket, so the long-lived {@link UnicentaIntegration} is kept here: either
 * {@link #install(UnicentaIntegration) installed} by code that starts with the till, or created on first use
 * by the {@link UnicentaSetup} found with {@link ServiceLoader} on uniCenta's class path.
 *
 * <pre>{@code
 * // BeanShell, uniCenta's ticket.close event
 * outcome = UnicentaHook.ticketClosed(UnicentaObjects.ticket(ticket));
 * }</pre>
 *
 * Nothing here may stop a sale: every failure is logged and comes back as an outcome. A ticket the store
 * could not take is picked up later by {@link UnicentaPoller}, under the same event id.
 */
public final class UnicentaHook {
    private static final Logger LOG = LoggerFactory.getLogger(UnicentaHook.class);
    private static volatile UnicentaIntegration installed;

    private UnicentaHook() {
    }

    /** Makes this integration the one tickets go to. */
    public static void install(UnicentaIntegration integration) {
        installed = integration;
    }

    /** Forgets the installed integration (the next ticket looks for a {@link UnicentaSetup} again). */
    public static void uninstall() {
        installed = null;
    }

    /** The integration tickets go to, creating it from a {@link UnicentaSetup} if none is installed; or null. */
    public static UnicentaIntegration integration() {
        UnicentaIntegration i = installed;
        if (i != null) {
            return i;
        }
        synchronized (UnicentaHook.class) {
            if (installed == null) {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                Iterator<UnicentaSetup> setups = ServiceLoader.load(UnicentaSetup.class,
                        loader != null ? loader : UnicentaHook.class.getClassLoader()).iterator();
                if (setups.hasNext()) {
                    installed = setups.next().create();
                }
            }
            return installed;
        }
    }

    /** Hands a closed ticket to LoyaltyKit; never throws. */
    public static Outcome ticketClosed(UnicentaTicket ticket) {
        String reference = ticket == null ? "unicenta ticket" : "unicenta ticket " + safeNumber(ticket);
        try {
            UnicentaIntegration i = integration();
            if (i == null) {
                LOG.warn("no LoyaltyKit integration is installed and no UnicentaSetup was found; {} not sent", reference);
                return Outcome.skipped(reference, "LoyaltyKit is not configured");
            }
            Outcome outcome = i.accept(ticket);
            LOG.info("{}: {}", reference, outcome.toMap());
            return outcome;
        } catch (LoyaltyException e) {
            LOG.warn("{} not taken ({}); the poller will deliver it again", reference, e.getMessage());
            return Outcome.rejected(reference, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} failed", reference, e);
            return Outcome.rejected(reference, null, "failed: " + e);
        }
    }

    /** A member's available points now, or -1 when unknown; for the printed receipt. */
    public static long availablePoints(String member) {
        UnicentaIntegration i = installed;
        if (member == null || i == null) {
            return -1;
        }
        try {
            return i.loyalty().balance(member).available();
        } catch (RuntimeException e) {
            LOG.debug("no balance for {}", member, e);
            return -1;
        }
    }

    private static String safeNumber(UnicentaTicket t) {
        try {
            return t.getTicketType() + "/" + t.getTicketId();
        } catch (RuntimeException e) {
            return "?";
        }
    }
}

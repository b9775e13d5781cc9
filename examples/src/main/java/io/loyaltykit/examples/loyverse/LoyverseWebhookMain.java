package io.loyaltykit.examples.loyverse;

import io.loyaltykit.Loyalty;
import io.loyaltykit.examples.common.MainArgs;
import io.loyaltykit.examples.common.SalonProgram;
import io.loyaltykit.program.Program;
import io.loyaltykit.store.LoyaltyStore;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Runs the Loyverse receiver with the salon program on an in-memory ledger.
 *
 * <pre>
 * java -cp ... io.loyaltykit.examples.loyverse.LoyverseWebhookMain [--port 8080] [--path /loyverse/SECRET] [--enroll]
 * </pre>
 *
 * Register {@code https://YOUR-HOST/loyverse/SECRET} in Loyverse (Back Office, or {@code POST /v1.0/webhooks}
 * with {@code "type": "receipts.update"}); a TLS-terminating proxy forwards to this port.
 */
public final class LoyverseWebhookMain {
    private LoyverseWebhookMain() {
    }

    /** Serves until the process is stopped. */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = MainArgs.parse(args);
        Program program = SalonProgram.build();
        LoyaltyStore store = LoyaltyStore.inMemory();
        Loyalty loyalty = Loyalty.builder(program).store(store).build();
        LoyverseWebhookReceiver receiver = LoyverseWebhookReceiver
                .builder(loyalty, store, LoyverseMapper.builder(program).build())
                .path(opts.getOrDefault("path", "/loyverse/webhook"))
                .enrollUnknownMembers(opts.containsKey("enroll"))
                .build();
        InetSocketAddress at = receiver.start(new InetSocketAddress(Integer.parseInt(opts.getOrDefault("port", "8080"))));
        System.out.println("Loyverse receipts.update receiver on port " + at.getPort() + ", path " + receiver.path());
        Thread.currentThread().join();
    }
}

package io.loyaltykit.examples.square;

import io.loyaltykit.Loyalty;
import io.loyaltykit.examples.common.MainArgs;
import io.loyaltykit.examples.common.SalonProgram;
import io.loyaltykit.program.Program;
import io.loyaltykit.store.LoyaltyStore;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

/**
 * Runs the Square receiver with the salon program's rules on an in-memory ledger.
 *
 * <pre>
 * SQUARE_SIGNATURE_KEY=... SQUARE_ACCESS_TOKEN=... java -cp ... io.loyaltykit.examples.square.SquareWebhookMain \
 *     --notification-url https://loyalty.example.com/square/webhook [--port 8080] \
 *     [--api https://connect.squareupsandbox.com] [--currency USD] [--zone America/New_York] [--enroll]
 * </pre>
 */
public final class SquareWebhookMain {
    private SquareWebhookMain() {
    }

    /** Serves until the process is stopped. */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = MainArgs.parse(args);
        String url = opts.get("notification-url");
        String key = System.getenv("SQUARE_SIGNATURE_KEY");
        String token = System.getenv("SQUARE_ACCESS_TOKEN");
        if (url == null || key == null || token == null) {
            System.err.println("usage: SQUARE_SIGNATURE_KEY=.. SQUARE_ACCESS_TOKEN=.. SquareWebhookMain"
                    + " --notification-url URL [--port 8080] [--api BASE-URL] [--currency USD] [--zone ZONE] [--enroll]");
            System.exit(2);
        }
        Program program = SalonProgram.build(opts.getOrDefault("currency", "USD"),
                opts.getOrDefault("zone", "America/New_York"));
        LoyaltyStore store = LoyaltyStore.inMemory();
        Loyalty loyalty = Loyalty.builder(program).store(store).build();
        SquareOrders orders = SquareOrders.api(URI.create(opts.getOrDefault("api", "https://connect.squareup.com")), token);
        SquareWebhookReceiver receiver = SquareWebhookReceiver
                .builder(loyalty, store, SquareMapper.builder(program).build(), orders)
                .signature(key, url)
                .enrollUnknownMembers(opts.containsKey("enroll"))
                .build();
        InetSocketAddress at = receiver.start(new InetSocketAddress(Integer.parseInt(opts.getOrDefault("port", "8080"))));
        System.out.println("Square order webhook receiver on port " + at.getPort() + ", path " + receiver.path()
                + " (signatures checked for " + url + ")");
        Thread.currentThread().join();
    }
}

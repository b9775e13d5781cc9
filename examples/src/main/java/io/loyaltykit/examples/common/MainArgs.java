package io.loyaltykit.examples.common;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code --name value} and {@code --flag} command-line options for the integrations' runnable mains.
 *
 * <pre>{@code
 * Map<String, String> opts = MainArgs.parse(new String[]{"--port", "8080", "--enroll"});
 * opts.get("port");            // "8080"
 * opts.containsKey("enroll");  // true
 * }</pre>
 */
public final class MainArgs {
    private MainArgs() {
    }

    /** The options; throws {@link IllegalArgumentException} on a word that is not an option or its value. */
    public static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || args[i].length() == 2) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                out.put(key, args[++i]);
            } else {
                out.put(key, "true");
            }
        }
        return out;
    }
}

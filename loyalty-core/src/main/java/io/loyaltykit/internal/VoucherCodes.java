package io.loyaltykit.internal;

import java.security.SecureRandom;
import java.util.function.Supplier;

/** Voucher codes that cannot be guessed: 12 characters of an unambiguous alphabet (about 60 bits). */
public final class VoucherCodes {
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

    private VoucherCodes() {
    }

    /** A supplier backed by {@link SecureRandom}. */
    public static Supplier<String> secureRandom() {
        SecureRandom random = new SecureRandom();
        return () -> {
            char[] c = new char[14];
            int j = 0;
            for (int i = 0; i < 12; i++) {
                if (i == 4 || i == 8) {
                    c[j++] = '-';
                }
                c[j++] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            return new String(c);
        };
    }
}

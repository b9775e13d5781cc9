package io.loyaltykit.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a {@code when} condition may read of the member, read-only.
 *
 * @param id         member id
 * @param tier       current level id
 * @param tags       profile tags
 * @param gender     profile gender, or null
 * @param birthday   date of birth, or null
 * @param store      enrolling store, or null
 * @param enrolledAt enrolment instant
 * @param referrer   referrer id, or null
 * @param points     available points before the event
 */
public record MemberView(String id, String tier, List<String> tags, String gender, LocalDate birthday,
                         String store, Instant enrolledAt, String referrer, long points) {
    /** Copies tags. */
    public MemberView {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}

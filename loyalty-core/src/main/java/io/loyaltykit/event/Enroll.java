package io.loyaltykit.event;

import java.time.Instant;
import java.util.List;

/**
 * A new member. The referrer is fixed here for good; {@code claims} lists walk-in purchases whose points
 * the member takes over.
 *
 * @param id       idempotency key
 * @param at       instant
 * @param member   the new member's id
 * @param profile  profile, never null
 * @param referrer the referring member, or null
 * @param store    enrolling store, or null
 * @param staff    enrolling staff member (业务员), or null
 * @param claims   ids of walk-in purchases to claim; never null
 */
public record Enroll(String id, Instant at, String member, Profile profile, String referrer, String store,
                     String staff, List<String> claims) implements Event {

    /** Defaults a null profile and claims to empty. */
    public Enroll {
        profile = profile == null ? Profile.empty() : profile;
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    /** A bare enrolment. */
    public static Enroll of(String id, Instant at, String member) {
        return new Enroll(id, at, member, Profile.empty(), null, null, null, List.of());
    }

    @Override
    public String type() {
        return "enroll";
    }
}

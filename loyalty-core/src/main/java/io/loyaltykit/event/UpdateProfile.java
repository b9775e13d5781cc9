package io.loyaltykit.event;

import java.time.Instant;

/**
 * Changes a member's profile: the non-null fields given replace those held; tags replace the held tags
 * when {@code tagsGiven}.
 *
 * @param id        idempotency key
 * @param at        instant
 * @param member    member id
 * @param profile   the fields to replace
 * @param tagsGiven whether the tags were given (an empty list then clears them)
 */
public record UpdateProfile(String id, Instant at, String member, Profile profile, boolean tagsGiven) implements Event {

    /** Defaults a null profile to empty. */
    public UpdateProfile {
        profile = profile == null ? Profile.empty() : profile;
    }

    @Override
    public String type() {
        return "update_profile";
    }
}

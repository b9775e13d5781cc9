package io.loyaltykit.store;

import io.loyaltykit.event.Profile;

import java.time.Instant;

/**
 * An enrolled member. The referrer is fixed at enrolment.
 *
 * @param id         member id
 * @param profile    profile
 * @param referrer   referrer id, or null
 * @param enrolledAt enrolment instant
 * @param store      enrolling store, or null
 * @param staff      enrolling staff, or null
 */
public record Member(String id, Profile profile, String referrer, Instant enrolledAt, String store, String staff) {
}

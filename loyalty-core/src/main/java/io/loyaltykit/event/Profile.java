package io.loyaltykit.event;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's profile. Any field may be null; on {@link UpdateProfile}, the fields given replace those held.
 *
 * @param name     display name
 * @param phone    phone number
 * @param birthday date of birth (birthday rules use month and day)
 * @param gender   free text, e.g. {@code "F"}
 * @param tags     tags such as {@code "colour"}; never null
 */
public record Profile(String name, String phone, LocalDate birthday, String gender, List<String> tags) {

    /** Copies the tags; null tags become empty. */
    public Profile {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** An empty profile. */
    public static Profile empty() {
        return new Profile(null, null, null, null, List.of());
    }

    /** This profile with the non-null fields of {@code update} replacing its own. */
    public Profile merge(Profile update, boolean tagsGiven) {
        return new Profile(
                update.name != null ? update.name : name,
                update.phone != null ? update.phone : phone,
                update.birthday != null ? update.birthday : birthday,
                update.gender != null ? update.gender : gender,
                tagsGiven ? update.tags : tags);
    }
}

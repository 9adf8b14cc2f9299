package dev.eventshop.user.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A customer account as the users view shows it.
 *
 * @param name   null once the account is erased
 * @param email  null once the account is erased
 * @param erased whether the customer's personal data has been erased (the account and its balance stay)
 */
public record UserView(String userId, @Schema(nullable = true) String name, @Schema(nullable = true) String email,
                       long balance, long version, boolean erased) {

    /** This account as it shows once its personal data is erased. */
    public UserView withPersonalDataErased() {
        return new UserView(userId, null, null, balance, version, true);
    }
}

package dev.eventshop.user;

import dev.eventshop.user.api.FindUser;
import dev.eventshop.user.api.UserView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers queries on the users read model, from the generation that serves this node. */
@Component
class UserQueries {

    private final UserEntryRepository users;

    UserQueries(UserEntryRepository users) {
        this.users = users;
    }

    @QueryHandler
    Optional<UserView> handle(FindUser query) {
        return users.findServing(query.userId()).map(UserEntry::toView);
    }
}

package dev.eventshop.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenRequestsTest {

    private final OpenRequests requests = new OpenRequests("streams", 3, 2);

    @Test
    void aClientMayOpenOnlySoManyAndAClosedOneMakesRoom() {
        OpenRequests.Permit first = requests.open("ann", false);
        requests.open("ann", false);

        assertThatThrownBy(() -> requests.open("ann", false)).isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("already has 2 streams open");
        assertThat(requests.open()).isEqualTo(2);

        first.close();
        first.close(); // closing twice frees one place, not two
        requests.open("ann", false);
        assertThatThrownBy(() -> requests.open("ann", false)).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void theTotalCapsEveryoneTogetherTheUnlimitedIncluded() {
        requests.open("ann", false);
        requests.open("bob", false);
        OpenRequests.Permit admin = requests.open("admin", true);

        assertThatThrownBy(() -> requests.open("cid", false)).isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("on this node");
        assertThatThrownBy(() -> requests.open("admin", true)).isInstanceOf(TooManyRequestsException.class);
        assertThat(requests.open()).isEqualTo(3);

        admin.close();
        requests.open("cid", false);
        assertThat(requests.open()).isEqualTo(3);
    }

    @Test
    void theUnlimitedHaveNoCapOfTheirOwn() {
        OpenRequests wide = new OpenRequests("waits", 10, 1);
        for (int i = 0; i < 5; i++) {
            wide.open("admin", true);
        }
        assertThat(wide.open()).isEqualTo(5);
    }
}

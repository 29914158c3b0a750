package io.ganaka.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DashboardSocketTest {

    @Test
    void readsTheOfferedSubprotocolsInOrderIgnoringBlanks() {
        assertThat(DashboardSocket.offered("ganaka.v1, bearer.a.b.c ,, ticket.x"))
                .containsExactly("ganaka.v1", "bearer.a.b.c", "ticket.x");
        assertThat(DashboardSocket.offered(null)).isEmpty();
    }
}

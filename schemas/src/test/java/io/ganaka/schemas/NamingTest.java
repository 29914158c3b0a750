package io.ganaka.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamingTest {

    @Test
    void defaultNamesAreTheDesignNames() {
        Naming names = Naming.DEFAULT;

        assertThat(names.streamName()).isEqualTo("GANAKA");
        assertThat(names.eventSubjects()).isEqualTo("ganaka.events.>");
        assertThat(names.eventSubject(EventType.EXPENSE_ADDED)).isEqualTo("ganaka.events.expense.added");
        assertThat(names.liveSubject("u1")).isEqualTo("ganaka.live.u1");
        assertThat(names.topic(Topic.EXPENSES)).isEqualTo("ganaka.expenses");
        assertThat(names.redisPrefix()).isEqualTo("ganaka:");
    }

    @Test
    void prefixScopesEveryNameSoRunsNeverOverlap() {
        Naming names = new Naming("t-42");

        assertThat(names.streamName()).isEqualTo("T_42_GANAKA");
        assertThat(names.eventSubjects()).isEqualTo("t-42.ganaka.events.>");
        assertThat(names.topic(Topic.REPORTS_MONTHLY)).isEqualTo("t-42.ganaka.reports.monthly");
        assertThat(names.redisPrefix()).isEqualTo("ganaka:t-42:");
        assertThat(names.groupId("sinks")).isEqualTo("t-42-ganaka-sinks");
    }

    @Test
    void rejectsPrefixesThatWouldBreakSubjectsOrKeys() {
        assertThatThrownBy(() -> new Naming("a.b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Naming("A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Naming("x*")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void routesEventsToTheirInputTopic() {
        assertThat(Topic.inputFor(EventType.USER_REGISTERED)).isEqualTo(Topic.USERS);
        assertThat(Topic.inputFor(EventType.EXPENSE_DELETED)).isEqualTo(Topic.EXPENSES);
    }
}

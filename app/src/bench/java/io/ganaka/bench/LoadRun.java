package io.ganaka.bench;

import java.util.List;

/** What the load's Gatling simulation needs from the bench: the options, the signed-in users and where to count. */
record LoadRun(BenchOptions options, List<BenchUsers.User> users, RunStats stats, Tracker tracker) {

    LoadRun {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("the load needs at least one user");
        }
        users = List.copyOf(users);
    }
}

package io.ganaka.app;

import io.ganaka.app.reconcile.ReconcileReport;
import io.ganaka.app.reconcile.Reconciler;
import io.nats.client.JetStreamApiException;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code ganaka reconcile [--user <uuid>]...}: runs the {@link Reconciler} and prints its report. Exit status 0 when
 * clean, 1 when there are differences, 2 when it could not reconcile (usage, configuration, a service unreachable, no
 * stream), with one clear line and no stack trace.
 */
final class ReconcileCommand {

    static final int CLEAN = 0;
    static final int DIFFERENCES = 1;
    static final int CANNOT_RECONCILE = 2;

    static final String USAGE = "usage: ganaka reconcile [--user <uuid>]...";

    private ReconcileCommand() {}

    /** @param args the arguments after {@code reconcile}; @param env the environment to read the configuration from */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err)
            throws InterruptedException {
        Set<UUID> users = new LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.equals("--user") || i + 1 >= args.size()) {
                err.println("ganaka: " + (arg.equals("--user") ? "--user needs a user id" : "unknown argument '"
                        + arg + "'") + "\n" + USAGE);
                return CANNOT_RECONCILE;
            }
            String id = args.get(++i);
            try {
                users.add(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                err.println("ganaka: --user takes a user id (UUID), got '" + id + "'\n" + USAGE);
                return CANNOT_RECONCILE;
            }
        }
        GanakaConfig config;
        try {
            config = GanakaConfig.load(env, false, false);
        } catch (ConfigException e) {
            err.println("ganaka: " + e.getMessage());
            return CANNOT_RECONCILE;
        }
        Reconciler reconciler = new Reconciler(config);
        ReconcileReport report;
        try {
            report = users.isEmpty() ? reconciler.run() : reconciler.run(users);
        } catch (JetStreamApiException e) {
            err.println("ganaka: cannot read stream " + config.naming().streamName() + " at " + config.natsUrl()
                    + ": " + e.getMessage());
            return CANNOT_RECONCILE;
        } catch (IOException e) {
            err.println("ganaka: cannot read the event stream at " + config.natsUrl() + ": " + e.getMessage());
            return CANNOT_RECONCILE;
        } catch (SQLException e) {
            err.println("ganaka: cannot read Postgres: " + e.getMessage());
            return CANNOT_RECONCILE;
        } catch (JedisException e) {
            err.println("ganaka: cannot read Redis at " + config.redisUrl() + ": " + e.getMessage());
            return CANNOT_RECONCILE;
        }
        report.print(out);
        return report.clean() ? CLEAN : DIFFERENCES;
    }
}

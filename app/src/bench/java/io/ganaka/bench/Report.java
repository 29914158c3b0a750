package io.ganaka.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** The summaries printed at the end of each mode. */
final class Report {

    private Report() {}

    /** Events per second, or 0 when nothing was timed. */
    static double perSecond(long count, double seconds) {
        return seconds <= 0 ? 0 : count / seconds;
    }

    static void load(PrintStream out, BenchOptions options, double seconds, RunStats stats, Delivery delivery,
                     long socketsClosedEarly) {
        out.printf(Locale.ROOT, "%nload: %d requests/s offered for %.1f s over %d users (%.0f%% reads)%n",
                options.rate(), seconds, options.users(), options.readShare() * 100);
        out.println(new Table("", "count", "per s")
                .row("requests sent", stats.sent().sum(), perSecond(stats.sent().sum(), seconds))
                .row("writes accepted (2xx)", delivery.accepted(), perSecond(delivery.accepted(), seconds))
                .row("errors", stats.errorCount(), perSecond(stats.errorCount(), seconds))
                .render());
        Table latency = new Table("latency ms", "count", "p50", "p95", "p99", "max");
        for (Route route : Route.values()) {
            add(latency, route.label(), stats.route(route).percentiles());
        }
        add(latency, "request -> live push", stats.endToEnd().percentiles());
        out.println(latency.render());
        out.println(deliveryTable(delivery, socketsClosedEarly).render());
        Map<String, Long> errors = stats.errors();
        errors.forEach((kind, count) -> out.printf("  error %s: %,d%n", kind, count));
        out.println("exactly once: " + (delivery.exactlyOnce() ? "yes" : "NO"));
    }

    static Table deliveryTable(Delivery d, long socketsClosedEarly) {
        return new Table("delivery", "count")
                .row("accepted", d.accepted())
                .row("in Postgres", d.inPostgres())
                .row("missing in Postgres", d.missingInPostgres())
                .row("ids with more than one row", d.duplicates())
                .row("rows never accepted", d.unexpected())
                .row("seen on the live feed", d.pushed())
                .row("never pushed", d.notPushed())
                .row("sockets closed by the server", socketsClosedEarly);
    }

    static void add(Table table, String label, Latency.Percentiles p) {
        table.row(label, p.count(), p.p50(), p.p95(), p.p99(), p.max());
    }
}

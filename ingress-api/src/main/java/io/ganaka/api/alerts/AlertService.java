package io.ganaka.api.alerts;

import io.ganaka.api.Ids;
import io.ganaka.api.dashboard.DashboardService;
import io.ganaka.api.errors.NotFoundException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Lists a user's alerts and dismisses them; a dismissal also takes the alert off the cached dashboard. */
public final class AlertService {

    private final AlertRepository alerts;
    private final DashboardService dashboards;
    private final Clock clock;

    public AlertService(AlertRepository alerts, DashboardService dashboards, Clock clock) {
        this.alerts = alerts;
        this.dashboards = dashboards;
        this.clock = clock;
    }

    public AlertPage list(String userId, AlertListRequest request) throws SQLException {
        List<AlertView> rows = alerts.page(UUID.fromString(userId), request.after(), request.limit() + 1);
        if (rows.size() <= request.limit()) {
            return new AlertPage(rows, null);
        }
        List<AlertView> page = rows.subList(0, request.limit());
        AlertView last = page.get(page.size() - 1);
        return new AlertPage(List.copyOf(page), new AlertCursor(last.dismissedAt() != null, last.raisedAt(),
                UUID.fromString(last.id())).encode());
    }

    /** Idempotent: dismissing a dismissed alert answers it unchanged. Another user's alert is not found. */
    public AlertView dismiss(String userId, String alertId, String correlationId) throws SQLException {
        UUID id = Ids.parse(alertId).orElseThrow(() -> new NotFoundException("no alert " + alertId));
        AlertRepository.Dismissal dismissal = alerts.dismiss(UUID.fromString(userId), id, clock.instant())
                .orElseThrow(() -> new NotFoundException("no alert " + alertId));
        if (dismissal.changed()) {
            dashboards.alertDismissed(userId, id.toString(), correlationId);
        }
        return dismissal.alert();
    }
}

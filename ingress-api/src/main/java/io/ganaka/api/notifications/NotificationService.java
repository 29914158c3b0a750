package io.ganaka.api.notifications;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** The caller's notification history, a page at a time. */
public final class NotificationService {

    private final NotificationRepository notifications;

    public NotificationService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    public NotificationPage list(String userId, NotificationListRequest request) throws SQLException {
        // One row more than the page: whether another page follows.
        List<NotificationView> rows = notifications.list(UUID.fromString(userId), request, request.limit() + 1);
        if (rows.size() <= request.limit()) {
            return new NotificationPage(rows, null);
        }
        List<NotificationView> page = rows.subList(0, request.limit());
        NotificationView last = page.get(page.size() - 1);
        return new NotificationPage(page, new NotificationCursor(last.createdAt(), UUID.fromString(last.id())).encode());
    }
}

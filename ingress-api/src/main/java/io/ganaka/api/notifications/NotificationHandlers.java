package io.ganaka.api.notifications;

import io.ganaka.api.http.Requests;
import io.javalin.http.Context;

/** HTTP side of {@code /notifications}: read the request, call the service, write the answer. */
public final class NotificationHandlers {

    private final NotificationService notifications;

    public NotificationHandlers(NotificationService notifications) {
        this.notifications = notifications;
    }

    public void list(Context ctx) throws Exception {
        NotificationListRequest request = NotificationListRequest.parse(ctx.queryParamMap());
        ctx.json(notifications.list(Requests.principal(ctx).userId(), request));
    }
}

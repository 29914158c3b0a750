package io.ganaka.api.notifications;

import java.util.List;

/** One page of the caller's notifications, newest first; {@code nextCursor} is null on the last page. */
public record NotificationPage(List<NotificationView> items, String nextCursor) {

    public NotificationPage {
        items = List.copyOf(items);
    }
}

package io.ganaka.api.alerts;

import java.util.List;

/** A page of alerts; {@code nextCursor} null on the last page. */
public record AlertPage(List<AlertView> items, String nextCursor) {}

package io.ganaka.api.dashboard;

import io.ganaka.api.alerts.AlertHandlers;
import io.ganaka.api.live.DashboardSocket;

/** The handlers of the dashboard, its alerts and its live socket, handed to the route table together. */
public record DashboardRoutes(DashboardHandlers dashboard, AlertHandlers alerts, DashboardSocket socket) {}

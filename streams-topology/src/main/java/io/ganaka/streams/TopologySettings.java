package io.ganaka.streams;

import io.ganaka.streams.alerts.AlertSettings;
import io.ganaka.streams.reportupdates.MonthCloseSettings;
import java.util.Objects;

/** What the topologies are built from besides names: the alerts' defaults and when months close. */
public record TopologySettings(AlertSettings alerts, MonthCloseSettings monthClose) {

    public TopologySettings {
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(monthClose, "monthClose");
    }

    public static TopologySettings defaults() {
        return new TopologySettings(AlertSettings.defaults(), MonthCloseSettings.defaults());
    }
}

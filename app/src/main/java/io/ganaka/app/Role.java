package io.ganaka.app;

import java.util.Arrays;
import java.util.Optional;

/** The deployable roles of the one Ganaka program; each scales on its own. */
public enum Role {
    API,
    BRIDGE,
    STREAMS,
    SINKS;

    public String cliName() {
        return name().toLowerCase();
    }

    public static Optional<Role> fromCliName(String name) {
        return Arrays.stream(values()).filter(r -> r.cliName().equals(name)).findFirst();
    }
}

package io.ganaka.schemas;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** UUIDv7 ids: time-ordered, so they index well and sort roughly by creation. */
public final class EventIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private EventIds() {}

    public static String newId() {
        return GENERATOR.generate().toString();
    }
}

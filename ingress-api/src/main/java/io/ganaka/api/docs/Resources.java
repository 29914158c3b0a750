package io.ganaka.api.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads files that ship inside the jar; a missing one is a broken build, not a request error. */
final class Resources {

    private Resources() {}

    static byte[] read(String name) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    static boolean exists(String name) {
        return Resources.class.getClassLoader().getResource(name) != null;
    }
}

package io.ganaka.api.docs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, written into {@code version.properties} by Maven's resource filtering. */
public final class ApiVersion {

    private static final String VERSION = load();

    private ApiVersion() {}

    public static String current() {
        return VERSION;
    }

    private static String load() {
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(Resources.read("io/ganaka/api/docs/version.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }
}

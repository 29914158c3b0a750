package io.ganaka.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link GanakaConfig#KEYS} is exactly what loading the configuration reads, so deployment files can trust it. */
class GanakaConfigKeysTest {

    @Test
    void keysAreExactlyTheVariablesTheConfigurationReads() {
        Set<String> read = new TreeSet<>();
        // Both modes, plus the settings under which conditional keys (the SMS webhook's) are consulted.
        for (boolean dev : new boolean[] {true, false}) {
            for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("SMS_PROVIDER", "webhook", "SMTP_USER", "u"))) {
                RecordingEnvironment recording = new RecordingEnvironment(env);
                try {
                    GanakaConfig.load(recording, dev, true);
                } catch (ConfigException e) {
                    // missing secrets outside dev: every key has been read before the problems are thrown
                }
                read.addAll(recording.read);
            }
        }

        assertThat(read).containsExactlyInAnyOrderElementsOf(GanakaConfig.KEYS);
        assertThat(GanakaConfig.KEYS).doesNotHaveDuplicates();
    }

    @Test
    void logFormatIsJsonOrText() {
        assertThat(GanakaConfig.load(Map.of("LOG_FORMAT", "text"), true)).isNotNull();
        assertThat(GanakaConfig.load(Map.of("LOG_FORMAT", "json"), true)).isNotNull();
        assertThatThrownBy(() -> GanakaConfig.load(Map.of("LOG_FORMAT", "xml"), true))
                .hasMessageContaining("LOG_FORMAT must be one of json, text, got 'xml'");
    }

    /** An environment that remembers which variables were asked for. */
    private static final class RecordingEnvironment extends HashMap<String, String> {
        final Set<String> read = new TreeSet<>();

        RecordingEnvironment(Map<String, String> values) {
            super(values);
        }

        @Override
        public String get(Object key) {
            read.add((String) key);
            return super.get(key);
        }
    }
}

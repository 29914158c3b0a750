package io.ganaka.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** The deployment files at the root of the repository, read as YAML (anchors and merge keys resolved). */
final class ComposeFiles {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?([-?])([^}]*))?}");

    private ComposeFiles() {}

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String relativePath) throws IOException {
        try (Reader reader = Files.newBufferedReader(root().resolve(relativePath))) {
            return (Map<String, Object>) new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services(String composeFile) throws IOException {
        return (Map<String, Map<String, Object>>) yaml(composeFile).get("services");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : (List<Object>) value;
    }

    /** A service's environment as strings, with compose's {@code ${VAR:-default}} and {@code ${VAR:?error}} filled in. */
    static Map<String, String> environment(Map<String, Object> service, Map<String, String> required) {
        Map<String, String> env = new LinkedHashMap<>();
        map(service, "environment").forEach((key, value) -> env.put(key, interpolate(String.valueOf(value), required)));
        return env;
    }

    /** Fills in variables as compose would with an environment that holds only {@code required}. */
    static String interpolate(String value, Map<String, String> required) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = required.containsKey(name) ? required.get(name)
                    : "-".equals(m.group(2)) ? m.group(3) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }
}

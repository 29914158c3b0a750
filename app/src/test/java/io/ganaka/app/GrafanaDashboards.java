package io.ganaka.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.schemas.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The dashboards of {@code grafana/dashboards} and the metric names their queries read. */
final class GrafanaDashboards {

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");

    private GrafanaDashboards() {
    }

    /** The dashboards directory, found from the working directory (a module's) upwards. */
    static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("grafana").resolve("dashboards");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no grafana/dashboards above " + Path.of("").toAbsolutePath());
    }

    /** Each dashboard file with the metric names of its panel queries and template variables. */
    static Map<String, Set<String>> metricNames() {
        Map<String, Set<String>> byFile = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                byFile.put(file.getFileName().toString(), metricNames(Json.MAPPER.readTree(file.toFile())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byFile;
    }

    /** Every PromQL {@code expr} of the panels (rows included) and the metric of each {@code label_values} query. */
    static Set<String> metricNames(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (JsonNode expr : dashboard.findValues("expr")) {
            names.addAll(PromQlMetricNames.of(expr.asText()));
        }
        for (String query : templateQueries(dashboard)) {
            Matcher m = LABEL_VALUES.matcher(query);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static List<String> templateQueries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            queries.add(query.isObject() ? query.path("query").asText() : query.asText());
        }
        return queries;
    }
}

package io.ganaka.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProjectionReportTest {

    @Test
    void encodesAsCompactJsonWithTheSinkAndTheIds() {
        byte[] encoded = new ProjectionReport("expenses", List.of("e1", "e2")).encode();

        assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo("{\"sink\":\"expenses\",\"ids\":[\"e1\",\"e2\"]}");
        assertThat(ProjectionReport.decode(encoded)).isEqualTo(new ProjectionReport("expenses", List.of("e1", "e2")));
    }

    @Test
    void splitsManyIdsIntoReportsOfAtMostMaxIdsInOrder() {
        List<String> ids = IntStream.range(0, ProjectionReport.MAX_IDS * 2 + 1).mapToObj(i -> "e" + i).toList();

        List<ProjectionReport> reports = ProjectionReport.chunked("expenses", ids);

        assertThat(reports).extracting(r -> r.ids().size())
                .containsExactly(ProjectionReport.MAX_IDS, ProjectionReport.MAX_IDS, 1);
        assertThat(reports.stream().flatMap(r -> r.ids().stream()).toList()).isEqualTo(ids);
        assertThat(ProjectionReport.chunked("expenses", List.of())).isEmpty();
    }

    @Test
    void refusesBytesThatAreNoReport() {
        assertThatThrownBy(() -> ProjectionReport.decode("nope".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> ProjectionReport.decode("{\"ids\":[\"e1\"]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> ProjectionReport.decode("{\"sink\":\"x\",\"ids\":[null]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class);
    }
}

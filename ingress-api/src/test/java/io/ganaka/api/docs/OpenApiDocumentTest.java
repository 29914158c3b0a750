package io.ganaka.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The bundled document parses, so a YAML slip fails the build here rather than at the API's start. */
class OpenApiDocumentTest {

    @Test
    void bundledDocumentIsOpenApi31WithThisBuildsVersion() {
        JsonNode document = OpenApiDocument.bundled().tree();

        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.at("/info/version").asText()).isEqualTo(ApiVersion.current()).doesNotContain("${");
        assertThat(document.path("paths").size()).isGreaterThan(40);
    }
}

package io.ganaka.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.UnsupportedMediaTypeException;
import io.ganaka.schemas.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;

/** Reads a request body as a JSON tree: 415 unless declared JSON, 400 unless it parses as exactly one JSON value. */
public final class JsonBodies {

    // Duplicate keys are ambiguous (which one wins?) and trailing garbage means a broken client: refuse both.
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonBodies() {}

    public static JsonFields fields(Context ctx) {
        return JsonFields.of(read(ctx));
    }

    public static JsonNode read(Context ctx) {
        String contentType = ctx.contentType();
        if (!isJson(contentType)) {
            throw new UnsupportedMediaTypeException(contentType);
        }
        // bodyAsBytes enforces the configured maximum request size (413).
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new MalformedRequestException("request body is empty");
        }
        try {
            return READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedRequestException("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedRequestException("request body could not be read");
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }
}

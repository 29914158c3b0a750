package io.ganaka.api.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.PayloadTooLargeException;
import io.ganaka.api.errors.UnsupportedMediaTypeException;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.api.http.SpooledBody;
import io.ganaka.schemas.Json;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an import upload off the request into a temporary file, never into memory, under the import route's own size
 * limit (the API's default limit is far smaller): either the raw body, with options as query parameters, or a
 * {@code multipart/form-data} body with a {@code file} part and an optional {@code options} JSON part.
 */
public final class ImportUploads {

    private static final String MULTIPART = "multipart/form-data";
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    private static final int MAX_OPTIONS_BYTES = 16 * 1024;
    private static final int PART_MEMORY_THRESHOLD = 256 * 1024;
    private static final Set<String> RAW_TYPES = Set.of("text/plain", "application/octet-stream");
    private static final String ACCEPTED = "text/csv, application/x-ofx, application/qif, text/plain,"
            + " application/octet-stream or multipart/form-data with a file part";
    private static final ObjectReader STRICT_JSON = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final long maxBytes;

    public ImportUploads(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The spooled upload; the caller owns (and must eventually delete) its file. */
    public ImportUpload read(Context ctx) throws IOException {
        String contentType = ctx.header("Content-Type");
        String mediaType = contentType == null ? null
                : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (mediaType == null || !(mediaType.equals(MULTIPART) || RAW_TYPES.contains(mediaType)
                || ImportFormat.ofMediaType(mediaType).isPresent())) {
            throw new UnsupportedMediaTypeException(contentType, ACCEPTED);
        }
        // A declared length over the limit is refused before a byte is read; chunked bodies are counted as they come.
        if (ctx.req().getContentLengthLong() > maxBytes + (mediaType.equals(MULTIPART) ? MAX_OPTIONS_BYTES * 4L : 0)) {
            throw new PayloadTooLargeException(maxBytes);
        }
        return mediaType.equals(MULTIPART) ? multipart(ctx) : raw(ctx, mediaType);
    }

    private ImportUpload raw(Context ctx, String mediaType) throws IOException {
        ImportOptions options = ImportOptions.from(queryOptions(ctx.queryParamMap()));
        Path file = spool(SpooledBody.body(ctx)); // the body may have been spooled for an Idempotency-Key
        return new ImportUpload(file, mediaType, null, options);
    }

    private ImportUpload multipart(Context ctx) throws IOException {
        if (!ctx.queryParamMap().isEmpty()) {
            throw new ValidationException("options", "of a multipart upload go in its options part, not the query");
        }
        ctx.req().setAttribute(MULTIPART_CONFIG, new MultipartConfigElement(
                System.getProperty("java.io.tmpdir"), maxBytes, maxBytes + MAX_OPTIONS_BYTES * 4L,
                PART_MEMORY_THRESHOLD));
        Part filePart;
        Part optionsPart;
        try {
            for (Part part : ctx.req().getParts()) {
                if (!part.getName().equals("file") && !part.getName().equals("options")) {
                    throw new ValidationException(part.getName(), "is not a part of an import; send file and"
                            + " optionally options");
                }
            }
            filePart = ctx.req().getPart("file");
            optionsPart = ctx.req().getPart("options");
        } catch (ServletException | IllegalStateException | IOException e) {
            // The rest of a body the parser gave up on cannot be trusted to end where a next request begins.
            ctx.header("Connection", "close");
            throw multipartProblem(e);
        }
        if (filePart == null) {
            throw new ValidationException("file", "is required: send the file as the multipart part named file");
        }
        ImportOptions options = ImportOptions.from(optionsPart == null ? null : optionsJson(optionsPart));
        String partType = filePart.getContentType() == null ? null
                : filePart.getContentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        Path file;
        try (InputStream in = filePart.getInputStream()) {
            file = spool(in);
        }
        return new ImportUpload(file, partType, filePart.getSubmittedFileName(), options);
    }

    /** Jetty reports a part over the size limit and a body that is no multipart alike, so the cause decides. */
    private RuntimeException multipartProblem(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("max") && (message.contains("size") || message.contains("length")
                    || message.contains("exceed"))) {
                return new PayloadTooLargeException(maxBytes);
            }
        }
        return new MalformedRequestException("the multipart body cannot be read");
    }

    private static JsonNode optionsJson(Part part) throws IOException {
        byte[] json;
        try (InputStream in = part.getInputStream()) {
            json = in.readNBytes(MAX_OPTIONS_BYTES + 1);
        }
        if (json.length > MAX_OPTIONS_BYTES) {
            throw new ValidationException("options", "must be at most " + MAX_OPTIONS_BYTES + " bytes of JSON");
        }
        try {
            return STRICT_JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ValidationException("options", "is not valid JSON");
        }
    }

    /** Query parameters of a raw upload as the options object: {@code columns.date=Buchungstag} maps a column. */
    static JsonNode queryOptions(Map<String, List<String>> query) {
        ObjectNode options = Json.MAPPER.createObjectNode();
        for (Map.Entry<String, List<String>> param : query.entrySet()) {
            if (param.getValue().size() != 1) {
                throw new ValidationException("options." + param.getKey(), "must be given once");
            }
            String value = param.getValue().get(0);
            if (param.getKey().startsWith("columns.")) {
                ObjectNode columns = options.has("columns") ? (ObjectNode) options.get("columns")
                        : options.putObject("columns");
                columns.put(param.getKey().substring("columns.".length()), value);
            } else {
                options.put(param.getKey(), value);
            }
        }
        return options;
    }

    /** Copies the body into a new temporary file, refusing (413) and deleting it past the limit. */
    private Path spool(InputStream in) throws IOException {
        Path file = Files.createTempFile("ganaka-import-", ".upload");
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw new PayloadTooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw new ValidationException("file", "is empty");
            }
            kept = true;
            return file;
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }
}

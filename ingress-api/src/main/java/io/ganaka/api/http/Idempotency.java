package io.ganaka.api.http;

import io.ganaka.api.errors.ConflictException;
import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.UnprocessableException;
import io.ganaka.api.http.IdempotencyStore.Claim;
import io.ganaka.api.http.IdempotencyStore.Claimed;
import io.ganaka.api.http.IdempotencyStore.Completed;
import io.ganaka.api.http.IdempotencyStore.InProgress;
import io.ganaka.api.http.IdempotencyStore.StoredAnswer;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} for a route: the first request with a key runs, and for 24 h the same key and the same
 * request (method, path, body) get its answer again, marked {@code Idempotency-Replayed: true}, without running the
 * handler. Keys are scoped by user and stored hashed; only 2xx answers are kept, so a failed request can be retried.
 */
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    static final Duration KEEP = Duration.ofHours(24);
    /** Longer than any request may run (publish timeout plus the longest {@code Prefer: wait}). */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** The headers that describe a stored body; the rest (request id, security headers) belong to each response. */
    static final List<String> REPLAYED_HEADERS =
            List.of("Location", "ETag", "Content-Type", PreferWait.PREFERENCE_APPLIED);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");
    private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);

    /** The largest upload a key may cover unless the server says otherwise: the import route's default limit. */
    static final long DEFAULT_MAX_UPLOAD_BYTES = 32L * 1024 * 1024;

    private final IdempotencyStore store;
    private final long maxUploadBytes;

    public Idempotency(IdempotencyStore store) {
        this(store, DEFAULT_MAX_UPLOAD_BYTES);
    }

    /** @param maxUploadBytes the largest non-JSON body (an upload) read to fingerprint it */
    public Idempotency(IdempotencyStore store, long maxUploadBytes) {
        this.store = store;
        this.maxUploadBytes = maxUploadBytes;
    }

    /** The handler made idempotent; it must run behind the access check (keys are scoped by the caller). */
    public Handler wrap(Handler handler) {
        return ctx -> handle(ctx, handler);
    }

    private void handle(Context ctx, Handler handler) throws Exception {
        String key = ctx.header(HEADER);
        if (key == null) {
            handler.handle(ctx);
            return;
        }
        if (!isValidKey(key)) {
            throw new MalformedRequestException(HEADER + " must be 1 to 255 printable ASCII characters");
        }
        String scopedKey = Requests.principal(ctx).userId() + ":" + sha256(key.getBytes(StandardCharsets.US_ASCII));
        try {
            handleKeyed(ctx, handler, scopedKey);
        } finally {
            SpooledBody.discard(ctx);
        }
    }

    private void handleKeyed(Context ctx, Handler handler, String scopedKey) throws Exception {
        String fingerprint = fingerprint(ctx);
        Claim claim = store.claim(scopedKey, fingerprint, LEASE);
        if (claim instanceof Completed done) {
            requireSameRequest(done.answer().fingerprint(), fingerprint);
            replay(ctx, done.answer());
        } else if (claim instanceof InProgress running) {
            requireSameRequest(running.fingerprint(), fingerprint);
            throw new ConflictException("idempotency-key-in-use",
                    "A request with this " + HEADER + " is still in progress; retry once it has finished.");
        } else {
            runFirst(ctx, handler, scopedKey, fingerprint, (Claimed) claim);
        }
    }

    private void runFirst(Context ctx, Handler handler, String key, String fingerprint, Claimed claim)
            throws Exception {
        try {
            handler.handle(ctx);
        } catch (Exception | Error e) {
            releaseQuietly(key, claim);
            throw e;
        }
        if (ctx.statusCode() < 200 || ctx.statusCode() > 299) {
            releaseQuietly(key, claim);
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = name.equals("Content-Type") ? ctx.res().getContentType() : ctx.res().getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        String body = ctx.result();
        try {
            if (!store.complete(key, claim, new StoredAnswer(fingerprint, ctx.statusCode(), headers,
                    body == null ? "" : body), KEEP)) {
                LOG.warn("idempotency claim lapsed before request {} finished; its answer is not kept",
                        Requests.requestId(ctx));
            }
        } catch (RuntimeException e) {
            // The work is done and durable: answer it, rather than invite a retry that would do it twice.
            LOG.warn("could not keep the answer of request {} for its {}: {}", Requests.requestId(ctx), HEADER,
                    e.toString());
        }
    }

    private void releaseQuietly(String key, Claimed claim) {
        try {
            store.release(key, claim);
        } catch (RuntimeException e) {
            // The claim lapses by itself after its lease; until then a retry hears 409.
            LOG.warn("could not release an {} after a failed request: {}", HEADER, e.toString());
        }
    }

    private static void replay(Context ctx, StoredAnswer answer) {
        answer.headers().forEach((name, value) -> {
            if (name.equals("Content-Type")) {
                ctx.contentType(value);
            } else {
                ctx.header(name, value);
            }
        });
        ctx.header(REPLAYED, "true").status(answer.status()).result(answer.body());
    }

    private static void requireSameRequest(String stored, String fingerprint) {
        if (!stored.equals(fingerprint)) {
            throw new UnprocessableException(HEADER, "was already used for a different request");
        }
    }

    static boolean isValidKey(String key) {
        return VALID_KEY.matcher(key).matches() && !key.isBlank();
    }

    /**
     * What makes two requests "the same": method, path with query, and the exact body bytes. A multipart body is read
     * through its parts instead, which the server keeps, so that the handler can still read its uploads afterwards; any
     * other non-JSON body (a file upload, possibly larger than the API's body limit) is spooled to a temporary file
     * that the handler reads through {@link SpooledBody}.
     */
    private String fingerprint(Context ctx) throws IOException {
        MessageDigest digest = sha256();
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        digest.update((ctx.method().name() + " " + ctx.path() + query + "\n").getBytes(StandardCharsets.UTF_8));
        if (!ctx.isMultipartFormData()) {
            if (isJson(ctx.contentType())) {
                digest.update(ctx.bodyAsBytes()); // kept by Javalin: ctx.body() and bodyAsBytes() still work afterwards
            } else {
                SpooledBody.spool(ctx, maxUploadBytes, digest);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        for (Map.Entry<String, List<String>> field : new TreeMap<>(ctx.formParamMap()).entrySet()) {
            digest.update(("field " + field.getKey() + "=" + field.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, List<UploadedFile>> files : new TreeMap<>(ctx.uploadedFileMap()).entrySet()) {
            for (UploadedFile file : files.getValue()) {
                digest.update(("file " + files.getKey() + " " + file.filename() + "\n").getBytes(StandardCharsets.UTF_8));
                try (InputStream content = file.content()) {
                    content.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** JSON bodies, and requests without a body type, stay within the API's body limit and are read into memory. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return true;
        }
        String media = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return media.isEmpty() || media.equals("application/json") || media.endsWith("+json");
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}

package io.ganaka.api.http;

import io.ganaka.api.errors.PayloadTooLargeException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * A request body too large to hold in memory (a file upload), read once into a temporary file so that it can be
 * fingerprinted before the handler runs and still be read by the handler afterwards. Handlers that take uploads read
 * their body through {@link #body(Context)}.
 */
public final class SpooledBody {

    private static final String ATTRIBUTE = "ganaka.spooledBody";

    private SpooledBody() {}

    /** The request's body: the spooled copy when there is one, otherwise the request's own stream. */
    public static InputStream body(Context ctx) throws IOException {
        Path spooled = ctx.attribute(ATTRIBUTE);
        return spooled == null ? ctx.bodyInputStream() : Files.newInputStream(spooled);
    }

    /**
     * Reads the body into a temporary file, feeding every byte to {@code digest}.
     *
     * @throws PayloadTooLargeException when the body has more than {@code maxBytes}
     */
    static void spool(Context ctx, long maxBytes, MessageDigest digest) throws IOException {
        Path file = Files.createTempFile("ganaka-body-", ".spool");
        ctx.attribute(ATTRIBUTE, file);
        try (InputStream in = ctx.bodyInputStream(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw new PayloadTooLargeException(maxBytes);
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
    }

    /** Removes the spooled copy, if any; called once the request is answered. */
    static void discard(Context ctx) throws IOException {
        Path spooled = ctx.attribute(ATTRIBUTE);
        if (spooled != null) {
            Files.deleteIfExists(spooled);
        }
    }
}

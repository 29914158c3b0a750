package io.ganaka.api.imports;

import io.ganaka.api.errors.ValidationException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the parser for a file's format; opening reads the file's head and refuses (400) what cannot be imported. */
public final class RowSources {

    private RowSources() {}

    /** @throws ValidationException when the head of the file shows it cannot be imported (a 400 at upload) */
    public static RowSource open(ImportFormat format, InputStream in, ImportOptions options) {
        try {
            return switch (format) {
                case CSV -> new CsvRowSource(in, options);
                case OFX -> new OfxRowSource(in, options);
                case QIF -> new QifRowSource(in, options);
            };
        } catch (MalformedFileException e) {
            // Broken already in its head (an OFX file ending inside a tag before <OFX>): the upload's fault, not a 500.
            throw new ValidationException("file", "is malformed: " + e.getMessage());
        }
    }

    public static RowSource open(ImportFormat format, Path file, ImportOptions options) {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spooled upload " + file, e);
        }
        try {
            return open(format, in, options);
        } catch (RuntimeException e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}

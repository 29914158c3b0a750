package io.ganaka.api.imports;

import java.util.Iterator;

/**
 * The rows of one file, read lazily so that a file of any length is processed in constant memory. Iteration throws
 * {@link MalformedFileException} when the file breaks its format beyond a single row.
 */
public interface RowSource extends Iterator<ParsedRow>, AutoCloseable {

    @Override
    void close();
}

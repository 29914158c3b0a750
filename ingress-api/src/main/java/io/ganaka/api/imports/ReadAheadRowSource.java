package io.ganaka.api.imports;

import java.util.NoSuchElementException;

/**
 * A row source for formats read record by record (OFX, QIF): it reads one row ahead, since only reading on tells
 * whether another transaction follows.
 */
abstract class ReadAheadRowSource implements RowSource {

    private ParsedRow next;

    /** The file's next row; null at its end. */
    abstract ParsedRow readRow();

    @Override
    public final boolean hasNext() {
        if (next == null) {
            next = readRow();
        }
        return next != null;
    }

    @Override
    public final ParsedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ParsedRow row = next;
        next = null;
        return row;
    }
}

package io.ganaka.api.imports;

import java.nio.file.Path;

/**
 * An uploaded file, already spooled to a temporary file, with what the request said about it.
 *
 * @param mediaType the declared media type of the file (lower case, without parameters), or null
 * @param fileName  the client's file name (multipart only), or null
 */
public record ImportUpload(Path file, String mediaType, String fileName, ImportOptions options) {}

package io.ganaka.api.imports;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.schemas.Json;
import java.io.ByteArrayInputStream;

/**
 * Coverage-guided fuzzing of the CSV, OFX and QIF import parsers (see docs/fuzzing.md). Their contract: opening a
 * file either succeeds or refuses it with a {@link ValidationException} (400); reading it yields rows, each read or
 * rejected with a reason, or stops with a {@link MalformedFileException} (the import fails). Anything else would
 * fail an import job with an internal error. Without JAZZER_FUZZ=1 the seeds in
 * {@code ImportParsersFuzzTestInputs/<method>/} replay as regression tests.
 */
class ImportParsersFuzzTest {

    private static final ImportOptions EUR = ImportOptions.DEFAULTS.withDefaultCurrency("EUR");

    @FuzzTest(maxDuration = "60s")
    void csv(byte[] file) {
        readAll(ImportFormat.CSV, file, EUR);
    }

    @FuzzTest(maxDuration = "60s")
    void ofx(byte[] file) {
        readAll(ImportFormat.OFX, file, EUR);
    }

    @FuzzTest(maxDuration = "60s")
    void qif(byte[] file) {
        readAll(ImportFormat.QIF, file, EUR);
    }

    /**
     * The options a user may send (date pattern, separators, delimiter, column names, sign) chosen by the fuzzer,
     * then a file in any format read with them: user-chosen patterns meet fuzzed dates here.
     */
    @FuzzTest(maxDuration = "60s")
    void withOptions(FuzzedDataProvider data) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        if (data.consumeBoolean()) {
            json.put("dateFormat", data.consumeString(16));
        }
        if (data.consumeBoolean()) {
            json.put("decimalSeparator", data.pickValue(new String[] {".", ",", data.consumeString(2)}));
        }
        if (data.consumeBoolean()) {
            json.put("delimiter", data.consumeString(2));
        }
        if (data.consumeBoolean()) {
            json.put("amountSign", data.pickValue(new String[] {"bank", "expense"}));
        }
        if (data.consumeBoolean()) {
            json.putObject("columns").put("date", data.consumeString(10)).put("amount", data.consumeString(10));
        }
        json.put("defaultCurrency", data.pickValue(new String[] {"EUR", "JPY", "BHD"}));
        ImportOptions options;
        try {
            options = ImportOptions.from(json);
        } catch (ValidationException refused) {
            return;
        }
        ImportFormat format = data.pickValue(ImportFormat.values());
        readAll(format, data.consumeRemainingAsBytes(), options);
    }

    private static void readAll(ImportFormat format, byte[] file, ImportOptions options) {
        RowSource source;
        try {
            source = RowSources.open(format, new ByteArrayInputStream(file), options);
        } catch (ValidationException refused) {
            return;
        }
        try (source) {
            while (source.hasNext()) {
                source.next();
            }
        } catch (MalformedFileException failed) {
            // The documented end of a broken file.
        }
    }
}

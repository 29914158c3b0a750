package io.ganaka.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Import options: what is accepted, and every invalid option named at once. */
class ImportOptionsTest {

    @Test
    void everyOptionIsRead() throws Exception {
        ImportOptions options = ImportOptions.from(Json.MAPPER.readTree("""
                {"format":"qfx","columns":{"Date":"Buchungstag"},"dateFormat":"dd.MM.yyyy","decimalSeparator":",",
                 "defaultCurrency":"EUR","delimiter":"\\\\t","amountSign":"bank","charset":"ISO-8859-1"}"""));

        assertThat(options.format()).isEqualTo(ImportFormat.OFX);
        assertThat(options.columns()).containsEntry(ImportField.DATE, "Buchungstag");
        assertThat(options.datePattern()).isEqualTo("dd.MM.yyyy");
        assertThat(options.decimalSeparator()).isEqualTo(',');
        assertThat(options.defaultCurrency()).isEqualTo("EUR");
        assertThat(options.delimiter()).isEqualTo('\t');
        assertThat(options.amountSign()).isEqualTo(AmountSign.BANK);
        assertThat(options.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void missingOptionsAreTheDefaults() {
        assertThat(ImportOptions.from(null)).isEqualTo(ImportOptions.DEFAULTS);
        assertThat(ImportOptions.DEFAULTS.signFor(ImportFormat.CSV)).isEqualTo(AmountSign.EXPENSE);
        assertThat(ImportOptions.DEFAULTS.signFor(ImportFormat.QIF)).isEqualTo(AmountSign.BANK);
    }

    @Test
    void everyInvalidOptionIsReportedByName() throws Exception {
        assertThatThrownBy(() -> ImportOptions.from(Json.MAPPER.readTree("""
                {"format":"xls","columns":{"when":"Datum","amount":""},"dateFormat":"dd.MM.yyyy {","decimalSeparator":";",
                 "defaultCurrency":"EURO","delimiter":"ab","amountSign":"up","charset":"klingon","colour":"red"}""")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrderElementsOf(List.of("options.colour", "options.format",
                                "options.columns.when", "options.columns.amount", "options.dateFormat",
                                "options.decimalSeparator", "options.defaultCurrency", "options.delimiter",
                                "options.amountSign", "options.charset")));
    }

    /** Found by ImportParsersFuzzTest: the JDK threw a ClassCastException on this pattern, a 500 at upload. */
    @Test
    void aDatePatternTheJdkCannotBuildIsAFieldError() throws Exception {
        assertThatThrownBy(() -> ImportOptions.from(Json.MAPPER.readTree("{\"dateFormat\":\"pdMM\"}")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                        .containsExactly("options.dateFormat"));
    }

    @Test
    void optionsMustBeAnObject() throws Exception {
        assertThatThrownBy(() -> ImportOptions.from(Json.MAPPER.readTree("[1]")))
                .isInstanceOf(ValidationException.class);
    }
}

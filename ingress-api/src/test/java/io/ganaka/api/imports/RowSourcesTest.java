package io.ganaka.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.schemas.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV, OFX and QIF parsers on small files: what each reads, what it rejects per row and what it refuses whole. */
class RowSourcesTest {

    private static final ImportOptions EUR = ImportOptions.DEFAULTS.withDefaultCurrency("EUR");

    // ---- CSV -----------------------------------------------------------------------------------------------------

    @Test
    void csvWithFieldNamesInTheHeaderNeedsNoMapping() throws Exception {
        List<ParsedRow> rows = read(ImportFormat.CSV, """
                Date,Amount,Currency,Description,Merchant,Category,Tags,Notes
                2026-03-15T08:30:00Z,12.34,EUR,Espresso,Nero,Coffee,coffee;morning,double
                2026-03-16,7.5,usd,Lunch,,,,
                """, ImportOptions.DEFAULTS);

        assertThat(rows).hasSize(2);
        ParsedRow first = rows.get(0);
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-03-15T08:30:00Z"));
        assertThat(first.amount()).isEqualTo("12.34");
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.description()).isEqualTo("Espresso");
        assertThat(first.merchant()).isEqualTo("Nero");
        assertThat(first.category()).isEqualTo("Coffee");
        assertThat(first.tags()).containsExactly("coffee", "morning");
        assertThat(first.notes()).isEqualTo("double");
        ParsedRow second = rows.get(1);
        assertThat(second.occurredAt()).isEqualTo(Instant.parse("2026-03-16T12:00:00Z"));
        assertThat(second.currency()).isEqualTo("USD");
        assertThat(second.merchant()).isNull();
        assertThat(second.tags()).isEmpty();
    }

    @Test
    void mappedCsvReadsGermanDatesDecimalCommasAndBankSigns() throws Exception {
        ImportOptions options = options("""
                {"columns":{"date":"Buchungstag","amount":"Betrag","description":"Verwendungszweck"},
                 "dateFormat":"dd.MM.yyyy","decimalSeparator":",","defaultCurrency":"EUR","amountSign":"bank"}""");

        List<ParsedRow> rows = read(ImportFormat.CSV, """
                Buchungstag;Verwendungszweck;Betrag
                15.03.2026;Bäckerei Müller;-1.234,56
                16.03.2026;Gehalt;2.500,00
                31.02.2026;Unmöglich;-1,00
                """, options);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).occurredAt()).isEqualTo(Instant.parse("2026-03-15T12:00:00Z"));
        assertThat(rows.get(0).amount()).isEqualTo("1234.56");
        assertThat(rows.get(0).currency()).isEqualTo("EUR");
        assertThat(rows.get(0).description()).isEqualTo("Bäckerei Müller");
        assertThat(rows.get(1).rejection()).isEqualTo("not an expense (credit)");
        assertThat(rows.get(2).rejection()).contains("31.02.2026").contains("dd.MM.yyyy");
    }

    @Test
    void quotedCsvFieldsKeepDelimitersQuotesAndLineBreaks() throws Exception {
        List<ParsedRow> rows = read(ImportFormat.CSV, """
                date,amount,currency,description,notes
                2026-03-15,"1,234.50",EUR,"Dinner, with ""friends""\","line one
                line two"
                """, ImportOptions.DEFAULTS);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.amount()).isEqualTo("1234.50");
            assertThat(row.description()).isEqualTo("Dinner, with \"friends\"");
            assertThat(row.notes()).isEqualTo("line one\nline two");
        });
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnored() throws Exception {
        List<ParsedRow> rows = read(ImportFormat.CSV, "\uFEFFdate,amount,currency,description\n"
                + "2026-03-15,1.00,EUR,Tea\n", ImportOptions.DEFAULTS);

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.description()).isEqualTo("Tea"));
    }

    @Test
    void unreadableCsvValuesRejectTheirRowWithTheReason() throws Exception {
        List<ParsedRow> rows = read(ImportFormat.CSV, """
                date,amount,currency,description
                yesterday,1.00,EUR,Tea
                2026-03-15,lots,EUR,Tea
                ,1.00,EUR,Tea
                """, ImportOptions.DEFAULTS);

        assertThat(rows).extracting(ParsedRow::rejection).containsExactly(
                "date 'yesterday' is not a date in the form 2026-03-15 or 2026-03-15T12:00:00Z",
                "amount 'lots' is not a number with decimal separator '.'",
                "date is required");
    }

    @Test
    void csvWithoutTheRequiredColumnsIsRefusedWithTheColumnNamed() {
        assertThatThrownBy(() -> read(ImportFormat.CSV, "when,amount,currency,description\n", ImportOptions.DEFAULTS))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).message())
                        .startsWith("has no date column"));
        assertThatThrownBy(() -> read(ImportFormat.CSV, "date,amount,description\n", ImportOptions.DEFAULTS))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field())
                        .isEqualTo("options.defaultCurrency"));
        assertThatThrownBy(() -> read(ImportFormat.CSV, "", ImportOptions.DEFAULTS))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aMappingToAMissingColumnIsRefused() throws Exception {
        ImportOptions options = options("{\"columns\":{\"date\":\"Buchungstag\"}}");

        assertThatThrownBy(() -> read(ImportFormat.CSV, "date,amount,currency,description\n", options))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field())
                        .isEqualTo("options.columns.date"));
    }

    @Test
    void anUnterminatedQuoteMakesTheFileMalformed() {
        assertThatThrownBy(() -> read(ImportFormat.CSV, "date,amount,currency,description\n"
                + "2026-03-15,1.00,EUR,\"Tea\n2026-03-16,2.00,EUR,Cake\n", ImportOptions.DEFAULTS))
                .isInstanceOf(MalformedFileException.class);
    }

    // ---- OFX -----------------------------------------------------------------------------------------------------

    @Test
    void ofxVersionOneSgmlIsReadWithoutEndTags() throws Exception {
        List<ParsedRow> rows = read(ImportFormat.OFX, """
                OFXHEADER:100
                DATA:OFXSGML
                VERSION:102
                CHARSET:1252

                <OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS></SONRS></SIGNONMSGSRSV1>
                <BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD
                <BANKTRANLIST><DTSTART>20260301
                <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260315120000[-5:EST]<TRNAMT>-12.34<FITID>A1<NAME>Coffee &amp; Co<MEMO>Latte
                </STMTTRN>
                <STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20260316<TRNAMT>100.00<FITID>A2<NAME>Salary
                </STMTTRN>
                </BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
                """, ImportOptions.DEFAULTS);

        assertThat(rows).hasSize(2);
        ParsedRow debit = rows.get(0);
        assertThat(debit.occurredAt()).isEqualTo(Instant.parse("2026-03-15T12:00:00Z"));
        assertThat(debit.amount()).isEqualTo("12.34");
        assertThat(debit.currency()).isEqualTo("USD");
        assertThat(debit.description()).isEqualTo("Coffee & Co");
        assertThat(debit.notes()).isEqualTo("Latte");
        assertThat(debit.externalId()).isEqualTo("A1");
        assertThat(rows.get(1).rejection()).isEqualTo("not an expense (credit)");
    }

    @Test
    void ofxVersionTwoXmlIsRead() throws Exception {
        List<ParsedRow> rows = read(ImportFormat.OFX, """
                <?xml version="1.0" encoding="UTF-8"?>
                <?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE"?>
                <OFX><CREDITCARDMSGSRSV1><CCSTMTTRNRS><CCSTMTRS><CURDEF>EUR</CURDEF>
                  <BANKTRANLIST>
                    <STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20260402</DTPOSTED><TRNAMT>-5.5</TRNAMT>
                      <FITID>X9</FITID><NAME>Bakery</NAME></STMTTRN>
                  </BANKTRANLIST>
                </CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1></OFX>
                """, ImportOptions.DEFAULTS);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.occurredAt()).isEqualTo(Instant.parse("2026-04-02T12:00:00Z"));
            assertThat(row.amount()).isEqualTo("5.5");
            assertThat(row.currency()).isEqualTo("EUR");
            assertThat(row.description()).isEqualTo("Bakery");
            assertThat(row.externalId()).isEqualTo("X9");
        });
    }

    @Test
    void anOfxFileDeclaringWindows1252IsDecodedAsSuch() {
        byte[] file = ("OFXHEADER:100\nCHARSET:1252\n\n<OFX><CURDEF>EUR<STMTTRN><DTPOSTED>20260301<TRNAMT>-2.00"
                + "<NAME>Caf\u00e9 \u20ac</STMTTRN></OFX>").getBytes(java.nio.charset.Charset.forName("windows-1252"));

        List<ParsedRow> rows = new ArrayList<>();
        try (RowSource source = RowSources.open(ImportFormat.OFX, new ByteArrayInputStream(file),
                ImportOptions.DEFAULTS)) {
            source.forEachRemaining(rows::add);
        }

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.description()).isEqualTo("Caf\u00e9 \u20ac"));
    }

    @Test
    void ofxTransactionsWithBadDatesOrAmountsAreRejectedOneByOne() throws Exception {
        List<ParsedRow> rows = read(ImportFormat.OFX, "<OFX><CURDEF>EUR"
                + "<STMTTRN><DTPOSTED>2026<TRNAMT>-1<NAME>A</STMTTRN>"
                + "<STMTTRN><DTPOSTED>20260101<TRNAMT>abc<NAME>B</STMTTRN></OFX>", ImportOptions.DEFAULTS);

        assertThat(rows).extracting(ParsedRow::rejection).containsExactly(
                "DTPOSTED '2026' is not an OFX date such as 20260315", "TRNAMT 'abc' is not a number");
    }

    @Test
    void malformedOfxFilesAreRefusedOrFailWhole() {
        assertThatThrownBy(() -> read(ImportFormat.OFX, "date,amount\n", ImportOptions.DEFAULTS))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> read(ImportFormat.OFX, "<OFX><STMTTRN><DTPOSTED>20260101<TRNAMT>-1",
                ImportOptions.DEFAULTS)).isInstanceOf(MalformedFileException.class);
    }

    // ---- QIF -----------------------------------------------------------------------------------------------------

    @Test
    void qifBankRecordsAreReadWithQuickenDatesAndTheDefaultCurrency() throws Exception {
        List<ParsedRow> rows = read(ImportFormat.QIF, """
                !Type:Bank
                D3/15'26
                T-1,234.50
                PHardware Store
                MNails
                LHome:Repairs
                ^
                D03/16/2026
                T250.00
                PRefund
                ^
                D12/31/99
                U-3.00
                MBus
                L[Savings]
                ^
                """, EUR);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).occurredAt()).isEqualTo(Instant.parse("2026-03-15T12:00:00Z"));
        assertThat(rows.get(0).amount()).isEqualTo("1234.50");
        assertThat(rows.get(0).currency()).isEqualTo("EUR");
        assertThat(rows.get(0).description()).isEqualTo("Hardware Store");
        assertThat(rows.get(0).notes()).isEqualTo("Nails");
        assertThat(rows.get(0).category()).isEqualTo("Home:Repairs");
        assertThat(rows.get(1).rejection()).isEqualTo("not an expense (credit)");
        assertThat(rows.get(2).occurredAt()).isEqualTo(Instant.parse("1999-12-31T12:00:00Z"));
        assertThat(rows.get(2).description()).isEqualTo("Bus");
        assertThat(rows.get(2).category()).isNull();
    }

    @Test
    void qifAccountBlocksAreSkipped() {
        List<ParsedRow> rows = read(ImportFormat.QIF, "!Option:AutoSwitch\n!Account\nNChecking\nTBank\n^\n"
                + "!Clear:AutoSwitch\n!Type:Bank\nD1/2/2026\nT-4.00\nPBakery\n^\n"
                + "!Account\nNSavings\nTBank\n^\n!Type:Bank\n", EUR);

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.description()).isEqualTo("Bakery"));
    }

    @Test
    void qifCreditCardFilesWithADatePatternAreRead() throws Exception {
        ImportOptions options = options("{\"dateFormat\":\"dd.MM.yyyy\",\"defaultCurrency\":\"CHF\"}");

        List<ParsedRow> rows = read(ImportFormat.QIF, "!Type:CCard\nD15.03.2026\nT-9.90\nPCinema\n^\n", options);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.occurredAt()).isEqualTo(Instant.parse("2026-03-15T12:00:00Z"));
            assertThat(row.currency()).isEqualTo("CHF");
        });
    }

    @Test
    void malformedOrUnsupportedQifFilesAreRefusedOrFailWhole() {
        assertThatThrownBy(() -> read(ImportFormat.QIF, "!Type:Invst\nD1/1/26\n^\n", EUR))
                .isInstanceOf(ValidationException.class).hasMessageContaining("invst");
        assertThatThrownBy(() -> read(ImportFormat.QIF, "D1/1/26\nT-1\n^\n", EUR))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> read(ImportFormat.QIF, "!Type:Bank\nD1/1/26\nT-1\n^\n", ImportOptions.DEFAULTS))
                .isInstanceOf(ValidationException.class).hasMessageContaining("defaultCurrency");
        assertThatThrownBy(() -> read(ImportFormat.QIF, "!Type:Bank\nD1/1/26\nT-1\n", EUR))
                .isInstanceOf(MalformedFileException.class);
    }

    // ---- sniffing ------------------------------------------------------------------------------------------------

    @Test
    void theFormatIsSniffedFromTheFirstBytes() {
        assertThat(ImportFormat.sniff(bytes("OFXHEADER:100\n"))).isEqualTo(ImportFormat.OFX);
        assertThat(ImportFormat.sniff(bytes("<?xml version=\"1.0\"?><?OFX x?><OFX>"))).isEqualTo(ImportFormat.OFX);
        assertThat(ImportFormat.sniff(bytes("\n!Type:Bank\n"))).isEqualTo(ImportFormat.QIF);
        assertThat(ImportFormat.sniff(bytes("date,amount\n"))).isEqualTo(ImportFormat.CSV);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Found by ImportParsersFuzzTest: this threw MalformedFileException out of the upload, a 500. */
    @Test
    void anOfxFileEndingInsideATagBeforeItsOfxElementIsRefusedAtUpload() {
        assertThatThrownBy(() -> RowSources.open(ImportFormat.OFX,
                new ByteArrayInputStream(bytes("OFXHEADER:100\n<BANKMSGSRSV1")), EUR))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("ends inside a tag");
    }

    private static ImportOptions options(String json) throws Exception {
        JsonNode node = Json.MAPPER.readTree(json);
        return ImportOptions.from(node);
    }

    private static List<ParsedRow> read(ImportFormat format, String content, ImportOptions options) {
        List<ParsedRow> rows = new ArrayList<>();
        try (RowSource source = RowSources.open(format, new ByteArrayInputStream(bytes(content)), options)) {
            source.forEachRemaining(rows::add);
        }
        return rows;
    }
}

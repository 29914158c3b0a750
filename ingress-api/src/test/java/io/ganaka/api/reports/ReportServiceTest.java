package io.ganaka.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.api.errors.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportServiceTest {

    @Test
    void acceptsYearsAndMonthsWithinRange() {
        List<FieldError> errors = new ArrayList<>();

        assertThat(ReportService.inRange("2026", 1970, 9999, "year", errors)).isEqualTo(2026);
        assertThat(ReportService.inRange("03", 1, 12, "month", errors)).isEqualTo(3);
        assertThat(errors).isEmpty();
    }

    @Test
    void rejectsOutOfRangeAndNonNumericParts() {
        List<FieldError> errors = new ArrayList<>();

        ReportService.inRange("1969", 1970, 9999, "year", errors);
        ReportService.inRange("13", 1, 12, "month", errors);
        ReportService.inRange("0", 1, 12, "month", errors);
        ReportService.inRange("abc", 1, 12, "month", errors);
        ReportService.inRange("99999999999", 1970, 9999, "year", errors);

        assertThat(errors).extracting(FieldError::field).containsExactly("year", "month", "month", "month", "year");
    }
}

package io.ganaka.api.reports;

import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.ValidationException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reports over the projections; periods are validated here so that bad paths get a 400, not an empty report. */
public final class ReportService {

    private final ReportRepository reports;

    public ReportService(ReportRepository reports) {
        this.reports = reports;
    }

    /** A calendar month named by a report path. */
    private record Period(int year, int month) {}

    public MonthlyReport monthly(String userId, String yearText, String monthText) throws SQLException {
        Period p = period(yearText, monthText);
        return new MonthlyReport(p.year(), p.month(), reports.monthlyTotals(UUID.fromString(userId), p.year(),
                p.month()));
    }

    public CategoryReport categories(String userId, String yearText, String monthText) throws SQLException {
        Period p = period(yearText, monthText);
        return new CategoryReport(p.year(), p.month(), reports.categoryTotals(UUID.fromString(userId), p.year(),
                p.month()));
    }

    public SummaryReport summary(String userId) throws SQLException {
        return new SummaryReport(reports.summaryTotals(UUID.fromString(userId)));
    }

    private static Period period(String yearText, String monthText) {
        List<FieldError> errors = new ArrayList<>();
        int year = inRange(yearText, 1970, 9999, "year", errors);
        int month = inRange(monthText, 1, 12, "month", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Period(year, month);
    }

    static int inRange(String text, int min, int max, String field, List<FieldError> errors) {
        if (text != null && text.matches("\\d{1,4}")) {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        }
        errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
        return -1;
    }
}

package io.ganaka.api.reports;

import io.ganaka.schemas.Money;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads {@code monthly_summaries}, the per-currency monthly totals the sinks keep current. */
public final class ReportRepository {

    private final DataSource db;

    public ReportRepository(DataSource db) {
        this.db = db;
    }

    public List<MonthlyReport.CurrencyTotal> monthlyTotals(UUID userId, int year, int month) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT currency, total, count FROM monthly_summaries"
                             + " WHERE user_id = ? AND year = ? AND month = ? ORDER BY currency")) {
            s.setObject(1, userId);
            s.setInt(2, year);
            s.setInt(3, month);
            try (ResultSet rs = s.executeQuery()) {
                List<MonthlyReport.CurrencyTotal> totals = new ArrayList<>();
                while (rs.next()) {
                    String currency = rs.getString("currency").strip();
                    totals.add(new MonthlyReport.CurrencyTotal(currency, format(rs.getBigDecimal("total"), currency),
                            rs.getLong("count")));
                }
                return totals;
            }
        }
    }

    private static String format(BigDecimal total, String currency) {
        try {
            return Money.format(total, currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            // Unknown code or more digits than the currency has: show the stored value as it is rather than fail.
            return total.toPlainString();
        }
    }
}

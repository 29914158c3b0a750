package io.ganaka.api.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads the report tables the sinks keep current ({@code monthly_summaries}, {@code category_summaries},
 * {@code user_summaries}). Totals that fell to zero (count 0) stay in the tables and are left out here.
 */
public final class ReportRepository {

    private static final String MONTHLY = "SELECT currency, total, count, min_amount, max_amount"
            + " FROM monthly_summaries WHERE user_id = ? AND year = ? AND month = ? AND count > 0 ORDER BY currency";

    /** Categories are joined on the same user, so a category id can only ever name one of the caller's own. */
    private static final String CATEGORIES = "SELECT s.category_id, c.name, s.currency, s.total, s.count, s.min_amount, s.max_amount"
            + " FROM category_summaries s LEFT JOIN categories c ON c.user_id = s.user_id AND c.id = s.category_id"
            + " WHERE s.user_id = ? AND s.year = ? AND s.month = ? AND s.count > 0"
            + " ORDER BY s.total DESC, s.currency, s.category_id NULLS FIRST";

    private static final String SUMMARY = "SELECT currency, total, count, min_amount, max_amount"
            + " FROM user_summaries WHERE user_id = ? AND count > 0 ORDER BY currency";

    private final DataSource db;

    public ReportRepository(DataSource db) {
        this.db = db;
    }

    public List<CurrencyTotal> monthlyTotals(UUID userId, int year, int month) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(MONTHLY)) {
            s.setObject(1, userId);
            s.setInt(2, year);
            s.setInt(3, month);
            return currencyTotals(s);
        }
    }

    public List<CategoryReport.CategoryTotal> categoryTotals(UUID userId, int year, int month) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(CATEGORIES)) {
            s.setObject(1, userId);
            s.setInt(2, year);
            s.setInt(3, month);
            try (ResultSet rs = s.executeQuery()) {
                List<CategoryReport.CategoryTotal> totals = new ArrayList<>();
                while (rs.next()) {
                    UUID categoryId = rs.getObject("category_id", UUID.class);
                    String name = categoryId == null ? CategoryReport.UNCATEGORIZED : rs.getString("name");
                    String currency = rs.getString("currency").strip();
                    totals.add(new CategoryReport.CategoryTotal(categoryId == null ? null : categoryId.toString(),
                            name, currency, ReportAmounts.format(rs.getBigDecimal("total"), currency),
                            rs.getLong("count"), ReportAmounts.format(rs.getBigDecimal("min_amount"), currency),
                            ReportAmounts.format(rs.getBigDecimal("max_amount"), currency),
                            ReportAmounts.average(rs.getBigDecimal("total"), rs.getLong("count"), currency)));
                }
                return totals;
            }
        }
    }

    public List<CurrencyTotal> summaryTotals(UUID userId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(SUMMARY)) {
            s.setObject(1, userId);
            return currencyTotals(s);
        }
    }

    private static List<CurrencyTotal> currencyTotals(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            List<CurrencyTotal> totals = new ArrayList<>();
            while (rs.next()) {
                String currency = rs.getString("currency").strip();
                long count = rs.getLong("count");
                totals.add(new CurrencyTotal(currency, ReportAmounts.format(rs.getBigDecimal("total"), currency), count,
                        ReportAmounts.format(rs.getBigDecimal("min_amount"), currency),
                        ReportAmounts.format(rs.getBigDecimal("max_amount"), currency),
                        ReportAmounts.average(rs.getBigDecimal("total"), count, currency)));
            }
            return totals;
        }
    }
}

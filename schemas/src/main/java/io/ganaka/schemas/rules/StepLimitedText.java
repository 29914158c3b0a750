package io.ganaka.schemas.rules;

/**
 * Text handed to a regex matcher that counts every character read and gives up after a budget: a pattern that
 * backtracks catastrophically reads the same characters over and over, so it is cut off instead of running for hours.
 * Each instance serves one match attempt.
 */
final class StepLimitedText implements CharSequence {

    /** Thrown from {@link #charAt} once the budget is spent; the caller treats the condition as not matching. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("regex step budget exceeded", null, false, false);
        }
    }

    private final String text;
    private final int start;
    private final int end;
    private final long[] remaining;

    StepLimitedText(String text, long budget) {
        this(text, 0, text.length(), new long[] {budget});
    }

    private StepLimitedText(String text, int start, int end, long[] remaining) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.remaining = remaining;
    }

    @Override
    public char charAt(int index) {
        if (--remaining[0] < 0) {
            throw new BudgetExceeded();
        }
        return text.charAt(start + index);
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        // Shares the budget: reading a slice is reading the text.
        return new StepLimitedText(text, start + from, start + to, remaining);
    }

    @Override
    public String toString() {
        return text.substring(start, end);
    }
}

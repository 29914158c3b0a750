package io.ganaka.api.rules;

/** What {@code POST /rules/apply} did: expenses looked at, and how many of them a rule gave a category. */
public record ApplyResult(long examined, long categorized) {}

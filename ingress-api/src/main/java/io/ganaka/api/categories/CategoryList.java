package io.ganaka.api.categories;

import java.util.List;

/** {@code GET /categories}: all of the caller's categories, by name (their number is capped, so no paging). */
public record CategoryList(List<CategoryView> items) {}

package io.ganaka.api.categories;

import java.util.List;
import java.util.UUID;

/** A live expense of a category as the projection holds it: what expense.categorized must quote to move it. */
record CategorizedExpense(UUID id, long version, List<String> tags) {}

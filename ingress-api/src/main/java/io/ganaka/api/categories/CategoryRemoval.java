package io.ganaka.api.categories;

import io.ganaka.schemas.EventPayload.BudgetChanged;
import java.util.List;
import java.util.UUID;

/**
 * What deleting a category removed besides its row, inside the still-open transaction: the rules that set it and,
 * per budget period that lost items, that period's remaining budgets (as budget.changed announces them).
 */
record CategoryRemoval(UUID categoryId, List<UUID> deletedRules, List<BudgetChanged> changedBudgets) {}

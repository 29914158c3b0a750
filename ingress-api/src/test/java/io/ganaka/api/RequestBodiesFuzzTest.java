package io.ganaka.api;

import static io.ganaka.api.BadInput.parsesOrRefuses;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ganaka.api.auth.ChangePasswordRequest;
import io.ganaka.api.auth.LoginRequest;
import io.ganaka.api.auth.RefreshRequest;
import io.ganaka.api.auth.RegisterRequest;
import io.ganaka.api.budgets.BudgetRequest;
import io.ganaka.api.categories.CategoryRequest;
import io.ganaka.api.expenses.ExpenseRequest;
import io.ganaka.api.http.JsonBodies;
import io.ganaka.api.http.JsonFields;
import io.ganaka.api.rules.RuleParser;
import io.ganaka.api.users.ProfileParser;
import io.ganaka.api.webhooks.WebhookRequest;
import io.ganaka.schemas.webhooks.WebhookTargetPolicy;

/**
 * Coverage-guided fuzzing of every JSON request body parser, each fed exactly as its handler feeds it: the raw
 * bytes through {@link JsonBodies#parse}, then the route's parser. Each must parse or refuse with a 4xx exception
 * ({@link BadInput}). Without JAZZER_FUZZ=1 the seeds in {@code RequestBodiesFuzzTestInputs/<method>/} replay as
 * regression tests; see docs/fuzzing.md.
 */
class RequestBodiesFuzzTest {

    private static final WebhookTargetPolicy PUBLIC_TARGETS = new WebhookTargetPolicy(false);

    @FuzzTest(maxDuration = "60s")
    void expense(byte[] body) {
        parsesOrRefuses(() -> ExpenseRequest.from(JsonFields.of(JsonBodies.parse(body))));
    }

    @FuzzTest(maxDuration = "60s")
    void category(byte[] body) {
        parsesOrRefuses(() -> CategoryRequest.from(JsonBodies.parse(body)));
    }

    @FuzzTest(maxDuration = "60s")
    void rule(byte[] body) {
        parsesOrRefuses(() -> RuleParser.parse(JsonBodies.parse(body)));
    }

    @FuzzTest(maxDuration = "60s")
    void budget(byte[] body) {
        parsesOrRefuses(() -> BudgetRequest.from(JsonBodies.parse(body)));
    }

    @FuzzTest(maxDuration = "60s")
    void profile(byte[] body) {
        parsesOrRefuses(() -> ProfileParser.update(JsonBodies.parse(body)));
    }

    @FuzzTest(maxDuration = "60s")
    void webhook(byte[] body) {
        parsesOrRefuses(() -> WebhookRequest.from(JsonBodies.parse(body), PUBLIC_TARGETS));
    }

    /** Register, login, refresh, logout and change-password bodies: small, so one target reads them all. */
    @FuzzTest(maxDuration = "60s")
    void account(byte[] body) {
        parsesOrRefuses(() -> RegisterRequest.from(JsonFields.of(JsonBodies.parse(body))));
        parsesOrRefuses(() -> LoginRequest.from(JsonFields.of(JsonBodies.parse(body))));
        parsesOrRefuses(() -> RefreshRequest.from(JsonFields.of(JsonBodies.parse(body))));
        parsesOrRefuses(() -> RefreshRequest.optional(JsonFields.of(JsonBodies.parse(body))));
        parsesOrRefuses(() -> ChangePasswordRequest.from(JsonFields.of(JsonBodies.parse(body))));
    }
}

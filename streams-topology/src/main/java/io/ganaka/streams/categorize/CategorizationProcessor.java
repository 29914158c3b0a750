package io.ganaka.streams.categorize;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventPayload.CategoryDeleted;
import io.ganaka.schemas.EventPayload.ExpenseChange;
import io.ganaka.schemas.EventPayload.RuleChanged;
import io.ganaka.schemas.EventPayload.UserDeleted;
import io.ganaka.schemas.EventPayload.UserRegistered;
import io.ganaka.schemas.rules.RuleEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-user categorization step. Expense events (already deduplicated) pass through in order, each add or update
 * without a category followed by its {@code expense.categorized} when {@link ExpenseCategorizer} finds one; adds and
 * updates with a category teach the user's {@link TokenModel}. Category and user events only change the state: the
 * user's {@link RuleBook} and token model, both in stores keyed by user id.
 */
final class CategorizationProcessor implements Processor<String, Event, String, Event> {

    private static final Logger LOG = LoggerFactory.getLogger(CategorizationProcessor.class);
    /** Compiled rule engines kept per user; a few hundred users' engines are small, and a miss only recompiles. */
    private static final int ENGINE_CACHE_SIZE = 500;

    private final ExpenseCategorizer categorizer = new ExpenseCategorizer();
    private final CategoryLearner learner = new CategoryLearner();
    private final Map<String, CachedEngine> engines = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CachedEngine> eldest) {
            return size() > ENGINE_CACHE_SIZE;
        }
    };
    private ProcessorContext<String, Event> context;
    private KeyValueStore<String, RuleBook> rules;
    private KeyValueStore<String, TokenModel> tokens;

    private record CachedEngine(RuleBook book, RuleEngine engine) {}

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.rules = context.getStateStore(CategorizationTopology.RULES_STORE);
        this.tokens = context.getStateStore(CategorizationTopology.TOKENS_STORE);
    }

    @Override
    public void process(Record<String, Event> record) {
        Event event = record.value();
        if (event == null) {
            return;
        }
        String userId = event.userId();
        EventPayload data = event.data();
        if (data instanceof ExpenseChange expense) {
            context.forward(record);
            if (expense.categoryId() != null) {
                tokens.put(userId, learner.learn(tokenModel(userId), expense));
            } else {
                categorizer.categorize(event, engine(userId), tokenModel(userId))
                        .ifPresent(categorized -> context.forward(record.withKey(userId).withValue(categorized)));
            }
        } else if (data instanceof RuleChanged change) {
            userUuid(event).ifPresent(uuid -> putBook(userId, book(userId).withChange(uuid, change, event.occurredAt())));
        } else if (data instanceof CategoryDeleted deleted && deleted.categoryId() != null) {
            putBook(userId, book(userId).withoutCategory(deleted.categoryId()));
            tokens.put(userId, tokenModel(userId).forget(deleted.categoryId()));
        } else if (data instanceof UserRegistered) {
            userUuid(event).ifPresent(uuid -> putBook(userId, book(userId).withDefaults(uuid, event.occurredAt())));
        } else if (data instanceof UserDeleted) {
            rules.delete(userId);
            tokens.delete(userId);
            engines.remove(userId);
        } else if ("expense".equals(event.eventType().domain())) {
            // Deletes and the API's own categorizations pass through unchanged.
            context.forward(record);
        }
    }

    private RuleBook book(String userId) {
        RuleBook book = rules.get(userId);
        return book == null ? RuleBook.EMPTY : book;
    }

    private void putBook(String userId, RuleBook book) {
        rules.put(userId, book);
        engines.remove(userId);
    }

    private TokenModel tokenModel(String userId) {
        TokenModel model = tokens.get(userId);
        return model == null ? TokenModel.EMPTY : model;
    }

    private RuleEngine engine(String userId) {
        RuleBook book = book(userId);
        CachedEngine cached = engines.get(userId);
        if (cached == null || !cached.book().equals(book)) {
            cached = new CachedEngine(book, book.engine());
            engines.put(userId, cached);
        }
        return cached.engine();
    }

    /** The user id as the UUID the default catalog derives ids from; a malformed one is logged and skipped. */
    private static Optional<UUID> userUuid(Event event) {
        try {
            return Optional.of(UUID.fromString(event.userId()));
        } catch (IllegalArgumentException e) {
            LOG.warn("Skipping {} {}: user id {} is not a UUID", event.type(), event.id(), event.userId());
            return Optional.empty();
        }
    }
}

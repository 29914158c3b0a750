package io.ganaka.streams.categorize;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one user taught the system by setting categories by hand: how often each word token of a merchant or
 * description went with each category. Immutable; every change returns a new model.
 *
 * <p>Method: tokens are the distinct lower-cased words (letters and digits, split on anything else) of the merchant
 * and the description with at least {@value #MIN_TOKEN_LENGTH} characters, at least one of them a letter. Each
 * correction adds one to the count of every (token, category) pair. To predict, every token of the expense votes for
 * the categories it was seen with, in proportion to how often (a token seen 3 times with Coffee and once with Dining
 * gives 0.75 and 0.25), so a word that goes with many categories weighs little. The category with the highest score
 * wins, provided one of the expense's tokens went with it in at least {@value #MIN_EVIDENCE} corrections; a tie for
 * the highest score, or too little evidence for the winner, predicts nothing. A model holds at most {@value #MAX_TOKENS} tokens; once full, new tokens are
 * no longer learned (known ones still are), which bounds the size of the state record.
 */
public record TokenModel(Map<String, Map<String, Integer>> counts) {

    public static final int MIN_TOKEN_LENGTH = 3;
    public static final int MIN_EVIDENCE = 2;
    public static final int MAX_TOKENS = 2_000;
    public static final TokenModel EMPTY = new TokenModel(Map.of());

    public TokenModel {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        counts.forEach((token, perCategory) -> copy.put(token, Map.copyOf(perCategory)));
        counts = java.util.Collections.unmodifiableMap(copy);
    }

    /** The distinct tokens of a merchant and a description (either may be null), merchant first. */
    public static List<String> tokens(String merchant, String description) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String text : new String[] {merchant, description}) {
            if (text == null) {
                continue;
            }
            for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (word.length() >= MIN_TOKEN_LENGTH && word.codePoints().anyMatch(Character::isLetter)) {
                    tokens.add(word);
                }
            }
        }
        return List.copyOf(tokens);
    }

    /** The model after one more expense with these texts was put in {@code categoryId} by hand. */
    public TokenModel learn(String merchant, String description, String categoryId) {
        Map<String, Map<String, Integer>> next = new HashMap<>(counts);
        for (String token : tokens(merchant, description)) {
            Map<String, Integer> perCategory = next.get(token);
            if (perCategory == null && next.size() >= MAX_TOKENS) {
                continue;
            }
            Map<String, Integer> updated = perCategory == null ? new HashMap<>() : new HashMap<>(perCategory);
            updated.merge(categoryId, 1, Integer::sum);
            next.put(token, updated);
        }
        return new TokenModel(next);
    }

    /** The model without anything learned about {@code categoryId}, for when that category is deleted. */
    public TokenModel forget(String categoryId) {
        Map<String, Map<String, Integer>> next = new HashMap<>();
        counts.forEach((token, perCategory) -> {
            Map<String, Integer> kept = new HashMap<>(perCategory);
            kept.remove(categoryId);
            if (!kept.isEmpty()) {
                next.put(token, kept);
            }
        });
        return new TokenModel(next);
    }

    /** The category these texts most likely belong to, or empty when the evidence is too thin or split evenly. */
    public Optional<String> predict(String merchant, String description) {
        Map<String, Double> score = new HashMap<>();
        Map<String, Integer> evidence = new HashMap<>();
        for (String token : tokens(merchant, description)) {
            Map<String, Integer> perCategory = counts.get(token);
            if (perCategory == null) {
                continue;
            }
            double total = perCategory.values().stream().mapToInt(Integer::intValue).sum();
            perCategory.forEach((category, count) -> {
                score.merge(category, count / total, Double::sum);
                evidence.merge(category, count, Math::max);
            });
        }
        String best = null;
        double bestScore = 0;
        boolean tie = false;
        for (Map.Entry<String, Double> entry : score.entrySet()) {
            int order = Double.compare(entry.getValue(), bestScore);
            if (order > 0) {
                best = entry.getKey();
                bestScore = entry.getValue();
                tie = false;
            } else if (order == 0) {
                tie = true;
            }
        }
        // The evidence test comes after the vote: a better-scored category with thin evidence must not hand the
        // expense to a weaker one that happens to share a common word.
        if (tie || best == null || evidence.get(best) < MIN_EVIDENCE) {
            return Optional.empty();
        }
        return Optional.of(best);
    }
}

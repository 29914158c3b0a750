package io.ganaka.api;

import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.UnprocessableException;
import io.ganaka.api.errors.ValidationException;

/**
 * The contract of every request parser under fuzzing: it returns a value or refuses the input with one of the
 * exceptions the ErrorMapper answers with a 4xx problem. Anything else (a NullPointerException, a
 * DateTimeException, a StackOverflowError) escapes and fails the fuzz test: in the server it would be a 500.
 */
public final class BadInput {

    private BadInput() {}

    public static void parsesOrRefuses(Runnable parse) {
        try {
            parse.run();
        } catch (ValidationException | MalformedRequestException | UnprocessableException refused) {
            // The documented refusal: a 400 or 422 problem naming what is wrong.
        }
    }
}

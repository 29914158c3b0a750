package io.ganaka.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.schemas.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * One dashboard socket of a bench user. It answers the server's pings, counts its snapshot, and hands the id of
 * every expense in a {@code dashboard.changed} push to {@code onExpense}; parsing happens on the socket's own thread,
 * which keeps the bench well within the server's 64-message backlog.
 */
final class LiveSocket implements WebSocket.Listener {

    private final Consumer<String> onExpense;
    private final StringBuilder partial = new StringBuilder();
    private final CountDownLatch snapshot = new CountDownLatch(1);
    private volatile Integer closeCode;
    private WebSocket socket;

    private LiveSocket(Consumer<String> onExpense) {
        this.onExpense = onExpense;
    }

    /** Opens the socket with the user's bearer token; completes when the upgrade did (the snapshot follows). */
    static CompletableFuture<LiveSocket> open(HttpClient http, URI url, String accessToken,
                                              Consumer<String> onExpense) {
        LiveSocket live = new LiveSocket(onExpense);
        return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .subprotocols("ganaka.v1", "bearer." + accessToken)
                .buildAsync(url, live)
                .thenApply(ws -> {
                    live.socket = ws;
                    return live;
                });
    }

    CountDownLatch snapshot() {
        return snapshot;
    }

    boolean closed() {
        return closeCode != null;
    }

    Integer closeCode() {
        return closeCode;
    }

    void close() {
        if (socket != null && closeCode == null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            handle(ws, text);
        }
        ws.request(1);
        return null;
    }

    private void handle(WebSocket ws, String text) {
        JsonNode message;
        try {
            message = Json.MAPPER.readTree(text);
        } catch (Exception e) {
            return; // not JSON: nothing the bench measures
        }
        switch (message.path("type").asText()) {
            case "snapshot" -> snapshot.countDown();
            case "ping" -> ws.sendText("{\"type\":\"pong\"}", true);
            case "dashboard.changed" -> {
                for (JsonNode expense : message.path("data").path("latestExpenses")) {
                    onExpense.accept(expense.path("id").asText());
                }
            }
            default -> { }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closeCode = statusCode;
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closeCode = closeCode == null ? -1 : closeCode;
    }
}

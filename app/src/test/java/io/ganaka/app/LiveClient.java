package io.ganaka.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.schemas.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A dashboard socket client for the tests (java.net.http): keeps every message it receives, in order, and answers the
 * server's heartbeat pings as a browser page does.
 */
final class LiveClient implements WebSocket.Listener, AutoCloseable {

    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile Integer closeCode;
    private WebSocket socket;

    /** Opens {@code /ws/dashboard} offering these subprotocols, in this order. */
    static LiveClient connect(int port, String... protocols) throws Exception {
        LiveClient client = new LiveClient();
        client.socket = builder(protocols)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/dashboard"), client)
                .get(20, TimeUnit.SECONDS);
        return client;
    }

    /** The HTTP answer to an upgrade the server refused. */
    static HttpResponse<?> refusal(int port, String... protocols) throws Exception {
        try {
            LiveClient client = connect(port, protocols);
            client.close();
            throw new AssertionError("the upgrade was accepted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse();
            }
            throw e;
        }
    }

    private static WebSocket.Builder builder(String... protocols) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10));
        return protocols.length == 0 ? builder
                : builder.subprotocols(protocols[0], Arrays.copyOfRange(protocols, 1, protocols.length));
    }

    List<JsonNode> messages() {
        return List.copyOf(messages);
    }

    /** The messages of one type, in order. */
    List<JsonNode> ofType(String type) {
        return messages.stream().filter(m -> type.equals(m.path("type").asText())).toList();
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    Integer closeCode() {
        return closeCode;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                JsonNode message = Json.MAPPER.readTree(partial.toString());
                messages.add(message);
                if ("ping".equals(message.path("type").asText())) {
                    webSocket.sendText("{\"type\":\"pong\"}", true);
                }
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }
}

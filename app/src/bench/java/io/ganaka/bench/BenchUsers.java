package io.ganaka.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.auth.AccountRepository;
import io.ganaka.api.auth.RegisterRequest;
import io.ganaka.auth.Argon2PasswordHasher;
import io.ganaka.schemas.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The bench's own accounts, named {@code bench-<run>-<n>@bench.invalid}. They are written straight into Postgres with
 * the API's own repository and hasher, because the API allows ten registrations an hour per client address and the
 * bench is one address; each then signs in through the API like any user.
 */
final class BenchUsers {

    /** One signed-in bench user. */
    record User(UUID id, String email, String accessToken) {}

    private static final String PASSWORD = "bench passphrase that is long enough";

    private final URI api;
    private final HttpClient http;
    private final String databaseUrl;

    BenchUsers(URI api, HttpClient http, String databaseUrl) {
        this.api = api;
        this.http = http;
        this.databaseUrl = databaseUrl;
    }

    static DataSource dataSource(String databaseUrl) {
        if (!databaseUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the bench needs DATABASE_URL as a JDBC URL (jdbc:postgresql://...)");
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(databaseUrl);
        return ds;
    }

    /**
     * Creates {@code count} accounts and signs each in, {@value #SIGN_INS_AT_ONCE} at a time (each sign-in is an
     * Argon2 verify on the server); progress is printed every 100 users.
     */
    List<User> create(String run, int count) throws Exception {
        DataSource db = dataSource(databaseUrl);
        AccountRepository accounts = new AccountRepository(db);
        String hash = new Argon2PasswordHasher(1, Duration.ofSeconds(30)).hash(PASSWORD.toCharArray());
        ExecutorService signIns = Executors.newFixedThreadPool(SIGN_INS_AT_ONCE);
        try {
            List<Future<User>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String email = "bench-" + run + "-" + i + "@bench.invalid";
                pending.add(signIns.submit(() -> {
                    UUID id = UUID.randomUUID();
                    accounts.create(id, new RegisterRequest(email, PASSWORD, "bench", "UTC"), hash);
                    return new User(id, email, login(email));
                }));
            }
            List<User> users = new ArrayList<>();
            for (Future<User> user : pending) {
                users.add(user.get());
                if (users.size() % 100 == 0) {
                    System.out.printf("  signed in %d of %d users%n", users.size(), count);
                }
            }
            return users;
        } finally {
            signIns.shutdownNow();
        }
    }

    private static final int SIGN_INS_AT_ONCE = 4;

    private String login(String email) throws Exception {
        String body = Json.MAPPER.writeValueAsString(java.util.Map.of("email", email, "password", PASSWORD));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(api.resolve("/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + email + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        JsonNode tokens = Json.MAPPER.readTree(answer.body());
        return tokens.path("accessToken").asText();
    }

    /** Erases the run's accounts through the API ({@code DELETE /users/{id}}), as their owners could. */
    void erase(List<User> users) {
        int failed = 0;
        for (User user : users) {
            try {
                int status = http.send(HttpRequest.newBuilder(api.resolve("/users/" + user.id()))
                        .header("Authorization", "Bearer " + user.accessToken()).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                failed += status / 100 == 2 ? 0 : 1;
            } catch (Exception e) {
                failed++;
            }
        }
        if (failed > 0) {
            System.out.printf("  %d bench accounts could not be erased (bench-*@bench.invalid)%n", failed);
        }
    }
}

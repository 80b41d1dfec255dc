package dev.restauth.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** A small HTTP client for the black-box integration tests against the server the build started. */
public final class Http {

    /** Set by failsafe to the port the build reserved for this run's server. */
    public static final URI BASE = URI.create(System.getProperty("restauth.url", "http://localhost:9080"));

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    static {
        if (System.getProperty("restauth.url") != null) { // set by failsafe; not inside the server
            awaitApplication();
        }
    }

    private Http() {}

    /**
     * The build starts the tests once the server has started, but a loaded machine may still be
     * starting the application: wait for it, so that no test sees Liberty's "context root not
     * found" page.
     */
    private static void awaitApplication() {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(giveUp)) {
            try {
                if (send(request(BASE, "/api/public/").GET().build()).statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public static HttpResponse<String> get(String path, String... headers) {
        return send(request(BASE, path, headers).GET().build());
    }

    public static HttpResponse<String> send(
            URI base, String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = request(base, path, headers);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(request.build());
    }

    public static HttpResponse<String> send(
            String method, String path, String contentType, String body, String... headers) {
        return send(BASE, method, path, contentType, body, headers);
    }

    /**
     * As {@link #send(String, String, String, String, String...)}, but giving up after {@code
     * timeout} (an {@link UncheckedIOException}): for tests that must tell an answer from a hang.
     */
    public static HttpResponse<String> sendWithin(
            Duration timeout, String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = request(BASE, path, headers).timeout(timeout);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(request.build());
    }

    /**
     * The same, without waiting for the answer: for tests that keep many requests in flight, some
     * of them deliberately slow, so each may take up to 10 minutes on a loaded machine.
     */
    public static CompletableFuture<HttpResponse<String>> sendAsync(
            String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = request(BASE, path, headers).timeout(Duration.ofMinutes(10));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any body: raw bytes (not UTF-8, say), or a stream of unknown length, which goes chunked. */
    public static HttpResponse<String> sendBody(
            String method, String path, String contentType, HttpRequest.BodyPublisher body, String... headers) {
        return send(request(BASE, path, headers)
                .header("Content-Type", contentType)
                .method(method, body)
                .build());
    }

    /** A large body (a file, say) with a timeout of its own. */
    public static HttpResponse<String> sendBody(
            String method,
            String path,
            String contentType,
            HttpRequest.BodyPublisher body,
            Duration timeout,
            String... headers) {
        return send(request(BASE, path, headers)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .method(method, body)
                .build());
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    public static JsonArray jsonArray(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    /** A DRF error: this status, a JSON body, this detail. */
    public static void assertJsonError(HttpResponse<String> response, int status, String detail) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        assertEquals(detail, json(response).getString("detail"));
    }

    private static HttpRequest.Builder request(URI base, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

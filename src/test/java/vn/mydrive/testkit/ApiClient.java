package vn.mydrive.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the tests: real requests to the deployed app, replies with their JSON. */
public final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final URI base;

    /**
     * A client of the deployment, over loopback whatever host name the server reported (Payara may report
     * the machine's address), so the server sees 127.0.0.1, the proxy the test configuration trusts.
     */
    public ApiClient(URL deployment) {
        this.base = URI.create(loopback(deployment));
    }

    /**
     * The deployment's address over loopback, whatever host name the server reported (a server may report
     * the machine's address). Browsers treat loopback as a secure context, as they would the HTTPS a real
     * deployment runs behind, so downloads are not blocked as insecure.
     */
    public static String loopback(java.net.URL deployment) {
        String path = deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
        return "http://127.0.0.1:" + deployment.getPort() + path;
    }

    public URI base() {
        return base;
    }

    /** The transfer socket's address on the same server. */
    public URI transferSocket() {
        return URI.create("ws" + base.toString().substring("http".length()) + "ws/transfer");
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, BodyPublishers.noBody(), headers);
    }

    /** POSTs a JSON body (Content-Type application/json unless the headers say otherwise). */
    public Reply post(String path, String json, String... headers) {
        return sendJson("POST", path, json, headers);
    }

    /** Sends a JSON body, or none when {@code json} is null (Content-Type application/json unless the headers say otherwise). */
    public Reply sendJson(String method, String path, String json, String... headers) {
        return send(method, path, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json),
                withDefaultContentType(headers));
    }

    /** GETs raw bytes (file content). */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply send(String method, String path, BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String[] withDefaultContentType(String[] headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                return headers;
            }
        }
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Content-Type";
        all[headers.length + 1] = "application/json";
        return all;
    }

    /** One answer of the server. */
    public record Reply(int status, HttpHeaders headers, String body) {

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("Not a JSON object (status " + status + "): " + body, e);
            }
        }

        /** The stable error code of an error reply. */
        public String error() {
            return json().getString("error");
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}

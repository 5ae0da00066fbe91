package vn.mydrive.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The drive's REST API for a program ({@code /api}, README "The API"): signing in and out, listing, finding and removing
 * files. Transfers go over the socket ({@link TransferClient}), opened with {@link #openTransfers()}.
 */
public final class DriveApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The largest page the server gives ({@code size} of {@code GET /api/files}). */
    private static final int PAGE = 200;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI server;
    private final String token;

    /** A sign-in: the token to send as {@code Authorization: Bearer}, and until when it is good. */
    public record SignIn(String username, String token, Instant expiresAt) {
    }

    /**
     * @param server the app's address, e.g. {@code http://localhost:8080/mydrive/}
     * @param token  a token from {@link #signIn}
     */
    public DriveApi(URI server, String token) {
        this.server = withSlash(server);
        this.token = token;
    }

    /**
     * Signs in. {@code takeOver} ends the account's session on another device (the server otherwise refuses while
     * that one is in use: one live session per account).
     */
    public static SignIn signIn(URI server, String username, String password, boolean takeOver) {
        String body = Json.createObjectBuilder().add("username", username).add("password", password)
                .add("takeOver", takeOver).build().toString();
        JsonObject answer = object(send(HttpClient.newHttpClient(), HttpRequest.newBuilder(withSlash(server)
                .resolve("api/auth/login")).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
        return new SignIn(answer.getString("username"), answer.getString("token"),
                Instant.parse(answer.getString("expiresAt")));
    }

    /** Ends this sign-in on the server: the token stops working everywhere. */
    public void signOut() {
        send(http, request("api/auth/logout").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Every file the caller can see whose name contains {@code name} (all when null), newest first. */
    public List<RemoteFile> list(String name) {
        List<RemoteFile> files = new ArrayList<>();
        for (int page = 0; ; page++) {
            String query = "api/files?sort=uploadDate&order=desc&size=" + PAGE + "&page=" + page
                    + (name == null ? "" : "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
            JsonObject answer = object(send(http, request(query).GET().build()));
            answer.getJsonArray("items").getValuesAs(JsonValue::asJsonObject).forEach(f -> files.add(RemoteFile.of(f)));
            if (files.size() >= answer.getJsonNumber("total").longValue()
                    || answer.getJsonArray("items").isEmpty()) {
                return files;
            }
        }
    }

    public RemoteFile get(String id) {
        return RemoteFile.of(object(send(http, request("api/files/" + encode(id)).GET().build())));
    }

    /**
     * The file that {@code idOrName} names: the file with that id, or else the one file with exactly that name among
     * the caller's own files, or else among all files the caller can see.
     *
     * @throws ServerRefusedException {@code not_found}, or {@code ambiguous_name} when several files share the name
     */
    public RemoteFile find(String idOrName) {
        if (idOrName.matches("[0-9a-fA-F]{24}")) {
            try {
                return get(idOrName);
            } catch (ServerRefusedException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        List<RemoteFile> named = list(idOrName).stream().filter(f -> f.name().equals(idOrName)).toList();
        List<RemoteFile> mine = named.stream().filter(RemoteFile::mine).toList();
        List<RemoteFile> candidates = mine.isEmpty() ? named : mine;
        if (candidates.isEmpty()) {
            throw new ServerRefusedException(404, "not_found", "No file is called or has the id " + idOrName + ".");
        }
        if (candidates.size() > 1) {
            throw new ServerRefusedException(409, "ambiguous_name", candidates.size() + " files are called "
                    + idOrName + "; name one by its id (mydrive ls shows them).");
        }
        return candidates.get(0);
    }

    /** Moves one of the caller's files to their trash (restored or deleted for good through {@code api/trash}). */
    public void trash(String id) {
        send(http, request("api/files/" + encode(id)).DELETE().build());
    }

    /** Opens the transfer socket with this sign-in. */
    public TransferClient openTransfers() {
        String scheme = "https".equals(server.getScheme()) ? "wss" : "ws";
        URI socket = URI.create(scheme + server.toString().substring(server.getScheme().length())).resolve("ws/transfer");
        return TransferClient.connect(socket, token);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.resolve(path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
    }

    private static String send(HttpClient http, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reach " + request.uri().getHost() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw refusal(response);
        }
        return response.body();
    }

    private static ServerRefusedException refusal(HttpResponse<String> response) {
        try {
            JsonObject error = object(response.body());
            return new ServerRefusedException(response.statusCode(), error.getString("error", "http_" + response.statusCode()),
                    error.getString("message", "The server answered " + response.statusCode() + "."));
        } catch (RuntimeException notJson) {
            return new ServerRefusedException(response.statusCode(), "http_" + response.statusCode(),
                    "The server answered " + response.statusCode() + ".");
        }
    }

    private static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static URI withSlash(URI server) {
        return server.toString().endsWith("/") ? server : URI.create(server + "/");
    }
}

package vn.hocba.archive.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the service under test: real HTTP, HTTP Basic as the given account. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Response(int status, String contentType, byte[] body, java.net.http.HttpHeaders headers) {

        Response(int status, String contentType, byte[] body) {
            this(status, contentType, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        }

        /** The first value of header {@code name}, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Renders the record at {@code studentPath} (…/students/{id}) as admin, then signs as each awaited staff member of
     * {@code school} until nobody is awaited; every signature must answer 201. Then waits for the outbox to archive and
     * index it (see {@link #awaitArchivedAndIndexed}). Returns the archived record.
     */
    JsonNode signThroughTheSequence(String studentPath, String school) {
        signEveryTurn(studentPath, school);
        return awaitArchivedAndIndexed(studentPath);
    }

    /** Every signer of the record's sequence signs in turn; returns without waiting for the archive or the index. */
    void signEveryTurn(String studentPath, String school) {
        var awaiting = post(studentPath + "/record", "admin").json().get("awaiting");
        while (!awaiting.isEmpty()) {
            for (JsonNode staff : awaiting) {
                var signed = post(studentPath + "/record/signatures", staff.asString() + "@" + school);
                if (signed.status() != 201) {
                    throw new AssertionError(staff.asString() + " could not sign: " + signed.status() + " " + signed.text());
                }
            }
            awaiting = get(studentPath + "/record", "admin").json().get("awaiting");
        }
    }

    /**
     * A complete record is archived, then indexed, after the answer to its last signature (the outbox): waits, up to a
     * minute, until its record says ARCHIVED and search finds it. Returns the record.
     */
    JsonNode awaitArchivedAndIndexed(String studentPath) {
        String student = studentPath.substring(studentPath.lastIndexOf('/') + 1);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        JsonNode record = get(studentPath + "/record", "admin").json();
        while (System.nanoTime() < deadline) {
            record = get(studentPath + "/record", "admin").json();
            if (record.get("status").asString().equals("ARCHIVED")) {
                var hits = get("/api/v1/search?size=100&q=" + student, "admin");
                if (hits.status() == 200 && hits.text().contains(record.get("lookupCode").asString())) {
                    return record;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not archived and indexed within a minute: " + record);
    }

    Response get(String path, String account) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), account);
    }

    Response post(String path, String account) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()), account);
    }

    Response postWithOrigin(String path, String origin, String account) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.noBody()), account);
    }

    Response postWithHeader(String path, String header, String value, String account) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value)
                .POST(HttpRequest.BodyPublishers.noBody()), account);
    }

    Response getWithHeader(String path, String header, String value, String account) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).GET(), account);
    }

    /**
     * A GET written on the socket as given, for request targets {@link URI} refuses (e.g. a bad percent-encoding, as
     * a hand-made link or a broken client sends).
     */
    Response rawGet(String target, String account) {
        URI uri = URI.create(base);
        try (var socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            String password = "admin".equals(account) ? "admin" : "demo";
            String request = "GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nConnection: close\r\n"
                    + (account == null ? "" : "Authorization: Basic " + Base64.getEncoder().encodeToString(
                            (account + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\r\n")
                    + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            byte[] all = socket.getInputStream().readAllBytes();
            String head = new String(all, StandardCharsets.ISO_8859_1);
            int end = head.indexOf("\r\n\r\n");
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = head.substring(0, end).lines()
                    .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
            return new Response(status, contentType, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Imports the dataset as admin (201), then locks its whole year as {@code principal} ("GV001@THCS-MK2"), as a
     * school does once entry is over: records are rendered for signature only from locked class-terms.
     */
    void importAndLockYear(byte[] dataset, String school, String year, String principal) {
        var imported = postJson("/api/v1/imports", dataset, "admin");
        if (imported.status() != 201) {
            throw new AssertionError("import: " + imported.status() + " " + imported.text());
        }
        var locked = post("/api/v1/schools/" + school + "/years/" + year + "/lock", principal);
        if (locked.status() != 200) {
            throw new AssertionError("lock: " + locked.status() + " " + locked.text());
        }
    }

    Response putJson(String path, byte[] body, String account) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)), account);
    }

    /** A POST of {@code body} as {@code contentType}, with an {@code Accept-Language} unless null. */
    Response postBytes(String path, String contentType, byte[] body, String acceptLanguage, String account) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return send(request, account);
    }

    Response postJson(String path, byte[] body, String account) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), account);
    }

    Response delete(String path, String account) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), account);
    }

    Response post(String path, String contentType, byte[] body, String account) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), account);
    }

    /** {@code account} is "user" (password: "admin" for admin, "demo" for staff) or null for anonymous. */
    /** A DELETE as an account with its own password (not a demo account). */
    Response deleteAs(String path, String account, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), account, password);
    }

    /**
     * Any request: {@code body} null sends none, {@code contentType} null sends no Content-Type, {@code account} null
     * sends no credentials.
     */
    Response request(String method, String path, String contentType, byte[] body, String account, String password) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, account, password);
    }

    /** A GET as an account with its own password (not a demo account). */
    Response getAs(String path, String account, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), account, password);
    }

    private Response send(HttpRequest.Builder request, String account) {
        return send(request, account, account == null ? null : account.equals("admin") ? "admin" : "demo");
    }

    private Response send(HttpRequest.Builder request, String account, String password) {
        if (account != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((account + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            var r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

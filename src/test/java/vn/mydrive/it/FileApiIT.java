package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.it.TransferIT.randomBytes;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.testkit.ApiClient;

/** The file list and the HTTP download: paging, sorting, filters, ranges, caching and the real name. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FileApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private DriveUsers user;

    @BeforeEach
    void signIn() {
        api = new ApiClient(deployment);
        user = DriveUsers.signIn(api, "lister");
    }

    @AfterEach
    void signOut() {
        user.close();
    }

    @Test
    void theListPagesSortsAndFilters() {
        for (String name : List.of("Chung khảo (7).jpg", "báo cáo.pdf", "ảnh cưới.png", "notes.txt", "Đà Lạt.mp4")) {
            user.client().upload(SegmentSource.of(randomBytes(name.length() * 10, name.hashCode())), name,
                    UploadOptions.defaults());
        }

        JsonObject page = list("api/files?mine=true&sort=name&order=asc&size=2&page=0");
        assertEquals(5, page.getJsonNumber("total").longValue());
        assertEquals(List.of("ảnh cưới.png", "báo cáo.pdf"), names(page));
        assertEquals(List.of("Chung khảo (7).jpg", "Đà Lạt.mp4"), names(list("api/files?mine=true&sort=name&order=asc&size=2&page=1")));
        assertEquals(List.of("notes.txt"), names(list("api/files?mine=true&sort=name&order=asc&size=2&page=2")));
        assertEquals("Chung khảo (7).jpg", names(list("api/files?mine=true&sort=size&order=desc&size=1")).get(0));

        // Name filters ignore case and diacritics, as people type them.
        assertEquals(List.of("Chung khảo (7).jpg"), names(list("api/files?mine=true&name=chung%20khao")));
        assertEquals(List.of("Đà Lạt.mp4"), names(list("api/files?mine=true&name=da%20lat")));
        assertEquals(List.of("báo cáo.pdf"), names(list("api/files?mine=true&name=B%C3%A1o")));
        assertEquals(0, list("api/files?mine=true&name=.%2A").getJsonNumber("total").longValue(), "regex is quoted");
        assertEquals(5, list("api/files?owner=" + user.name().toUpperCase()).getJsonNumber("total").longValue());
    }

    @Test
    void badListQueriesAre400() {
        for (String query : new String[] {"page=-1", "size=0", "size=201", "sort=password", "order=sideways",
                "page=abc", "name=" + "x".repeat(300)}) {
            ApiClient.Reply reply = api.get("api/files?" + query, user.bearer());
            assertEquals(400, reply.status(), () -> query + " -> " + reply);
        }
        assertEquals(401, api.get("api/files").status());
    }

    @Test
    void contentComesWithItsNameTypeAndTag() {
        byte[] data = randomBytes(3000, 1);
        String id = upload(data, "Chung khảo (7).jpg", "image/jpeg");

        HttpResponse<byte[]> whole = api.getBytes("api/files/" + id + "/content", user.bearer());

        assertEquals(200, whole.statusCode());
        assertArrayEquals(data, whole.body());
        assertEquals("image/jpeg", whole.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("attachment; filename=\"Chung khao (7).jpg\"; filename*=UTF-8''Chung%20kh%E1%BA%A3o%20%287%29.jpg",
                whole.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals("\"" + TransferIT.sha256(data) + "\"", whole.headers().firstValue("ETag").orElseThrow());
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElseThrow());

        HttpResponse<byte[]> cached = api.getBytes("api/files/" + id + "/content", "Authorization",
                "Bearer " + user.token(), "If-None-Match", "\"" + TransferIT.sha256(data) + "\"");
        assertEquals(304, cached.statusCode());
    }

    @Test
    void rangesAreServed() {
        int size = 3 * user.client().segmentSize() + 500;
        byte[] data = randomBytes(size, 2);
        String id = upload(data, "ranges.bin", null);
        String path = "api/files/" + id + "/content";

        HttpResponse<byte[]> first = range(path, "bytes=0-9");
        assertEquals(206, first.statusCode());
        assertEquals("bytes 0-9/" + size, first.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(data, 0, 10), first.body());

        // Across a chunk boundary.
        int from = user.client().segmentSize() - 5;
        HttpResponse<byte[]> across = range(path, "bytes=" + from + "-" + (from + 9));
        assertArrayEquals(Arrays.copyOfRange(data, from, from + 10), across.body());

        HttpResponse<byte[]> tail = range(path, "bytes=-100");
        assertArrayEquals(Arrays.copyOfRange(data, size - 100, size), tail.body());

        HttpResponse<byte[]> open = range(path, "bytes=" + (size - 3) + "-");
        assertArrayEquals(Arrays.copyOfRange(data, size - 3, size), open.body());

        HttpResponse<byte[]> beyond = range(path, "bytes=" + size + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + size, beyond.headers().firstValue("Content-Range").orElseThrow());

        HttpResponse<byte[]> multi = range(path, "bytes=0-1,5-6");
        assertEquals(200, multi.statusCode(), "several ranges: the whole file");
        assertArrayEquals(data, multi.body());
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        for (String id : new String[] {"0123456789abcdef01234567", "nope", "..%2F..%2Fetc%2Fpasswd"}) {
            ApiClient.Reply reply = api.get("api/files/" + id, user.bearer());
            assertEquals(404, reply.status(), () -> id + " -> " + reply);
        }
        // An encoded NUL: WildFly's router finds no file (404); Payara's HTTP layer refuses the path (400).
        int nul = api.get("api/files/%00", user.bearer()).status();
        assertTrue(nul == 404 || nul == 400, () -> "%00 -> " + nul);
    }

    private String upload(byte[] data, String name, String contentType) {
        UploadOptions options = contentType == null ? UploadOptions.defaults()
                : UploadOptions.defaults().withContentType(contentType);
        return user.client().upload(SegmentSource.of(data), name, options).fileId();
    }

    private HttpResponse<byte[]> range(String path, String range) {
        return api.getBytes(path, "Authorization", "Bearer " + user.token(), "Range", range);
    }

    private JsonObject list(String path) {
        ApiClient.Reply reply = api.get(path, user.bearer());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static List<String> names(JsonObject page) {
        assertTrue(page.containsKey("items"));
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("name")).toList();
    }
}

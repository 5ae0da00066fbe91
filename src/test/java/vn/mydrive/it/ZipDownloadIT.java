package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.it.TransferIT.randomBytes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bson.types.ObjectId;
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

/**
 * Several files as one zip: each file whole, names in UTF-8 and unique, read back with {@code java.util.zip};
 * only files the caller may see, all or nothing; hostile and oversized requests refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ZipDownloadIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private DriveUsers alice;
    private DriveUsers bob;

    @BeforeEach
    void signIn() {
        api = new ApiClient(deployment);
        alice = DriveUsers.signIn(api, "zipper");
        bob = DriveUsers.signIn(api, "sharer");
    }

    @AfterEach
    void signOut() {
        alice.close();
        bob.close();
    }

    @Test
    void severalFilesComeWholeInOneZipWithUniqueNames() throws IOException {
        byte[] report = randomBytes(3_200_000, 1);
        byte[] notes = "Ghi chú cuộc họp".getBytes("UTF-8");
        byte[] bobsReport = randomBytes(70_000, 2);
        String a = upload(alice, report, "báo cáo.pdf", UploadOptions.defaults());
        String b = upload(alice, notes, "ghi chú.txt", UploadOptions.defaults());
        String c = upload(bob, bobsReport, "báo cáo.pdf", UploadOptions.defaults());
        String empty = upload(alice, new byte[0], "trống.txt", UploadOptions.defaults());

        HttpResponse<byte[]> zip = api.getBytes("api/files/archive?id=" + a + "&id=" + b + "&id=" + c + "&id=" + a
                + "&id=" + empty, alice.bearer());

        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        assertTrue(zip.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        Map<String, byte[]> entries = unzip(zip.body());
        assertEquals(List.of("báo cáo.pdf", "ghi chú.txt", "báo cáo (1).pdf", "trống.txt"),
                new ArrayList<>(entries.keySet()), "in the order asked, each once, names made unique");
        assertArrayEquals(report, entries.get("báo cáo.pdf"));
        assertArrayEquals(notes, entries.get("ghi chú.txt"));
        assertArrayEquals(bobsReport, entries.get("báo cáo (1).pdf"));
        assertEquals(0, entries.get("trống.txt").length);
    }

    @Test
    void aFolderComesAsOneZipWithItsSubfoldersAndOnlyToItsOwner() throws IOException {
        String trip = alice.makeFolder("Chuyến đi", null);
        String photos = alice.makeFolder("ảnh", trip);
        String year = alice.makeFolder("2021", photos);
        byte[] plan = randomBytes(5000, 11);
        byte[] sea = randomBytes(1_500_000, 12);
        byte[] hill = randomBytes(2000, 13);
        upload(alice, plan, "lịch trình.txt", UploadOptions.defaults().inFolder(trip));
        upload(alice, sea, "biển.jpg", UploadOptions.defaults().inFolder(photos));
        upload(alice, hill, "núi.jpg", UploadOptions.defaults().inFolder(year));
        String trashed = upload(alice, randomBytes(100, 14), "bỏ.txt", UploadOptions.defaults().inFolder(photos));
        api.send("DELETE", "api/files/" + trashed, BodyPublishers.noBody(), alice.bearer());

        HttpResponse<byte[]> zip = api.getBytes("api/folders/" + trip + "/archive", alice.bearer());

        assertEquals(200, zip.statusCode());
        assertTrue(zip.headers().firstValue("Content-Disposition").orElse("").contains("Chuy%E1%BA%BFn%20%C4%91i.zip"));
        Map<String, byte[]> entries = unzip(zip.body());
        assertEquals(java.util.Set.of("Chuyến đi/lịch trình.txt", "Chuyến đi/ảnh/biển.jpg", "Chuyến đi/ảnh/2021/núi.jpg"),
                entries.keySet(), "the tree, and nothing from the trash");
        assertArrayEquals(sea, entries.get("Chuyến đi/ảnh/biển.jpg"));
        assertArrayEquals(hill, entries.get("Chuyến đi/ảnh/2021/núi.jpg"));
        assertArrayEquals(plan, entries.get("Chuyến đi/lịch trình.txt"));
        assertEquals(404, api.getBytes("api/folders/" + trip + "/archive", bob.bearer()).statusCode(),
                "another's folder is not found");
        assertEquals(404, api.getBytes("api/folders/..%2F..%2Fetc/archive", alice.bearer()).statusCode());

        // Picked together with a file: the file at the top, the folder as a folder; a folder inside it named as
        // well is there once; another's folder, or one that is not, spoils the whole zip.
        String loose = upload(alice, randomBytes(700, 15), "rời.txt", UploadOptions.defaults());
        Map<String, byte[]> picked = unzip(ok(api.getBytes("api/files/archive?id=" + loose + "&folder=" + trip
                + "&folder=" + year, alice.bearer())).body());
        assertEquals(java.util.Set.of("rời.txt", "Chuyến đi/lịch trình.txt", "Chuyến đi/ảnh/biển.jpg",
                "Chuyến đi/ảnh/2021/núi.jpg"), picked.keySet());
        assertArrayEquals(hill, picked.get("Chuyến đi/ảnh/2021/núi.jpg"));
        assertEquals(java.util.Set.of("2021/núi.jpg"),
                unzip(ok(api.getBytes("api/files/archive?folder=" + year, alice.bearer())).body()).keySet());
        String bobs = bob.makeFolder("Của Bob", null);
        for (String other : new String[] {bobs, new ObjectId().toHexString(), "..%2F..%2Fetc", "not-an-id"}) {
            HttpResponse<byte[]> refused = api.getBytes("api/files/archive?id=" + loose + "&folder=" + other,
                    alice.bearer());
            assertEquals(404, refused.statusCode(), other);
        }
    }

    private static HttpResponse<byte[]> ok(HttpResponse<byte[]> response) {
        assertEquals(200, response.statusCode(), () -> new String(response.body(),
                java.nio.charset.StandardCharsets.UTF_8));
        return response;
    }

    @Test
    void aFileTheCallerMayNotSeeSpoilsTheWholeZip() {
        String mine = upload(alice, randomBytes(1000, 3), "mine.bin", UploadOptions.defaults());
        String bobsPrivate = upload(bob, randomBytes(1000, 4), "private.bin",
                UploadOptions.defaults().withVisibility("private"));
        String trashed = upload(alice, randomBytes(1000, 5), "trashed.bin", UploadOptions.defaults());
        api.send("DELETE", "api/files/" + trashed, BodyPublishers.noBody(), alice.bearer());

        for (String other : new String[] {bobsPrivate, trashed, new ObjectId().toHexString(), "..%2f..%2fetc",
                "not-an-id"}) {
            HttpResponse<byte[]> refused = api.getBytes("api/files/archive?id=" + mine + "&id=" + other, alice.bearer());
            assertEquals(404, refused.statusCode(), other);
            assertTrue(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8).contains("not_found"),
                    "an error, not a partial zip");
        }
    }

    @Test
    void badArchiveRequestsAreRefused() {
        String mine = upload(alice, randomBytes(10, 6), "x.bin", UploadOptions.defaults());
        assertEquals(400, api.getBytes("api/files/archive", alice.bearer()).statusCode());
        assertEquals(400, api.getBytes("api/files/archive?id=", alice.bearer()).statusCode());
        StringBuilder tooMany = new StringBuilder("api/files/archive?id=" + mine);
        for (int i = 0; i < 200; i++) {
            tooMany.append("&id=").append(new ObjectId().toHexString());
        }
        int status = api.getBytes(tooMany.toString(), alice.bearer()).statusCode();
        assertTrue(status == 400 || status == 414 || status == 431, "201 files: " + status);
        assertEquals(401, api.getBytes("api/files/archive?id=" + mine).statusCode());
    }

    private static String upload(DriveUsers user, byte[] data, String name, UploadOptions options) {
        return user.client().upload(SegmentSource.of(data), name, options).fileId();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}

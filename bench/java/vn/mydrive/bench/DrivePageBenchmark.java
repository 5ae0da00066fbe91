package vn.mydrive.bench;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * The drive page with many files stored: four owners each make 125 folders (5 at the top, 24 in each) and store
 * {@code files} files between them through the transfer socket, spread over their folders (empty files, so seeding
 * is quick; the lists do not depend on sizes), then times the page as a signed-in browser gets it, the list API
 * sorted and filtered, and an owner's folder, folder sizes and search, one request at a time (the time is the
 * server's, over loopback). Run by bench/drive-page.sh. System properties: {@code mydrive.url}, {@code files} (10000).
 */
public final class DrivePageBenchmark {

    private static final int OWNERS = 4;
    /** Folders each owner makes: as many at the top, each holding as many again (5 + 5 x 24 = 125). */
    private static final int TOP_FOLDERS = 5;
    private static final int SUBFOLDERS = 24;

    public static void main(String[] args) throws Exception {
        URL app = new URL(System.getProperty("mydrive.url", "http://127.0.0.1:8080/mydrive/"));
        int files = Integer.getInteger("files", 10_000);
        ApiClient api = new ApiClient(app);
        Accounts accounts = new Accounts(api);
        long seedStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(OWNERS);
        List<Future<List<String>>> owners = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int o = 0; o < OWNERS; o++) {
            int owner = o;
            String token = accounts.newSignedInUser("owner");
            tokens.add(token);
            owners.add(pool.submit(() -> {
                List<String> folders = makeFolders(api, token);
                try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
                    for (int i = owner, n = 0; i < files; i += OWNERS, n++) {
                        client.upload(SegmentSource.of(new byte[0]), String.format("Báo cáo %05d.pdf", i),
                                UploadOptions.defaults().inFolder(folders.get(n % folders.size())));
                    }
                }
                return folders;
            }));
        }
        List<String> firstOwnersFolders = owners.get(0).get();
        for (Future<List<String>> owner : owners) {
            owner.get();
        }
        pool.shutdown();
        String viewer = accounts.newSignedInUser("viewer");
        long total = api.get("api/files?size=1", Accounts.bearer(viewer)).json().getJsonNumber("total").longValue();
        long folders = (long) OWNERS * firstOwnersFolders.size();
        System.out.printf("MyDrive drive page with %d files listed in %d folders of %d owners (seeded in %.0f s through"
                + " the transfer socket)%n", total, folders, OWNERS, (System.nanoTime() - seedStart) / 1e9);
        String[] cookie = {"Cookie", "MYDRIVE_SESSION=" + viewer};
        time(api, "drive page (GET app/drive.xhtml)", "app/drive.xhtml", cookie);
        time(api, "list, newest first (API)", "api/files?page=0&size=25", Accounts.bearer(viewer));
        time(api, "list, by name, page 200 (API)", "api/files?page=200&size=25&sort=name&order=asc", Accounts.bearer(viewer));
        time(api, "list, filtered by name (API)", "api/files?name=bao%20cao%2004&size=25", Accounts.bearer(viewer));
        String[] owner = Accounts.bearer(tokens.get(0));
        String top = firstOwnersFolders.get(0);
        String sub = firstOwnersFolders.get(1);
        time(api, "an owner's folder: its files, by name (API)",
                "api/files?folder=" + sub + "&size=25&sort=name&order=asc", owner);
        time(api, "an owner's folder: its subfolders with sizes (API)", "api/folders/" + top, owner);
        time(api, "an owner's folders at the top (API)", "api/folders", owner);
        time(api, "search in every folder of an owner (API)", "api/files?mine=true&name=bao%20cao%2000&size=25", owner);
    }

    /** Makes the owner's folders; the first is a top folder, the second one of its subfolders. */
    private static List<String> makeFolders(ApiClient api, String token) {
        List<String> ids = new ArrayList<>();
        for (int t = 0; t < TOP_FOLDERS; t++) {
            String top = folder(api, token, "Dự án " + t, null);
            ids.add(top);
            for (int s = 0; s < SUBFOLDERS; s++) {
                ids.add(folder(api, token, String.format("Tháng %02d", s + 1), top));
            }
        }
        return ids;
    }

    private static String folder(ApiClient api, String token, String name, String parentId) {
        String body = "{\"name\":\"" + name + "\"" + (parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"") + "}";
        ApiClient.Reply made = api.post("api/folders", body, Accounts.bearer(token));
        if (made.status() != 201) {
            throw new IllegalStateException("folder " + name + ": " + made);
        }
        return made.json().getString("id");
    }

    private static void time(ApiClient api, String label, String path, String... headers) throws Exception {
        for (int i = 0; i < 20; i++) {
            api.get(path, headers);
        }
        RequestLoop.Result result = RequestLoop.run(1, 15, caller -> api.get(path, headers).status() == 200);
        System.out.println(result.line(label));
    }
}

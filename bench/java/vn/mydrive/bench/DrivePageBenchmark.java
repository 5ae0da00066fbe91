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
 * The drive page with many files stored: stores {@code files} files through the transfer socket (empty
 * ones, so seeding is quick; the list does not depend on sizes), then times the page as a signed-in browser
 * gets it, and the list API sorted and filtered, one request at a time (the time is the server's, over
 * loopback). Run by bench/drive-page.sh. System properties: {@code mydrive.url}, {@code files} (10000).
 */
public final class DrivePageBenchmark {

    private static final int OWNERS = 4;

    public static void main(String[] args) throws Exception {
        URL app = new URL(System.getProperty("mydrive.url", "http://127.0.0.1:8080/mydrive/"));
        int files = Integer.getInteger("files", 10_000);
        ApiClient api = new ApiClient(app);
        Accounts accounts = new Accounts(api);
        long seedStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(OWNERS);
        List<Future<?>> owners = new ArrayList<>();
        for (int o = 0; o < OWNERS; o++) {
            int owner = o;
            String token = accounts.newSignedInUser("owner");
            owners.add(pool.submit(() -> {
                try (TransferClient client = TransferClient.connect(api.transferSocket(), token)) {
                    for (int i = owner; i < files; i += OWNERS) {
                        client.upload(SegmentSource.of(new byte[0]), String.format("Báo cáo %05d.pdf", i),
                                UploadOptions.defaults());
                    }
                }
                return null;
            }));
        }
        for (Future<?> owner : owners) {
            owner.get();
        }
        pool.shutdown();
        String viewer = accounts.newSignedInUser("viewer");
        long total = api.get("api/files?size=1", Accounts.bearer(viewer)).json().getJsonNumber("total").longValue();
        System.out.printf("MyDrive drive page with %d files listed (seeded in %.0f s through the transfer socket)%n",
                total, (System.nanoTime() - seedStart) / 1e9);
        String[] cookie = {"Cookie", "MYDRIVE_SESSION=" + viewer};
        time(api, "drive page (GET app/drive.xhtml)", "app/drive.xhtml", cookie);
        time(api, "list, newest first (API)", "api/files?page=0&size=25", Accounts.bearer(viewer));
        time(api, "list, by name, page 200 (API)", "api/files?page=200&size=25&sort=name&order=asc", Accounts.bearer(viewer));
        time(api, "list, filtered by name (API)", "api/files?name=bao%20cao%2004&size=25", Accounts.bearer(viewer));
    }

    private static void time(ApiClient api, String label, String path, String... headers) throws Exception {
        for (int i = 0; i < 20; i++) {
            api.get(path, headers);
        }
        RequestLoop.Result result = RequestLoop.run(1, 15, caller -> api.get(path, headers).status() == 200);
        System.out.println(result.line(label));
    }
}

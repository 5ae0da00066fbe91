package vn.mydrive.bench;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * Sign-ins per second (each one a PBKDF2 check, the cost chosen for OWASP strength) and token checks per
 * second (an authenticated {@code GET /api/auth/me}: signature, expiry and the live session). Run by
 * bench/auth.sh. System properties: {@code mydrive.url}, {@code threads} (4), {@code seconds} (20).
 */
public final class AuthBenchmark {

    public static void main(String[] args) throws Exception {
        URL app = new URL(System.getProperty("mydrive.url", "http://127.0.0.1:8080/mydrive/"));
        int threads = Integer.getInteger("threads", 4);
        double seconds = Integer.getInteger("seconds", 20);
        ApiClient api = new ApiClient(app);
        Accounts accounts = new Accounts(api);
        List<String> names = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String name = accounts.register(Accounts.uniqueName("auth"));
            names.add(name);
        }
        System.out.printf("MyDrive sign-in and token checks: %d callers in a closed loop, %.0f s each, over loopback%n",
                threads, seconds);
        // Each caller signs in its own account again and again, taking over its own session each time.
        RequestLoop.Result logins = RequestLoop.run(threads, seconds, caller -> api.post("api/auth/login",
                Accounts.takingOver(names.get(caller), Accounts.PASSWORD)).status() == 200);
        System.out.println(logins.line("sign-in (POST /api/auth/login)"));
        for (String name : names) {
            tokens.add(accounts.signInTakingOver(name, Accounts.PASSWORD));
        }
        RequestLoop.Result checks = RequestLoop.run(threads, seconds,
                caller -> api.get("api/auth/me", Accounts.bearer(tokens.get(caller))).status() == 200);
        System.out.println(checks.line("token check (GET /api/auth/me)"));
    }
}

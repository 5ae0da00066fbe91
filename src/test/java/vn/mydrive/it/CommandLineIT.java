package vn.mydrive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.mydrive.it.TransferIT.randomBytes;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.client.TransferClient.UploadResult;
import vn.mydrive.testkit.Accounts;
import vn.mydrive.testkit.ApiClient;

/**
 * The command-line client as a person or a script uses it: the built jar ({@code java -jar mydrive-cli.jar}) run
 * as its own process against the deployed app, its output and exit status read as a script would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommandLineIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;

    @TempDir
    Path home;

    /** What one run of the command gave. */
    record Run(int status, String out, String err) {
    }

    @Test
    void signInUploadListDownloadResumeAndRemoveThroughTheCommand() throws Exception {
        ApiClient api = new ApiClient(deployment);
        String user = new Accounts(api).register(Accounts.uniqueName("cli"));
        Run login = mydrive(Accounts.PASSWORD + "\n", "login", "--server", api.base().toString(), "--user", user,
                "--password-stdin");
        assertEquals(0, login.status(), login::toString);
        Path saved = home.resolve("config/login.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)),
                "the token is readable by its owner only");

        byte[] data = randomBytes(3 * 1024 * 1024 + 12_345, 71);
        Path file = Files.write(home.resolve("báo cáo.bin"), data);
        Run upload = mydrive("", "upload", "--quiet", file.toString());
        assertEquals(0, upload.status(), upload::toString);
        String id = upload.out().strip().split("\t")[0];
        assertEquals(id + "\t" + data.length + "\tbáo cáo.bin", upload.out().strip());

        Run list = mydrive("", "ls", "--mine");
        assertEquals(0, list.status(), list::toString);
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith(id + "\t" + data.length + "\t")
                && l.endsWith("\tshared\tbáo cáo.bin")), list::toString);

        Path copy = home.resolve("copy.bin");
        Run download = mydrive("", "download", "--quiet", "báo cáo.bin", "-o", copy.toString());
        assertEquals(0, download.status(), download::toString);
        assertArrayEquals(data, Files.readAllBytes(copy));
        assertFalse(Files.exists(home.resolve("copy.bin.part")), "no partial file is left behind");

        // An upload cut off after two segments, then the same file given to the command: it sends only the rest.
        Path big = Files.write(home.resolve("resumed.bin"), randomBytes(5 * 1024 * 1024 + 1, 72));
        Files.setLastModifiedTime(big, FileTime.fromMillis(1_700_000_123_000L));
        try (TransferClient cut = TransferClient.connect(api.transferSocket(), savedToken(saved))) {
            UploadResult partial = cut.upload(SegmentSource.of(big), "resumed.bin", UploadOptions.defaults()
                    .withVisibility("private").withLastModified(1_700_000_123_000L).stoppingAfter(2));
            assertFalse(partial.complete());
        }
        Run resume = mydrive("", "upload", "--private", big.toString());
        assertEquals(0, resume.status(), resume::toString);
        assertTrue(resume.err().contains("Resumed resumed.bin: 2 segments were already stored."), resume::toString);
        String resumedId = resume.out().strip().split("\t")[0];
        Path back = home.resolve("back");
        Files.createDirectory(back);
        assertEquals(0, mydrive("", "download", "-q", resumedId, "-o", back.toString()).status());
        assertArrayEquals(Files.readAllBytes(big), Files.readAllBytes(back.resolve("resumed.bin")));

        Run remove = mydrive("", "rm", id, "resumed.bin");
        assertEquals(0, remove.status(), remove::toString);
        assertEquals(List.of(id, resumedId), remove.out().lines().toList());
        assertFalse(mydrive("", "ls").out().contains(id));
    }

    @Test
    void exitCodesTellAScriptWhatWentWrong() throws Exception {
        ApiClient api = new ApiClient(deployment);
        Run notSignedIn = mydrive("", "ls");
        assertEquals(3, notSignedIn.status(), notSignedIn::toString);
        assertTrue(notSignedIn.err().contains("mydrive login"), notSignedIn::toString);

        assertEquals(2, mydrive("", "upload").status(), "a missing argument is a usage error");

        String user = new Accounts(api).register(Accounts.uniqueName("cliexit"));
        Run wrongPassword = mydrive("not the password\n", "login", "--server", api.base().toString(), "--user", user,
                "--password-stdin");
        assertEquals(3, wrongPassword.status(), wrongPassword::toString);
        assertEquals(0, mydrive(Accounts.PASSWORD + "\n", "login", "--server", api.base().toString(), "--user", user,
                "--password-stdin").status());

        Run missing = mydrive("", "download", "no-such-file.txt");
        assertEquals(4, missing.status(), missing::toString);
        assertEquals(1, mydrive("", "upload", home.resolve("absent.bin").toString()).status(),
                "a file that cannot be read");

        assertEquals(0, mydrive("", "logout").status());
        assertFalse(Files.exists(home.resolve("config/login.json")));
        assertEquals(3, mydrive("", "ls").status(), "signed out");
    }

    private Run mydrive(String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("mydrive.cli")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("MYDRIVE_CONFIG_DIR", home.resolve("config").toString());
        // A UTF-8 terminal, as people's are: Vietnamese file names pass through arguments and output unchanged.
        builder.environment().put("LC_ALL", "C.UTF-8");
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mydrive " + String.join(" ", args) + " did not end");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String savedToken(Path saved) throws IOException {
        try (var reader = Json.createReader(new StringReader(Files.readString(saved)))) {
            JsonObject login = reader.readObject();
            return login.getString("token");
        }
    }
}

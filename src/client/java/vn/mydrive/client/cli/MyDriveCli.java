package vn.mydrive.client.cli;

import java.io.IOException;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.mydrive.client.DriveApi;
import vn.mydrive.client.ServerRefusedException;

/**
 * {@code mydrive}: moves files to and from a MyDrive server from a terminal or a script, over the same resumable,
 * checked transfer protocol as the drive page (docs/cli.md).
 */
@Command(name = "mydrive", mixinStandardHelpOptions = true, versionProvider = MyDriveCli.Version.class,
        description = "Moves files of any size to and from a MyDrive server: resumable, checked end to end.",
        subcommands = {LoginCommand.class, UploadCommand.class, DownloadCommand.class, ListCommand.class,
                RemoveCommand.class, LogoutCommand.class})
public final class MyDriveCli {

    private final Path configDirectory;

    MyDriveCli(Path configDirectory) {
        this.configDirectory = configDirectory;
    }

    public static void main(String[] args) {
        System.exit(run(SavedLogin.directory(System.getenv()), args));
    }

    /** Runs one command line and returns its exit status (the tests call this too). */
    static int run(Path configDirectory, String... args) {
        CommandLine command = new CommandLine(new MyDriveCli(configDirectory));
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            codes.put(Integer.toString(code.status), code.meaning);
        }
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        command.setExitCodeExceptionMapper(MyDriveCli::exitCode);
        command.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("mydrive: " + message(e));
            return exitCode(e);
        });
        return command.execute(args);
    }

    Path configDirectory() {
        return configDirectory;
    }

    /** The saved sign-in's API, or a {@link NotSignedInException}. */
    DriveApi api() throws IOException {
        SavedLogin login = SavedLogin.read(configDirectory).orElseThrow(NotSignedInException::new);
        return new DriveApi(login.server(), login.token());
    }

    private static int exitCode(Throwable e) {
        Throwable cause = unwrap(e);
        if (cause instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE.status;
        }
        if (cause instanceof NotSignedInException) {
            return ExitCode.SIGN_IN.status;
        }
        if (cause instanceof WebSocketHandshakeException handshake) {
            return handshake.getResponse().statusCode() == 401 ? ExitCode.SIGN_IN.status : ExitCode.REFUSED.status;
        }
        if (cause instanceof ServerRefusedException refused) {
            if (refused.needsSignIn()) {
                return ExitCode.SIGN_IN.status;
            }
            return "not_found".equals(refused.code()) ? ExitCode.NOT_FOUND.status : ExitCode.REFUSED.status;
        }
        return ExitCode.FAILED.status;
    }

    private static String message(Throwable e) {
        Throwable cause = unwrap(e);
        if (cause instanceof WebSocketHandshakeException handshake) {
            return handshake.getResponse().statusCode() == 401
                    ? "the sign-in has ended; sign in again with mydrive login"
                    : "the server refused the transfer connection (" + handshake.getResponse().statusCode() + ")";
        }
        if (cause instanceof ServerRefusedException refused && refused.needsSignIn()) {
            return refused.getMessage() + " Sign in again with mydrive login.";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Not signed in on this computer. */
    static final class NotSignedInException extends RuntimeException {
        NotSignedInException() {
            super("not signed in; run mydrive login --server URL --user NAME first");
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = MyDriveCli.class.getPackage().getImplementationVersion();
            return new String[] {"mydrive " + (version == null ? "(development build)" : version)};
        }
    }
}

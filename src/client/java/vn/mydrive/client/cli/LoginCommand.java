package vn.mydrive.client.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.mydrive.client.DriveApi;

/** {@code mydrive login}: signs in and keeps the token for the next commands. */
@Command(name = "login", description = "Sign in and keep the sign-in (owner-only file) for the next commands.")
final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    MyDriveCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, description = "The MyDrive address, e.g. http://localhost:8080/mydrive/")
    URI server;

    @Option(names = {"-u", "--user"}, required = true, description = "Your username.")
    String username;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input "
            + "(for scripts); otherwise it is asked for without echo.")
    boolean passwordFromStdin;

    @Option(names = "--take-over", description = "End your session on another device if it is still in use "
            + "(one live session per account).")
    boolean takeOver;

    @Override
    public Integer call() throws Exception {
        String password = password();
        DriveApi.SignIn signIn = DriveApi.signIn(server, username, password, takeOver);
        new SavedLogin(server, signIn.username(), signIn.token(), signIn.expiresAt()).write(cli.configDirectory());
        spec.commandLine().getOut().println("Signed in as " + signIn.username() + " until " + signIn.expiresAt() + ".");
        return ExitCode.OK.status;
    }

    private String password() throws Exception {
        if (passwordFromStdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException("no password on standard input");
            }
            return line;
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("no terminal to ask the password on; use --password-stdin");
        }
        return new String(console.readPassword("Password for %s: ", username));
    }
}

package vn.mydrive.client.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.mydrive.client.ServerRefusedException;

/** {@code mydrive logout}: ends the sign-in on the server and forgets it here. */
@Command(name = "logout", description = "Sign out: the token stops working, and is removed from this computer.")
final class LogoutCommand implements Callable<Integer> {

    @ParentCommand
    MyDriveCli cli;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try {
            cli.api().signOut();
        } catch (ServerRefusedException e) {
            if (!e.needsSignIn()) {
                throw e;
            }
            // Ended already (expired, signed out elsewhere): nothing is left to end on the server.
        } finally {
            SavedLogin.forget(cli.configDirectory());
        }
        spec.commandLine().getOut().println("Signed out.");
        return ExitCode.OK.status;
    }
}

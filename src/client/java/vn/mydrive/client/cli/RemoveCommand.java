package vn.mydrive.client.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.mydrive.client.DriveApi;
import vn.mydrive.client.RemoteFile;

/** {@code mydrive rm ID|NAME...}: moves your files to the trash, where the drive page restores them. */
@Command(name = "rm", description = "Move your files to the trash (the drive page restores them), by id or by exact"
        + " name. Prints the id of each one moved.")
final class RemoveCommand implements Callable<Integer> {

    @ParentCommand
    MyDriveCli cli;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID|NAME", arity = "1..*", description = "Files to move to the trash.")
    List<String> files;

    @Override
    public Integer call() throws Exception {
        DriveApi api = cli.api();
        for (String each : files) {
            RemoteFile file = api.find(each);
            api.trash(file.id());
            spec.commandLine().getOut().println(file.id());
        }
        return ExitCode.OK.status;
    }
}

package vn.mydrive.client.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.mydrive.client.RemoteFile;

/** {@code mydrive ls}: the files you can see, one per line, tab-separated for scripts. */
@Command(name = "ls", description = {"List the files you can see, newest first.",
        "One line per file, tab-separated: id, size in bytes, upload time (UTC), owner, visibility, name."})
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    MyDriveCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only files whose name contains this.")
    String name;

    @Option(names = "--mine", description = "Only your own files.")
    boolean mine;

    @Override
    public Integer call() throws Exception {
        for (RemoteFile file : cli.api().list(name)) {
            if (!mine || file.mine()) {
                spec.commandLine().getOut().println(String.join("\t", file.id(), Long.toString(file.size()),
                        file.uploadDate().toString(), file.owner(), file.visibility(), file.name()));
            }
        }
        return ExitCode.OK.status;
    }
}

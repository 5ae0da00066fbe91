package vn.mydrive.client.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.mydrive.client.DriveApi;
import vn.mydrive.client.RemoteFile;
import vn.mydrive.client.TransferClient;

/**
 * {@code mydrive download ID|NAME}: the file's segments into {@code NAME.part}, checked against the SHA-256 the
 * server stored, then renamed into place, so a file with the final name is always whole.
 */
@Command(name = "download", description = {"Download a file, by id or by name, checked against the SHA-256 the "
        + "server stored. The file appears under its final name only once whole.",
        "Prints its path on standard output."})
final class DownloadCommand implements Callable<Integer> {

    @ParentCommand
    MyDriveCli cli;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID|NAME", description = "The file's id (from mydrive ls), or its exact name.")
    String file;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Where to save it: a file, or a directory to save it in under its name "
                    + "(default: its name, in the current directory).")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        DriveApi api = cli.api();
        RemoteFile remote = api.find(file);
        Path target = output == null ? Path.of(remote.name())
                : Files.isDirectory(output) ? output.resolve(remote.name()) : output;
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (TransferClient client = api.openTransfers(); ProgressDisplay bars = new ProgressDisplay(quiet, remote.name())) {
            client.onProgress(bars);
            client.download(remote.id(), partial);
        } catch (RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getOut().println(target);
        return ExitCode.OK.status;
    }
}

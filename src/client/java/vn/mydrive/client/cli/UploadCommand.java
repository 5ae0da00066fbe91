package vn.mydrive.client.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.mydrive.client.SegmentSource;
import vn.mydrive.client.TransferClient;
import vn.mydrive.client.TransferClient.UploadOptions;
import vn.mydrive.client.TransferClient.UploadResult;

/**
 * {@code mydrive upload FILE...}: each file in turn, resumed where an earlier run stopped (the server knows the same
 * file, by name, size, modification time and first segment, and sends only what it lacks).
 */
@Command(name = "upload", description = {"Upload files. An interrupted upload is resumed by running the same command "
        + "again: only the missing segments are sent.",
        "Prints one line per file on standard output: its id, size and name."})
final class UploadCommand implements Callable<Integer> {

    @ParentCommand
    MyDriveCli cli;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to upload.")
    List<Path> files;

    @Option(names = "--private", description = "Only you will see the files (default: everyone signed in).")
    boolean privately;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException(file + " is not a readable file");
            }
        }
        try (TransferClient client = cli.api().openTransfers()) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                UploadOptions options = UploadOptions.defaults()
                        .withVisibility(privately ? "private" : "shared")
                        .withLastModified(Files.getLastModifiedTime(file).toMillis())
                        .withContentType(Files.probeContentType(file));
                UploadResult result;
                try (SegmentSource source = SegmentSource.of(file); ProgressDisplay bars = new ProgressDisplay(quiet, name)) {
                    client.onProgress(bars);
                    result = client.upload(source, name, options);
                }
                if (result.segmentsSkipped() > 0 && !quiet) {
                    spec.commandLine().getErr().println("Resumed " + name + ": " + result.segmentsSkipped()
                            + " segments were already stored.");
                }
                spec.commandLine().getOut().println(result.fileId() + "\t" + Files.size(file) + "\t" + name);
            }
        }
        return ExitCode.OK.status;
    }
}

package vn.mydrive.client.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import vn.mydrive.client.TransferClient;

/**
 * The terminal progress bar of one transfer (on standard error, so standard output stays for results a script
 * reads), fed by the client's progress reports; none with {@code --quiet}.
 */
final class ProgressDisplay implements TransferClient.ProgressListener, AutoCloseable {

    private final boolean quiet;
    private final String taskName;
    private ProgressBar bar;

    ProgressDisplay(boolean quiet, String taskName) {
        this.quiet = quiet;
        this.taskName = taskName;
    }

    @Override
    public void progress(String id, long done, long total) {
        if (quiet) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(taskName).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" MiB", 1 << 20).showSpeed().setUpdateIntervalMillis(250).build();
        }
        bar.stepTo(done);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}

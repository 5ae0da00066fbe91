package vn.mydrive.client.cli;

/** What the command's exit status tells a script; listed in {@code mydrive --help} and docs/cli.md. */
enum ExitCode {
    OK(0, "done"),
    FAILED(1, "failed: the server could not be reached, a file could not be read or written, or a check failed"),
    USAGE(2, "the command line is wrong"),
    SIGN_IN(3, "not signed in, or the sign-in ended: run mydrive login"),
    NOT_FOUND(4, "no such file"),
    REFUSED(5, "the server refused (quota, size, name, a file that is not yours, ...): see the message");

    final int status;
    final String meaning;

    ExitCode(int status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }
}

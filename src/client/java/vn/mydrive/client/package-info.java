/**
 * A Java client of a MyDrive server, for programs outside it: the REST API ({@code DriveApi}) and the transfer
 * protocol ({@code TransferClient}: segments in a window, retries, back-off, resume, checks). The command line
 * ({@code cli}) is built on it, and so are the integration tests and the benchmarks, so it is exercised on every run.
 *
 * <p>May use: the frame codec and segment layout of {@code vn.mydrive.drive}; nothing else of the server (it ships
 * in its own jar).
 */
package vn.mydrive.client;

package vn.mydrive.platform.events;

/**
 * One segment moved: which way, how many bytes, and how long the server spent on it (receipt to answer for
 * uploads, read to send for downloads). Fired per segment, so observers must be cheap.
 */
public record TransferMeasured(Direction direction, long bytes, long nanos) {

    /** Into the store or out of it. */
    public enum Direction { IN, OUT }
}

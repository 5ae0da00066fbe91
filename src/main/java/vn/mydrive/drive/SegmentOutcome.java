package vn.mydrive.drive;

/**
 * What storing one segment achieved: how many of the upload's segments are now stored, and the finished file
 * if this segment completed it.
 */
public record SegmentOutcome(int received, int segmentCount, StoredFile completed, String name) {
}

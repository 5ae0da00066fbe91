/**
 * The drive: stored files and their rules (who sees and changes what), uploads from start to completion, the
 * transfer socket ({@code transfer}), the HTTP file API and the drive page ({@code web}), and the GridFS-layout
 * storage ({@code store}). Files are MongoDB documents in the GridFS layout, written segment by segment.
 *
 * <p>May use: {@code vn.mydrive.platform}. Never another feature.
 */
package vn.mydrive.drive;

/**
 * The drive: stored files and their rules (who sees and changes what), uploads from start to completion, and how a
 * file is cut into segments ({@code SegmentLayout}); the repository interfaces the services need. Around it: the
 * transfer socket ({@code transfer}), the segment frame both ends read and write ({@code protocol}, also carried by
 * the command-line client), the HTTP file API and the drive page ({@code web}), and the GridFS-layout storage that
 * implements the repositories ({@code store}). This package knows none of those.
 *
 * <p>May use: {@code vn.mydrive.platform}. Never another feature.
 */
package vn.mydrive.drive;

package vn.mydrive.drive;

import org.bson.types.ObjectId;

/**
 * One page of the file list as a viewer asks for it.
 *
 * @param viewerKey   the viewer's account key: they see shared files and their own
 * @param scope       which files (see {@link Scope})
 * @param ownerKey    only this owner's files (may be null)
 * @param nameFilter  only files whose name contains this, ignoring case and diacritics (may be null)
 * @param sort        what to order by
 * @param ascending   order direction
 * @param inFolder    only the files directly in {@code folderId} (the top of the drive when it is null); when
 *                    false, files anywhere
 */
public record FileQuery(String viewerKey, Scope scope, String ownerKey, String nameFilter, Sort sort,
                        boolean ascending, int offset, int limit, boolean inFolder, ObjectId folderId) {

    /** The same query, limited to the files directly in one folder (null: the top of the drive). */
    public FileQuery in(ObjectId folder) {
        return new FileQuery(viewerKey, scope, ownerKey, nameFilter, sort, ascending, offset, limit, true, folder);
    }

    /** The orders the list offers. */
    public enum Sort { NAME, OWNER, SIZE, UPLOAD_DATE, TRASHED_AT }

    /**
     * Which files a list shows: all the viewer may see, their own, those shared with them by name, or their trash.
     * Trashed files are only ever listed to their owner, in the trash.
     */
    public enum Scope { ALL, MINE, SHARED_WITH_ME, TRASH }
}

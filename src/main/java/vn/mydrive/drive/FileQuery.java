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

    /**
     * Every file in one folder, whoever added it, in the trash or not as {@code IN_FOLDER} has it: for a caller that
     * already checked the folder may be opened (a page, a link, a zip).
     */
    public static FileQuery everyFileIn(ObjectId folderId, Sort sort, int offset, int limit) {
        return new FileQuery(null, Scope.IN_FOLDER, null, null, sort, true, offset, limit, true, folderId);
    }

    /** The same query, limited to the files directly in one folder (null: the top of the drive). */
    public FileQuery in(ObjectId folder) {
        return new FileQuery(viewerKey, scope, ownerKey, nameFilter, sort, ascending, offset, limit, true, folder);
    }

    /** The orders the list offers. */
    public enum Sort { NAME, OWNER, SIZE, UPLOAD_DATE, TRASHED_AT }

    /**
     * Which files a list shows: all the viewer may see, their own, those shared with them by name, their trash, or
     * every file in one folder whoever added it ({@code IN_FOLDER}: the caller checks first that the viewer may
     * open that folder). Trashed files are only ever listed to their owner, in the trash.
     */
    public enum Scope { ALL, MINE, SHARED_WITH_ME, TRASH, IN_FOLDER }
}

package vn.mydrive.drive;

import org.bson.types.ObjectId;

/**
 * File bytes, in chunks of the file's chunk size numbered from 0. Segments are written straight into the final
 * file's chunks, in any order and any number of times; a chunk is read and deleted by its number, so nothing here
 * ever holds more than one segment of a file.
 */
public interface ChunkRepository {

    /**
     * Stores {@code length} bytes of {@code data} from {@code offset} as chunks {@code firstChunk},
     * {@code firstChunk + 1}, ... of the file. Chunks already stored are left as they are.
     */
    void write(ObjectId fileId, int firstChunk, byte[] data, int offset, int length, int chunkSize);

    /** One chunk's bytes, or {@code null} if that chunk is not stored. */
    byte[] read(ObjectId fileId, int n);

    /** Deletes chunks 0 .. chunkCount-1 of the file, each by its key. */
    void delete(ObjectId fileId, int chunkCount);
}

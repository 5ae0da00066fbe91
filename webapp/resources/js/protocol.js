/*
 * The transfer protocol's numbers, in one place for the page's uploader and downloader
 * (docs/transfer-protocol.md): the segment frame's layout, and how long and how often a segment is tried.
 */
window.MyDrive = window.MyDrive || {};

(function (MyDrive) {
    'use strict';

    /** The frame's fields, by byte offset: version, kind, flags, reserved, 12-byte id, index, CRC32C, bytes. */
    var VERSION = 0, KIND = 1, FLAGS = 2, ID = 4, ID_BYTES = 12, INDEX = 16, CRC = 20, HEADER = 24;
    var UPLOAD = 1, DOWNLOAD = 2, FLAG_CRC = 1;

    function hexBytes(hex) {
        var bytes = new Uint8Array(hex.length / 2);
        for (var i = 0; i < bytes.length; i++) {
            bytes[i] = parseInt(hex.substr(2 * i, 2), 16);
        }
        return bytes;
    }

    function hex(bytes) {
        return Array.prototype.map.call(bytes, function (b) {
            return ('0' + b.toString(16)).slice(-2);
        }).join('');
    }

    MyDrive.protocol = {
        /** Tries of one segment before its transfer fails (back-pressure is not counted). */
        MAX_ATTEMPTS: 6,
        /** A segment unanswered this long is sent (or asked for) again: answers can be lost with a connection. */
        ANSWER_TIMEOUT_MS: 30000,

        hexBytes: hexBytes,

        /** An upload frame: the header for segment `index` of the upload (its id as bytes), then `payload`. */
        uploadFrame: function (uploadIdBytes, index, payload) {
            var frame = new Uint8Array(HEADER + payload.byteLength);
            var header = new DataView(frame.buffer);
            header.setUint8(VERSION, 1);
            header.setUint8(KIND, UPLOAD);
            header.setUint8(FLAGS, FLAG_CRC);
            frame.set(uploadIdBytes, ID);
            header.setInt32(INDEX, index);
            header.setUint32(CRC, MyDrive.crc32c(payload));
            frame.set(payload, HEADER);
            return frame.buffer;
        },

        /** A download frame's parts, or null when it is not one; `intact` is false when the CRC32C disagrees. */
        readDownload: function (frame) {
            if (frame.byteLength < HEADER) {
                return null;
            }
            var header = new DataView(frame, 0, HEADER);
            if (header.getUint8(KIND) !== DOWNLOAD) {
                return null;
            }
            var payload = new Uint8Array(frame, HEADER);
            return {
                fileId: hex(new Uint8Array(frame, ID, ID_BYTES)),
                index: header.getInt32(INDEX),
                payload: payload,
                intact: MyDrive.crc32c(payload) === header.getUint32(CRC)
            };
        }
    };
})(window.MyDrive);

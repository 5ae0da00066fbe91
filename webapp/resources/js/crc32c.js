/* CRC32C (Castagnoli), the per-segment checksum of the transfer protocol (docs/transfer-protocol.md). */
window.MyDrive = window.MyDrive || {};

(function (MyDrive) {
    'use strict';

    var TABLE = new Int32Array(256);
    for (var n = 0; n < 256; n++) {
        var c = n;
        for (var k = 0; k < 8; k++) {
            c = (c & 1) ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
        }
        TABLE[n] = c;
    }

    /** The CRC32C of a Uint8Array, as an unsigned 32-bit number. */
    MyDrive.crc32c = function (bytes) {
        var crc = -1;
        for (var i = 0; i < bytes.length; i++) {
            crc = TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
        }
        return (crc ^ -1) >>> 0;
    };

    MyDrive.hex32 = function (value) {
        return ('0000000' + value.toString(16)).slice(-8);
    };
})(window.MyDrive);

/*
 * CRC32C (Castagnoli), the per-segment checksum of the transfer protocol (docs/transfer-protocol.md), computed
 * eight bytes at a time ("slicing by 8": eight tables, one lookup per byte, no dependency between the lookups of a
 * round), several times faster in JavaScript engines than one byte at a time; a 1 MiB segment is read as 32-bit
 * words where the platform is little-endian (every current one) and the bytes are aligned.
 */
window.MyDrive = window.MyDrive || {};

(function (MyDrive) {
    'use strict';

    var TABLES = new Int32Array(8 * 256);
    for (var n = 0; n < 256; n++) {
        var c = n;
        for (var k = 0; k < 8; k++) {
            c = (c & 1) ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
        }
        TABLES[n] = c;
    }
    for (var t = 1; t < 8; t++) {
        for (var m = 0; m < 256; m++) {
            var previous = TABLES[(t - 1) * 256 + m];
            TABLES[t * 256 + m] = (previous >>> 8) ^ TABLES[previous & 0xff];
        }
    }
    var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

    /** The CRC32C of a Uint8Array, as an unsigned 32-bit number. */
    MyDrive.crc32c = function (bytes) {
        var T = TABLES;
        var crc = -1;
        var i = 0;
        var rounds = bytes.length >>> 3;
        if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0 && rounds > 0) {
            var words = new Int32Array(bytes.buffer, bytes.byteOffset, rounds * 2);
            for (var w = 0; w < words.length; w += 2) {
                var a = words[w] ^ crc;
                var b = words[w + 1];
                crc = T[1792 + (a & 0xff)] ^ T[1536 + ((a >>> 8) & 0xff)] ^ T[1280 + ((a >>> 16) & 0xff)]
                    ^ T[1024 + (a >>> 24)] ^ T[768 + (b & 0xff)] ^ T[512 + ((b >>> 8) & 0xff)]
                    ^ T[256 + ((b >>> 16) & 0xff)] ^ T[b >>> 24];
            }
            i = rounds * 8;
        }
        for (; i < bytes.length; i++) {
            crc = T[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
        }
        return (crc ^ -1) >>> 0;
    };

    MyDrive.hex32 = function (value) {
        return ('0000000' + value.toString(16)).slice(-8);
    };
})(window.MyDrive);

/*
 * Turns a download the page receives in segments into an ordinary browser download written straight to disk, so a
 * file of any size never has to fit in the page's memory. The page opens a stream here (a `stream` message with a
 * MessagePort), then navigates a hidden frame to its address under /stream/; this worker answers that navigation
 * with the stream as an attachment, and feeds it with the segments the page posts, in order, one per `pull`: the
 * browser's download pulls only as fast as it writes, so neither side holds more than a few segments.
 */
'use strict';

var streams = {};

self.addEventListener('install', function () {
    self.skipWaiting();
});

self.addEventListener('activate', function (event) {
    event.waitUntil(self.clients.claim());
});

self.addEventListener('message', function (event) {
    var message = event.data;
    if (!message || message.type !== 'stream' || !event.ports[0]) {
        return;
    }
    var port = event.ports[0];
    var waiting = null;
    var stream = new ReadableStream({
        start: function (controller) {
            port.onmessage = function (next) {
                var data = next.data;
                if (data.segment) {
                    controller.enqueue(new Uint8Array(data.segment, data.offset));
                    if (waiting) {
                        waiting();
                        waiting = null;
                    }
                } else if (data.end) {
                    controller.close();
                    port.close();
                } else if (data.abort) {
                    controller.error(new Error('The download was cancelled'));
                    port.close();
                }
            };
        },
        pull: function () {
            return new Promise(function (resolve) {
                waiting = resolve;
                port.postMessage({pull: true});
            });
        },
        cancel: function () {
            // The person cancelled it in the browser's download list.
            port.postMessage({cancelled: true});
            port.close();
        }
    }, {highWaterMark: 2});
    streams[message.path] = {stream: stream, name: message.name, size: message.size, port: port};
    port.postMessage({ready: true});
});

self.addEventListener('fetch', function (event) {
    var path = new URL(event.request.url).pathname;
    var entry = streams[path];
    if (!entry) {
        return;
    }
    delete streams[path];
    entry.port.postMessage({started: true});
    var headers = {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': "attachment; filename*=UTF-8''" + encodeURIComponent(entry.name),
        'X-Content-Type-Options': 'nosniff'
    };
    if (entry.size >= 0) {
        headers['Content-Length'] = String(entry.size);
    }
    event.respondWith(new Response(entry.stream, {headers: headers}));
});

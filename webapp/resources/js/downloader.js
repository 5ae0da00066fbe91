/*
 * Downloads a file through the transfer socket (docs/transfer-protocol.md): `download` for its shape, then
 * `get` for its segments with up to `window` in flight, each checked against its CRC32C and asked again if
 * damaged. Segments go, in order, into an ordinary browser download written to disk as they come
 * (download-sw.js): the page holds at most `window` segments, whatever the file's size. Where a service worker
 * cannot run, the browser downloads the file itself from its HTTP address (also streamed to disk).
 */
window.MyDrive = window.MyDrive || {};

(function (MyDrive) {
    'use strict';

    var MAX_ATTEMPTS = MyDrive.protocol.MAX_ATTEMPTS;
    var ANSWER_TIMEOUT_MS = MyDrive.protocol.ANSWER_TIMEOUT_MS;

    function Downloader(transfer, view, callbacks, contextPath) {
        var self = this;
        this.transfer = transfer;
        this.view = view;
        this.callbacks = callbacks;
        this.contextPath = contextPath;
        this.jobs = {};
        this.paused = false;
        this.disk = diskWorker(contextPath);
        transfer.on('download-ready', function (m) { self.ready(m); });
        transfer.on('binary', function (frame) { self.segment(frame); });
        transfer.on('error', function (m) { self.failedRequest(m); });
        transfer.on('open', function () { self.resume(); });
        window.setInterval(function () { self.askAgainSilent(); }, 5000);
        // A worker with nothing to do is stopped by the browser after a while, even with a download open: a message
        // now and then keeps it while one is.
        window.setInterval(function () { self.keepWorkerAlive(); }, 10000);
    }

    Downloader.prototype.askAgainSilent = function () {
        var self = this;
        var now = Date.now();
        Object.keys(this.jobs).forEach(function (fileId) {
            var job = self.jobs[fileId];
            if (!job.askedAt) {
                return;
            }
            Object.keys(job.askedAt).forEach(function (key) {
                if (now - job.askedAt[key] > ANSWER_TIMEOUT_MS) {
                    delete job.askedAt[key];
                    job.inFlight--;
                    self.retry(job, Number(key), null);
                }
            });
        });
    };

    /**
     * The service worker that writes downloads to disk, once it is active; null where there is none (no support,
     * or registration refused), and then downloads go through the file's HTTP address.
     */
    function diskWorker(contextPath) {
        if (!('serviceWorker' in navigator) || typeof ReadableStream === 'undefined') {
            return Promise.resolve(null);
        }
        return navigator.serviceWorker.register(contextPath + '/download-sw.js', {scope: contextPath + '/stream/'})
            .then(function (registration) {
                var worker = registration.active || registration.waiting || registration.installing;
                if (worker.state === 'activated') {
                    return worker;
                }
                return new Promise(function (resolve) {
                    worker.addEventListener('statechange', function () {
                        if (worker.state === 'activated') {
                            resolve(worker);
                        }
                    });
                });
            })
            .catch(function () { return null; });
    }

    Downloader.prototype.keepWorkerAlive = function () {
        var self = this;
        Object.keys(this.jobs).forEach(function (fileId) {
            var job = self.jobs[fileId];
            if (job.worker && job.port) {
                job.worker.postMessage({type: 'keepalive'});
            }
        });
    };

    /** After a reconnection: ask again for every segment neither written nor held. */
    Downloader.prototype.resume = function () {
        var self = this;
        Object.keys(this.jobs).forEach(function (fileId) {
            var job = self.jobs[fileId];
            if (job.held) {
                job.inFlight = 0;
                job.askedAt = {};
                job.next = job.written;
                self.pump(job);
            } else if (job.worker) {
                self.transfer.send({type: 'download', ref: job.ref, fileId: fileId});
            }
        });
    };

    Downloader.prototype.download = function (fileId, name) {
        if (this.jobs[fileId]) {
            return;
        }
        var self = this;
        var job = {kind: 'down', fileId: fileId, name: name, size: 0, done: 0, state: 'running', ref: 'down-' + fileId,
            attempts: {}, paused: this.paused};
        job.cancel = this.cancel.bind(this, job);
        job.pause = this.pause.bind(this, job);
        job.resume = this.resumeJob.bind(this, job);
        this.jobs[fileId] = job;
        this.view.add(job);
        this.disk.then(function (worker) {
            if (job.state !== 'running') {
                return;
            }
            if (worker) {
                job.worker = worker;
                self.transfer.send({type: 'download', ref: job.ref, fileId: fileId});
            } else {
                self.byHttp(job);
            }
        });
    };

    /** Without a service worker: the browser fetches the file itself, straight to disk (Range, resumable). */
    Downloader.prototype.byHttp = function (job) {
        var link = document.createElement('a');
        link.href = this.contextPath + '/api/files/' + encodeURIComponent(job.fileId) + '/content';
        link.download = job.name;
        document.body.appendChild(link);
        link.click();
        link.remove();
        this.finish(job, 'done', this.callbacks.text.handedToBrowser);
    };

    Downloader.prototype.ready = function (message) {
        var job = this.jobs[message.fileId];
        if (!job || job.ref !== message.ref || job.held) {
            return;
        }
        var self = this;
        job.size = message.size;
        job.name = message.name;
        job.segmentCount = message.segmentCount;
        job.held = {};
        job.heldCount = 0;
        job.written = 0;
        job.credit = 0;
        job.next = 0;
        job.inFlight = 0;
        this.view.update(job);
        var channel = new MessageChannel();
        job.port = channel.port1;
        job.port.onmessage = function (event) {
            if (event.data.ready) {
                self.openDownload(job, path);
            } else if (event.data.started) {
                job.started = true;
            } else if (event.data.pull) {
                job.credit++;
                self.write(job);
            } else if (event.data.cancelled) {
                self.cancel(job);
            }
        };
        var path = this.contextPath + '/stream/' + Date.now().toString(36) + Math.random().toString(36).substring(2)
            + '/' + encodeURIComponent(job.name);
        job.worker.postMessage({type: 'stream', path: path, name: job.name, size: job.size}, [channel.port2]);
    };

    /** The browser's download of the stream starts: a hidden frame navigates to it, and the worker answers. */
    Downloader.prototype.openDownload = function (job, path) {
        var self = this;
        var frame = document.createElement('iframe');
        frame.hidden = true;
        frame.src = path;
        document.body.appendChild(frame);
        job.frame = frame;
        // Should the worker not take the frame's request (it answers at once when it does), the browser downloads
        // the file from its HTTP address instead.
        window.setTimeout(function () {
            if (job.state === 'running' && !job.started) {
                job.port.postMessage({abort: true});
                job.port = null;
                self.byHttp(job);
            }
        }, 15000);
        if (job.segmentCount === 0) {
            this.write(job);
        }
        this.pump(job);
    };

    Downloader.prototype.pump = function (job) {
        while (job.state === 'running' && !job.paused && job.inFlight + job.heldCount < MyDrive.allowance(job, this.transfer.welcome.window)
                && job.next < job.segmentCount) {
            var index = job.next++;
            if (!job.held[index]) {
                this.request(job, index);
            }
        }
    };

    /** Hands the worker the next segments in order, as many as the download has asked for; ends it after the last. */
    Downloader.prototype.write = function (job) {
        while (job.state === 'running' && job.credit > 0 && job.held[job.written]) {
            var segment = job.held[job.written];
            delete job.held[job.written];
            job.heldCount--;
            job.credit--;
            job.written++;
            job.done += segment.length;
            job.port.postMessage({segment: segment.buffer, offset: segment.offset}, [segment.buffer]);
        }
        if (job.state === 'running' && job.written === job.segmentCount) {
            job.port.postMessage({end: true});
            this.finish(job, 'done');
            return;
        }
        this.view.update(job);
        this.pump(job);
    };

    Downloader.prototype.request = function (job, index) {
        job.inFlight++;
        job.askedAt = job.askedAt || {};
        job.askedAt[index] = Date.now();
        this.transfer.send({type: 'get', fileId: job.fileId, index: index});
    };

    Downloader.prototype.segment = function (frame) {
        var segment = MyDrive.protocol.readDownload(frame);
        if (!segment) {
            return;
        }
        var job = this.jobs[segment.fileId];
        if (!job || job.state !== 'running') {
            return;
        }
        var index = segment.index;
        var payload = segment.payload;
        job.inFlight--;
        delete job.askedAt[index];
        MyDrive.answered(job);
        if (!segment.intact) {
            this.retry(job, index, null);
            return;
        }
        if (index >= job.written && !job.held[index]) {
            job.held[index] = {buffer: payload.buffer, offset: payload.byteOffset, length: payload.length};
            job.heldCount++;
        }
        this.write(job);
    };

    Downloader.prototype.failedRequest = function (message) {
        var job = this.jobs[message.fileId];
        if (!job || job.state !== 'running') {
            return;
        }
        if (message.request === 'download') {
            this.fail(job, this.callbacks.describe(message));
        } else if (message.request === 'get') {
            job.inFlight--;
            delete job.askedAt[message.index];
            this.retry(job, message.index, message);
        }
    };

    Downloader.prototype.retry = function (job, index, error) {
        var self = this;
        if (MyDrive.backOff(job, index, error, function () { self.request(job, index); })) {
            return;
        }
        job.attempts[index] = (job.attempts[index] || 0) + 1;
        if ((error && !error.retry) || job.attempts[index] >= MAX_ATTEMPTS) {
            this.fail(job, error ? this.callbacks.describe(error) : this.callbacks.text.damaged);
            return;
        }
        window.setTimeout(function () { self.request(job, index); }, 250 * Math.pow(2, job.attempts[index]));
    };

    /** Ends a job: its stream, its frame (later: the browser may still be writing) and its place in the list. */
    Downloader.prototype.finish = function (job, state, message) {
        if (state !== 'done' && job.port) {
            job.port.postMessage({abort: true});
        }
        job.state = state;
        job.message = message;
        job.held = null;
        delete this.jobs[job.fileId];
        if (job.frame) {
            var frame = job.frame;
            window.setTimeout(function () { frame.remove(); }, 60000);
        }
        this.view.update(job);
    };

    Downloader.prototype.fail = function (job, text) {
        this.finish(job, 'failed', text);
    };

    Downloader.prototype.cancel = function (job) {
        if (job.state === 'running') {
            this.finish(job, 'cancelled');
        }
    };

    /**
     * Stops asking for segments; those on their way are still written. The browser's download stays open (it
     * waits for the next bytes), so resuming goes on where it stopped.
     */
    Downloader.prototype.pause = function (job) {
        if (job.state === 'running') {
            job.paused = true;
            this.view.update(job);
        }
    };

    Downloader.prototype.resumeJob = function (job) {
        if (job.paused) {
            job.paused = false;
            this.view.update(job);
            if (job.held) {
                this.pump(job);
            }
        }
    };

    /** Pauses every download, and downloads started meanwhile start paused, until everything is resumed. */
    Downloader.prototype.pauseAll = function () {
        this.paused = true;
        var self = this;
        Object.keys(this.jobs).forEach(function (id) { self.pause(self.jobs[id]); });
    };

    Downloader.prototype.resumeAll = function () {
        this.paused = false;
        var self = this;
        Object.keys(this.jobs).forEach(function (id) { self.resumeJob(self.jobs[id]); });
    };

    MyDrive.Downloader = Downloader;
})(window.MyDrive);

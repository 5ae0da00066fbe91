/*
 * Uploads files through the transfer socket (docs/transfer-protocol.md): one file after another, each in
 * segments with up to `window` in flight, retried with backoff when the server says so, resumed when the
 * connection comes back, cancellable. Every segment carries its CRC32C; the server's SHA-256 of the whole
 * file comes back in `complete`.
 */
window.MyDrive = window.MyDrive || {};

(function (MyDrive) {
    'use strict';

    var MAX_ATTEMPTS = MyDrive.protocol.MAX_ATTEMPTS;
    var ANSWER_TIMEOUT_MS = MyDrive.protocol.ANSWER_TIMEOUT_MS;

    function Uploader(transfer, view, callbacks) {
        var self = this;
        this.transfer = transfer;
        this.view = view;
        this.callbacks = callbacks;
        this.queue = [];
        this.current = null;
        this.batch = [];
        transfer.on('open', function () { self.resume(); });
        transfer.on('upload-ready', function (m) { self.ready(m); });
        transfer.on('ack', function (m) { self.acked(m); });
        transfer.on('complete', function (m) { self.completed(m); });
        transfer.on('cancelled', function () { /* already shown as cancelled */ });
        transfer.on('error', function (m) { self.failedRequest(m); });
        window.setInterval(function () { self.resendSilent(); }, 5000);
    }

    Uploader.prototype.resendSilent = function () {
        var job = this.current;
        if (!job || job.state !== 'running' || !job.sentAt) {
            return;
        }
        var now = Date.now();
        var self = this;
        Object.keys(job.sentAt).forEach(function (key) {
            if (now - job.sentAt[key] > ANSWER_TIMEOUT_MS) {
                var index = Number(key);
                delete job.sentAt[key];
                job.inFlight--;
                job.attempts[index] = (job.attempts[index] || 0) + 1;
                if (job.attempts[index] >= MAX_ATTEMPTS) {
                    self.fail(job, self.callbacks.text.retrying);
                    return;
                }
                job.pending.unshift(index);
            }
        });
        this.pump(job);
    };

    Uploader.prototype.add = function (files, visibility) {
        for (var i = 0; i < files.length; i++) {
            var job = {
                kind: 'up', file: files[i], name: files[i].name, size: files[i].size, done: 0, state: 'queued',
                visibility: visibility, ref: 'up-' + Date.now() + '-' + i, attempts: {}, inFlight: 0
            };
            job.cancel = this.cancel.bind(this, job);
            this.queue.push(job);
            this.batch.push(job);
            this.view.add(job);
        }
        this.next();
    };

    Uploader.prototype.next = function () {
        if (this.current || this.queue.length === 0 || !this.transfer.isReady()) {
            return;
        }
        this.current = this.queue.shift();
        this.current.state = 'running';
        this.view.update(this.current);
        this.announce(this.current);
    };

    /** Sends `upload`: starts the upload, or resumes it (the server answers with what it already holds). */
    Uploader.prototype.announce = function (job) {
        var self = this;
        var segmentSize = this.transfer.welcome.segmentSize;
        job.file.slice(0, Math.min(segmentSize, job.size)).arrayBuffer().then(function (first) {
            var message = {
                type: 'upload', ref: job.ref, name: job.name, size: job.size, lastModified: job.file.lastModified,
                contentType: job.file.type || 'application/octet-stream', visibility: job.visibility
            };
            if (job.size > 0) {
                message.fingerprint = MyDrive.hex32(MyDrive.crc32c(new Uint8Array(first)));
            }
            self.transfer.send(message);
        });
    };

    Uploader.prototype.ready = function (message) {
        var job = this.current;
        if (!job || message.ref !== job.ref) {
            return;
        }
        job.uploadId = message.uploadId;
        job.segmentSize = message.segmentSize;
        job.idBytes = MyDrive.protocol.hexBytes(message.uploadId);
        var have = {};
        message.have.forEach(function (range) {
            for (var i = range[0]; i <= range[1]; i++) {
                have[i] = true;
            }
        });
        job.pending = [];
        job.done = 0;
        for (var i = 0; i < message.segmentCount; i++) {
            if (have[i]) {
                job.done += segmentLength(job, i);
            } else {
                job.pending.push(i);
            }
        }
        job.inFlight = 0;
        job.sentAt = {};
        this.view.update(job);
        this.pump(job);
    };

    Uploader.prototype.pump = function (job) {
        while (job === this.current && job.state === 'running'
                && job.inFlight < MyDrive.allowance(job, this.transfer.welcome.window) && job.pending.length > 0) {
            this.sendSegment(job, job.pending.shift());
        }
    };

    Uploader.prototype.sendSegment = function (job, index) {
        var self = this;
        var start = index * job.segmentSize;
        job.inFlight++;
        job.file.slice(start, start + segmentLength(job, index)).arrayBuffer().then(function (bytes) {
            if (job.state !== 'running' || job !== self.current) {
                return;
            }
            var frame = MyDrive.protocol.uploadFrame(job.idBytes, index, new Uint8Array(bytes));
            job.sentAt[index] = Date.now();
            if (!self.transfer.sendBinary(frame)) {
                delete job.sentAt[index];
                // The connection went away; the segment is sent again after the resume.
                job.inFlight--;
                job.pending.unshift(index);
            }
        });
    };

    Uploader.prototype.acked = function (message) {
        var job = this.current;
        if (!job || message.uploadId !== job.uploadId) {
            return;
        }
        job.inFlight--;
        delete job.sentAt[message.index];
        MyDrive.answered(job);
        if (!message.repeat) {
            job.done += segmentLength(job, message.index);
        }
        this.view.update(job);
        this.pump(job);
    };

    Uploader.prototype.completed = function (message) {
        var job = this.current;
        if (!job || (message.ref !== job.ref && message.uploadId !== job.uploadId)) {
            return;
        }
        job.state = 'done';
        job.done = job.size;
        job.sha256 = message.sha256;
        this.view.update(job);
        this.finished();
    };

    Uploader.prototype.failedRequest = function (message) {
        var job = this.current;
        if (!job) {
            return;
        }
        if (message.request === 'upload' && message.ref === job.ref) {
            this.fail(job, this.callbacks.describe(message));
        } else if (message.request === 'segment' && message.uploadId === job.uploadId) {
            job.inFlight--;
            var index = message.index;
            delete job.sentAt[index];
            var self = this;
            if (MyDrive.backOff(job, index, message, function () {
                job.pending.unshift(index);
                self.pump(job);
            })) {
                return;
            }
            job.attempts[index] = (job.attempts[index] || 0) + 1;
            if (!message.retry || job.attempts[index] >= MAX_ATTEMPTS) {
                this.fail(job, this.callbacks.describe(message));
                return;
            }
            job.message = this.callbacks.text.retrying;
            window.setTimeout(function () {
                job.pending.unshift(index);
                self.pump(job);
            }, 250 * Math.pow(2, job.attempts[index]));
        }
    };

    Uploader.prototype.fail = function (job, text) {
        job.state = 'failed';
        job.message = text;
        this.view.update(job);
        this.finished();
    };

    Uploader.prototype.cancel = function (job) {
        if (job.state === 'queued') {
            this.queue.splice(this.queue.indexOf(job), 1);
        } else if (job.state === 'running' && job.uploadId) {
            this.transfer.send({type: 'cancel', uploadId: job.uploadId});
        } else if (job.state !== 'running') {
            return;
        }
        job.state = 'cancelled';
        this.view.update(job);
        if (job === this.current) {
            this.finished();
        }
    };

    Uploader.prototype.finished = function () {
        this.current = null;
        if (this.queue.length > 0) {
            this.next();
            return;
        }
        var batch = this.batch;
        this.batch = [];
        this.callbacks.batchFinished(batch);
    };

    /** After a (re)connection: resume the file in progress, or start the next. */
    Uploader.prototype.resume = function () {
        if (this.current) {
            this.current.message = null;
            this.announce(this.current);
        } else {
            this.next();
        }
    };

    function segmentLength(job, index) {
        return Math.min(job.segmentSize, job.size - index * job.segmentSize);
    }

    MyDrive.Uploader = Uploader;
})(window.MyDrive);

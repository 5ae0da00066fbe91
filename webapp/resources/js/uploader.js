/*
 * Uploads files through the transfer socket (docs/transfer-protocol.md): up to MAX_ACTIVE files at once, their
 * segments sent in turn (so a small file is not stuck behind a large one) with at most `window` in flight in
 * all, retried with backoff when the server says so, resumed when the connection comes back, each pausable and
 * cancellable. Every segment carries its CRC32C; the server's SHA-256 of the whole file comes back in `complete`.
 */
window.MyDrive = window.MyDrive || {};

(function (MyDrive) {
    'use strict';

    var MAX_ATTEMPTS = MyDrive.protocol.MAX_ATTEMPTS;
    var ANSWER_TIMEOUT_MS = MyDrive.protocol.ANSWER_TIMEOUT_MS;
    /** Files uploading at once: enough for small files to pass a large one, few enough to finish some soon. */
    var MAX_ACTIVE = 3;

    function Uploader(transfer, view, callbacks) {
        var self = this;
        this.transfer = transfer;
        this.view = view;
        this.callbacks = callbacks;
        this.queue = [];
        this.active = [];
        this.batch = [];
        this.paused = false;
        transfer.on('open', function () { self.resume(); });
        transfer.on('upload-ready', function (m) { self.ready(m); });
        transfer.on('ack', function (m) { self.acked(m); });
        transfer.on('complete', function (m) { self.completed(m); });
        transfer.on('cancelled', function () { /* already shown as cancelled */ });
        transfer.on('error', function (m) { self.failedRequest(m); });
        window.setInterval(function () { self.resendSilent(); }, 5000);
    }

    Uploader.prototype.resendSilent = function () {
        var self = this;
        this.active.forEach(function (job) { self.resendSilentOf(job); });
    };

    Uploader.prototype.resendSilentOf = function (job) {
        if (job.state !== 'running' || !job.sentAt) {
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
        this.pump();
    };

    /**
     * Queues files for upload into {@code folder}, by default the folder the page shows when they are added (the top
     * of the drive if none).
     */
    Uploader.prototype.add = function (files, visibility, folder) {
        var here = document.getElementById('currentFolder');
        var folderId = folder !== undefined ? folder : (here && here.dataset.folder ? here.dataset.folder : null);
        for (var i = 0; i < files.length; i++) {
            var job = {
                kind: 'up', file: files[i], name: files[i].name, size: files[i].size, done: 0, state: 'queued',
                visibility: visibility, ref: 'up-' + Date.now() + '-' + i, attempts: {}, inFlight: 0,
                paused: this.paused, folderId: folderId
            };
            job.cancel = this.cancel.bind(this, job);
            job.pause = this.pause.bind(this, job);
            job.resume = this.resumeJob.bind(this, job);
            this.queue.push(job);
            this.batch.push(job);
            this.view.add(job);
        }
        this.next();
    };

    Uploader.prototype.next = function () {
        while (this.active.length < MAX_ACTIVE && this.queue.length > 0 && this.transfer.isReady()) {
            var job = this.queue.shift();
            job.state = 'running';
            this.active.push(job);
            this.view.update(job);
            this.announce(job);
        }
    };

    /** The active job a server message is about, by the client's ref or the upload's id. */
    Uploader.prototype.find = function (ref, uploadId) {
        for (var i = 0; i < this.active.length; i++) {
            var job = this.active[i];
            if ((ref && job.ref === ref) || (uploadId && job.uploadId === uploadId)) {
                return job;
            }
        }
        return null;
    };

    /** Ids of the uploads this page is sending or about to (not "unfinished" in the panel's sense). */
    Uploader.prototype.busyIds = function () {
        return this.active.map(function (job) { return job.uploadId; });
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
            if (job.folderId) {
                message.folderId = job.folderId;
            }
            self.transfer.send(message);
        });
    };

    Uploader.prototype.ready = function (message) {
        var job = this.find(message.ref, null);
        if (!job) {
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
        this.pump();
    };

    /**
     * Sends segments of the active, unpaused jobs in turn, one each per round, while the connection's window
     * (shared by all of them) and each job's own allowance (smaller after back-pressure) have room.
     */
    Uploader.prototype.pump = function () {
        var window = this.transfer.welcome ? this.transfer.welcome.window : 0;
        var sent = true;
        while (sent) {
            sent = false;
            for (var i = 0; i < this.active.length; i++) {
                var job = this.active[i];
                if (this.inFlight() >= window) {
                    return;
                }
                if (job.state === 'running' && !job.paused && job.pending && job.pending.length > 0
                        && job.inFlight < MyDrive.allowance(job, window)) {
                    this.sendSegment(job, job.pending.shift());
                    sent = true;
                }
            }
        }
    };

    Uploader.prototype.inFlight = function () {
        return this.active.reduce(function (sum, job) { return sum + job.inFlight; }, 0);
    };

    Uploader.prototype.sendSegment = function (job, index) {
        var self = this;
        var start = index * job.segmentSize;
        job.inFlight++;
        job.file.slice(start, start + segmentLength(job, index)).arrayBuffer().then(function (bytes) {
            if (job.state !== 'running') {
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
        var job = this.find(null, message.uploadId);
        if (!job) {
            return;
        }
        job.inFlight--;
        delete job.sentAt[message.index];
        MyDrive.answered(job);
        if (!message.repeat) {
            job.done += segmentLength(job, message.index);
        }
        this.view.update(job);
        this.pump();
    };

    Uploader.prototype.completed = function (message) {
        var job = this.find(message.ref, message.uploadId);
        if (!job) {
            return;
        }
        job.state = 'done';
        job.done = job.size;
        job.sha256 = message.sha256;
        job.fileId = message.fileId;
        this.view.update(job);
        this.callbacks.fileDone(job);
        this.finished(job);
    };

    Uploader.prototype.failedRequest = function (message) {
        var job = this.find(message.request === 'upload' ? message.ref : null,
            message.request === 'segment' ? message.uploadId : null);
        if (!job) {
            return;
        }
        if (message.request === 'upload') {
            this.fail(job, this.callbacks.describe(message));
        } else {
            job.inFlight--;
            var index = message.index;
            delete job.sentAt[index];
            var self = this;
            if (MyDrive.backOff(job, index, message, function () {
                job.pending.unshift(index);
                self.pump();
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
                self.pump();
            }, 250 * Math.pow(2, job.attempts[index]));
        }
    };

    Uploader.prototype.fail = function (job, text) {
        job.state = 'failed';
        job.message = text;
        this.view.update(job);
        this.finished(job);
    };

    Uploader.prototype.cancel = function (job) {
        if (job.state === 'queued') {
            this.queue.splice(this.queue.indexOf(job), 1);
        } else if (job.state === 'running' && job.uploadId) {
            this.transfer.send({type: 'cancel', uploadId: job.uploadId});
        } else if (job.state !== 'running') {
            return;
        }
        var wasActive = this.active.indexOf(job) >= 0;
        job.state = 'cancelled';
        this.view.update(job);
        if (wasActive) {
            this.finished(job);
        } else if (this.active.length === 0 && this.queue.length === 0) {
            this.finished(null);
        }
    };

    /** Stops sending the job's segments (those in flight are still answered); the server keeps the upload. */
    Uploader.prototype.pause = function (job) {
        if (job.state === 'running' || job.state === 'queued') {
            job.paused = true;
            this.view.update(job);
        }
    };

    Uploader.prototype.resumeJob = function (job) {
        if (job.paused) {
            job.paused = false;
            this.view.update(job);
            this.pump();
        }
    };

    /** Pauses every file, and files added meanwhile start paused, until everything is resumed. */
    Uploader.prototype.pauseAll = function () {
        this.paused = true;
        this.active.concat(this.queue).forEach(this.pause, this);
    };

    Uploader.prototype.resumeAll = function () {
        this.paused = false;
        this.active.concat(this.queue).forEach(this.resumeJob, this);
    };

    Uploader.prototype.finished = function (job) {
        var at = this.active.indexOf(job);
        if (at >= 0) {
            this.active.splice(at, 1);
        }
        this.next();
        this.pump();
        if (this.active.length > 0 || this.queue.length > 0) {
            return;
        }
        var batch = this.batch;
        this.batch = [];
        this.callbacks.batchFinished(batch);
    };

    /** After a (re)connection: resume the files in progress, and start the next ones. */
    Uploader.prototype.resume = function () {
        var self = this;
        this.active.forEach(function (job) {
            job.message = null;
            self.announce(job);
        });
        this.next();
    };

    function segmentLength(job, index) {
        return Math.min(job.segmentSize, job.size - index * job.segmentSize);
    }

    MyDrive.Uploader = Uploader;
})(window.MyDrive);

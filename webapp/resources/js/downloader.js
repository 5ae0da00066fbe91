/*
 * Downloads a file through the transfer socket (docs/transfer-protocol.md): `download` for its shape, then
 * `get` for its segments with up to `window` in flight, each checked against its CRC32C and asked again if
 * damaged; the parts are put together in order and handed to the browser to save under the file's name.
 */
window.MyDrive = window.MyDrive || {};

(function (MyDrive) {
    'use strict';

    var MAX_ATTEMPTS = MyDrive.protocol.MAX_ATTEMPTS;
    var ANSWER_TIMEOUT_MS = MyDrive.protocol.ANSWER_TIMEOUT_MS;

    function Downloader(transfer, view, callbacks) {
        var self = this;
        this.transfer = transfer;
        this.view = view;
        this.callbacks = callbacks;
        this.jobs = {};
        transfer.on('download-ready', function (m) { self.ready(m); });
        transfer.on('binary', function (frame) { self.segment(frame); });
        transfer.on('error', function (m) { self.failedRequest(m); });
        transfer.on('open', function () { self.resume(); });
        window.setInterval(function () { self.askAgainSilent(); }, 5000);
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

    /** After a reconnection: ask again for every segment not yet received. */
    Downloader.prototype.resume = function () {
        var self = this;
        Object.keys(this.jobs).forEach(function (fileId) {
            var job = self.jobs[fileId];
            if (job.parts) {
                job.inFlight = 0;
                job.next = 0;
                self.pump(job);
            } else {
                self.transfer.send({type: 'download', ref: job.ref, fileId: fileId});
            }
        });
    };

    Downloader.prototype.download = function (fileId, name) {
        if (this.jobs[fileId]) {
            return;
        }
        var job = {kind: 'down', fileId: fileId, name: name, size: 0, done: 0, state: 'running', ref: 'down-' + fileId,
            attempts: {}};
        job.cancel = this.cancel.bind(this, job);
        this.jobs[fileId] = job;
        this.view.add(job);
        this.transfer.send({type: 'download', ref: job.ref, fileId: fileId});
    };

    Downloader.prototype.ready = function (message) {
        var job = this.jobs[message.fileId];
        if (!job || job.ref !== message.ref) {
            return;
        }
        job.size = message.size;
        job.contentType = message.contentType;
        job.name = message.name;
        job.parts = new Array(message.segmentCount);
        job.received = 0;
        job.next = 0;
        job.inFlight = 0;
        job.segmentCount = message.segmentCount;
        this.view.update(job);
        if (job.segmentCount === 0) {
            this.save(job);
        }
        this.pump(job);
    };

    Downloader.prototype.pump = function (job) {
        while (job.state === 'running' && job.inFlight < MyDrive.allowance(job, this.transfer.welcome.window)
                && job.next < job.segmentCount) {
            var index = job.next++;
            if (!job.parts[index]) {
                this.request(job, index);
            }
        }
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
        if (!job.parts[index]) {
            job.parts[index] = new Blob([payload]);
            job.received++;
            job.done += payload.length;
        }
        this.view.update(job);
        if (job.received === job.segmentCount) {
            this.save(job);
        } else {
            this.pump(job);
        }
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

    Downloader.prototype.save = function (job) {
        var blob = new Blob(job.parts, {type: job.contentType || 'application/octet-stream'});
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = job.name;
        document.body.appendChild(link);
        link.click();
        link.remove();
        window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
        job.state = 'done';
        job.parts = null;
        delete this.jobs[job.fileId];
        this.view.update(job);
    };

    Downloader.prototype.fail = function (job, text) {
        job.state = 'failed';
        job.message = text;
        job.parts = null;
        delete this.jobs[job.fileId];
        this.view.update(job);
    };

    Downloader.prototype.cancel = function (job) {
        if (job.state === 'running') {
            job.state = 'cancelled';
            job.parts = null;
            delete this.jobs[job.fileId];
            this.view.update(job);
        }
    };

    MyDrive.Downloader = Downloader;
})(window.MyDrive);

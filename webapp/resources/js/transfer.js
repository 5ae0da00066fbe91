/*
 * The page's one connection to the transfer socket (docs/transfer-protocol.md). Every signed-in page holds
 * it open: it is how the server knows the page is still there (heartbeat), and the drive page sends its
 * uploads and downloads through it. A dropped connection is re-opened with backoff; listeners hear "open"
 * each time, so unfinished transfers resume.
 */
window.MyDrive = window.MyDrive || {};

(function (MyDrive) {
    'use strict';

    function Transfer(url, signInUrl) {
        this.url = url;
        this.signInUrl = signInUrl;
        this.listeners = {};
        this.welcome = null;
        this.socket = null;
        this.retryDelay = 1000;
        this.closing = false;
        this.pingTimer = null;
    }

    Transfer.prototype.on = function (type, listener) {
        (this.listeners[type] = this.listeners[type] || []).push(listener);
    };

    Transfer.prototype.emit = function (type, message) {
        (this.listeners[type] || []).slice().forEach(function (listener) {
            listener(message);
        });
    };

    Transfer.prototype.connect = function () {
        var self = this;
        var socket = new WebSocket(this.url);
        socket.binaryType = 'arraybuffer';
        this.socket = socket;
        socket.onmessage = function (event) {
            if (typeof event.data !== 'string') {
                self.emit('binary', event.data);
                return;
            }
            var message = JSON.parse(event.data);
            if (message.type === 'welcome') {
                self.welcome = message;
                self.retryDelay = 1000;
                self.startPing(message.heartbeatMs);
                self.emit('open', message);
            }
            self.emit(message.type, message);
        };
        socket.onclose = function (event) {
            self.stopPing();
            self.welcome = null;
            self.emit('close', event);
            if (event.code === 4401 && self.closing) {
                // This page is signing out itself: its own answer says so.
            } else if (event.code === 4401) {
                // The sign-in session ended (signed out, signed in on another device, idle, ended by an admin):
                // the sign-in page says which.
                window.location.href = self.signInUrl + '&ended=' + encodeURIComponent(event.reason || 'session_ended');
            } else if (event.code === 4429) {
                // Too many connections for this account: this page goes on without one.
                self.emit('refused', event);
            } else if (!self.closing) {
                window.setTimeout(function () { self.connect(); }, self.retryDelay);
                self.retryDelay = Math.min(self.retryDelay * 2, 15000);
            }
        };
    };

    Transfer.prototype.isReady = function () {
        return this.welcome !== null && this.socket.readyState === WebSocket.OPEN;
    };

    Transfer.prototype.send = function (message) {
        if (!this.isReady()) {
            return false;
        }
        this.socket.send(JSON.stringify(message));
        return true;
    };

    Transfer.prototype.sendBinary = function (frame) {
        if (!this.isReady()) {
            return false;
        }
        this.socket.send(frame);
        return true;
    };

    Transfer.prototype.startPing = function (interval) {
        var self = this;
        this.stopPing();
        this.pingTimer = window.setInterval(function () { self.send({type: 'ping'}); }, interval);
    };

    Transfer.prototype.stopPing = function () {
        if (this.pingTimer) {
            window.clearInterval(this.pingTimer);
            this.pingTimer = null;
        }
    };

    /** Says goodbye, so the server records a clean disconnect rather than a dropped one. */
    Transfer.prototype.close = function () {
        this.closing = true;
        if (this.isReady()) {
            this.socket.send(JSON.stringify({type: 'bye'}));
        }
        if (this.socket) {
            this.socket.close(1000, 'bye');
        }
    };

    /**
     * An error marked "backoff" is the server asking a client to slow down, not a failure: the segment is
     * sent again after a backoff growing to 2 s, without counting as an attempt, and the job's window is
     * halved (it grows back by one with every answer). Returns false for any other error.
     */
    MyDrive.backOff = function (job, index, message, resend) {
        if (!message || message.backoff !== true) {
            return false;
        }
        job.busy = job.busy || {};
        job.busy[index] = (job.busy[index] || 0) + 1;
        job.limit = Math.max(1, Math.floor((job.limit || job.window) / 2));
        window.setTimeout(resend, Math.min(2000, 25 * Math.pow(2, Math.min(job.busy[index], 7))));
        return true;
    };

    /** How many segments a job may have in flight now: the server's window, less after back-pressure. */
    MyDrive.allowance = function (job, window) {
        job.window = window;
        if (job.limit === undefined) {
            job.limit = window;
        }
        return job.limit;
    };

    /** An answer arrived: the job's window grows back by one, up to the server's. */
    MyDrive.answered = function (job) {
        if (job.limit !== undefined) {
            job.limit = Math.min(job.window, job.limit + 1);
        }
    };

    /** The page's own sign-out: the socket closing as a result is expected, not news to show. */
    MyDrive.signingOut = function () {
        if (MyDrive.transfer) {
            MyDrive.transfer.closing = true;
        }
        return true;
    };

    /**
     * This tab's name, kept in its session storage: the same across the pages it shows, so the server tells a move
     * to another page from a page being closed.
     */
    function tabId() {
        var id = null;
        try {
            id = window.sessionStorage.getItem('mydrive.tab');
            if (!id) {
                id = Date.now().toString(36) + '-' + Math.random().toString(36).substring(2, 10);
                window.sessionStorage.setItem('mydrive.tab', id);
            }
        } catch (e) {
            id = 'tab-' + Math.random().toString(36).substring(2, 10);
        }
        return id;
    }

    MyDrive.connect = function (contextPath) {
        if (!MyDrive.transfer) {
            var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
            MyDrive.transfer = new Transfer(scheme + window.location.host + contextPath + '/ws/transfer?tab=' + tabId(),
                contextPath + '/login.xhtml?next=' + encodeURIComponent(window.location.pathname.substring(contextPath.length)));
            MyDrive.transfer.connect();
            window.addEventListener('pagehide', function () { MyDrive.transfer.close(); });
        }
        return MyDrive.transfer;
    };
})(window.MyDrive);

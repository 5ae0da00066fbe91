/*
 * How transfers look on the drive page: one row per file with a progress bar, percentage, speed and time
 * left, and the overall status bar (yellow while anything moves, green when all finished, red on failure).
 */
window.MyDrive = window.MyDrive || {};

(function (MyDrive) {
    'use strict';

    function TransfersView(list, statusBar, text) {
        this.list = list;
        this.statusBar = statusBar;
        this.text = text;
        this.jobs = [];
    }

    TransfersView.prototype.add = function (job) {
        var row = document.createElement('div');
        row.className = 'transfer ' + job.kind;
        row.setAttribute('data-name', job.name);
        row.innerHTML = '<span class="transfer-icon"></span><span class="transfer-name"></span>'
            + '<div class="transfer-bar"><div class="transfer-fill"></div></div>'
            + '<span class="transfer-figures"></span><button type="button" class="transfer-pause"></button>'
            + '<button type="button" class="transfer-cancel"></button>';
        row.querySelector('.transfer-icon').textContent = job.kind === 'up' ? '\u2191' : '\u2193';
        row.querySelector('.transfer-name').textContent = job.name;
        var cancel = row.querySelector('.transfer-cancel');
        cancel.textContent = this.text.cancel;
        cancel.onclick = function () { job.cancel(); };
        row.querySelector('.transfer-pause').onclick = function () {
            if (job.paused) {
                job.resume();
            } else {
                job.pause();
            }
        };
        this.list.insertBefore(row, this.list.firstChild);
        job.row = row;
        job.samples = [];
        this.jobs.push(job);
        this.update(job);
    };

    /** Rows of moving transfers are redrawn at most this often: every segment would be hundreds a second. */
    var REDRAW_MS = 250;

    TransfersView.prototype.update = function (job) {
        var now = Date.now();
        var shown = job.state + '/' + Boolean(job.paused);
        if (shown === job.shown && job.state === 'running' && now - job.drawnAt < REDRAW_MS) {
            return;
        }
        job.shown = shown;
        job.drawnAt = now;
        job.samples.push({t: now, bytes: job.done});
        while (job.samples.length > 2 && now - job.samples[0].t > 5000) {
            job.samples.shift();
        }
        var first = job.samples[0];
        var seconds = (now - first.t) / 1000;
        var speed = seconds > 0.2 ? (job.done - first.bytes) / seconds : 0;
        var percent = job.size > 0 ? Math.floor(100 * job.done / job.size) : 100;
        job.row.querySelector('.transfer-fill').style.width = percent + '%';
        var figures = percent + ' %';
        var moving = job.state === 'running' || job.state === 'queued';
        if (moving && job.paused) {
            figures += ' \u00b7 ' + this.text.paused;
        } else if (job.state === 'running' && speed > 0) {
            figures += ' \u00b7 ' + MyDrive.humanSize(speed) + '/s \u00b7 '
                + MyDrive.duration((job.size - job.done) / speed) + ' ' + this.text.left;
        } else if (job.state !== 'running') {
            figures = job.message || this.text[job.state] || job.state;
        }
        job.row.querySelector('.transfer-figures').textContent = figures;
        job.row.className = 'transfer ' + job.kind + ' ' + job.state + (moving && job.paused ? ' paused' : '');
        job.row.querySelector('.transfer-cancel').hidden = !moving;
        var pause = job.row.querySelector('.transfer-pause');
        pause.hidden = !moving || !job.pause;
        pause.textContent = job.paused ? this.text.resume : this.text.pause;
        this.summarise();
    };

    /** Removes the rows of finished, failed and cancelled transfers; the moving ones stay. */
    TransfersView.prototype.clearFinished = function () {
        this.jobs = this.jobs.filter(function (job) {
            var moving = job.state === 'running' || job.state === 'queued';
            if (!moving) {
                job.row.remove();
            }
            return moving;
        });
        this.summarise();
    };

    TransfersView.prototype.summarise = function () {
        var active = this.jobs.filter(function (j) { return j.state === 'running' || j.state === 'queued'; });
        var failed = this.jobs.filter(function (j) { return j.state === 'failed'; });
        var done = this.jobs.filter(function (j) { return j.state === 'done'; });
        var bar = this.statusBar;
        bar.hidden = this.jobs.length === 0;
        var clear = document.getElementById('clearFinished');
        if (clear) {
            clear.hidden = this.jobs.every(function (j) { return j.state === 'running' || j.state === 'queued'; });
        }
        if (active.length > 0) {
            var size = 0;
            var done = 0;
            active.forEach(function (j) { size += j.size; done += j.done; });
            bar.className = 'status-bar busy';
            bar.textContent = this.text.busy.replace('{0}', active.length)
                .replace('{1}', size > 0 ? Math.floor(100 * done / size) : 100);
        } else if (failed.length > 0) {
            bar.className = 'status-bar failed';
            bar.textContent = this.text.someFailed.replace('{0}', failed.length);
        } else if (done.length === 0) {
            // Everything was cancelled: not a success to show in green.
            bar.className = 'status-bar cancelled';
            bar.textContent = this.text.cancelled;
        } else {
            bar.className = 'status-bar done';
            bar.textContent = this.text.allDone;
        }
    };

    MyDrive.TransfersView = TransfersView;

    MyDrive.humanSize = function (bytes) {
        var units = ['B', 'KB', 'MB', 'GB', 'TB'];
        var unit = 0;
        while (bytes >= 1000 && unit < units.length - 1) {
            bytes /= 1000;
            unit++;
        }
        return (unit === 0 ? bytes : bytes.toFixed(1)) + ' ' + units[unit];
    };

    MyDrive.duration = function (seconds) {
        seconds = Math.max(0, Math.round(seconds));
        var h = Math.floor(seconds / 3600);
        var m = Math.floor(seconds % 3600 / 60);
        var s = seconds % 60;
        return (h > 0 ? h + ':' + (m < 10 ? '0' : '') : '') + m + ':' + (s < 10 ? '0' : '') + s;
    };
})(window.MyDrive);

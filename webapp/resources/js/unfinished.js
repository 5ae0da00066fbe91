/* The drive page's "unfinished uploads" panel: what the server holds for this account from uploads that did not
 * finish (another tab, a reload, a closed laptop), with how much is stored and until when it is kept. Resume asks
 * for the same file again (name, size and date must match here, the fingerprint of its first segment on the
 * server) and sends only what is missing; Discard removes it and frees its quota. */
window.MyDrive = window.MyDrive || {};

(function (MyDrive) {
    'use strict';

    function UnfinishedUploads(contextPath, uploader, text) {
        var self = this;
        this.url = contextPath + '/api/uploads';
        this.uploader = uploader;
        this.text = text;
        this.section = document.getElementById('unfinished');
        this.list = document.getElementById('unfinishedList');
        this.note = document.getElementById('unfinishedNote');
        this.input = document.getElementById('resumeInput');
        this.input.addEventListener('change', function () { self.chosen(); });
        MyDrive.unfinished = this;
    }

    UnfinishedUploads.prototype.load = function () {
        var self = this;
        fetch(this.url, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
            .then(function (response) { return response.ok ? response.json() : []; })
            .then(function (uploads) { self.show(uploads); })
            .catch(function () { /* The panel is a convenience: without an answer it simply stays as it was. */ });
    };

    UnfinishedUploads.prototype.show = function (uploads) {
        var busy = this.uploader.busyIds();
        var waiting = uploads.filter(function (u) { return busy.indexOf(u.uploadId) < 0; });
        this.list.textContent = '';
        this.section.hidden = waiting.length === 0;
        var self = this;
        waiting.forEach(function (upload) { self.list.appendChild(self.row(upload)); });
    };

    UnfinishedUploads.prototype.row = function (upload) {
        var text = this.text;
        var item = document.createElement('li');
        item.className = 'unfinished-upload';
        item.dataset.uploadId = upload.uploadId;
        var name = document.createElement('span');
        name.className = 'unfinished-name';
        name.textContent = upload.name;
        var figures = document.createElement('span');
        figures.className = 'unfinished-figures';
        figures.textContent = text.storedOf.replace('{0}', MyDrive.humanSize(upload.stored))
            .replace('{1}', MyDrive.humanSize(upload.size)).replace('{2}', upload.percent)
            + ' \u00b7 ' + text.startedAt.replace('{0}', when(upload.startedAt))
            + ' \u00b7 ' + text.keptUntil.replace('{0}', when(upload.expiresAt));
        var resume = button(text.resumeUpload, 'unfinished-resume');
        var self = this;
        resume.onclick = function () {
            self.resuming = upload;
            self.note.hidden = true;
            self.input.value = '';
            self.input.click();
        };
        var discard = button(text.discard, 'unfinished-discard');
        discard.onclick = function () { self.discard(upload); };
        item.append(name, figures, resume, discard);
        return item;
    };

    UnfinishedUploads.prototype.chosen = function () {
        var upload = this.resuming;
        var file = this.input.files[0];
        if (!upload || !file) {
            return;
        }
        if (file.name !== upload.name || file.size !== upload.size || file.lastModified !== upload.lastModified) {
            this.note.textContent = this.text.notSameFile.replace('{0}', upload.name);
            this.note.hidden = false;
            return;
        }
        this.resuming = null;
        var entry = this.list.querySelector('[data-upload-id="' + upload.uploadId + '"]');
        if (entry) {
            entry.remove();
        }
        this.section.hidden = this.list.children.length === 0;
        // Into the folder it was started for, whichever folder the page shows: that is what resumes it.
        this.uploader.add([file], 'shared', upload.folderId || null);
    };

    UnfinishedUploads.prototype.discard = function (upload) {
        var self = this;
        fetch(this.url + '/' + encodeURIComponent(upload.uploadId), {method: 'DELETE', credentials: 'same-origin'})
            .then(function () {
                self.load();
                window.refreshFiles(); // the usage figure
            });
    };

    function button(label, className) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'ui-button ui-button-flat ' + className;
        b.textContent = label;
        return b;
    }

    function when(instant) {
        var lang = document.documentElement.lang === 'vi' ? 'vi-VN' : 'en-GB';
        return new Date(instant).toLocaleString(lang, {timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short',
            timeStyle: 'short'});
    }

    MyDrive.UnfinishedUploads = UnfinishedUploads;
})(window.MyDrive);

/* The preview dialog: shows a file with the browser's own viewers, from the API's preview address (served as the
 * type its name says, sandboxed). Text is fetched in part and set as text, so markup in it stays text. */
window.MyDrive = window.MyDrive || {};

(function (MyDrive) {
    'use strict';

    var TEXT_BYTES = 64 * 1024;

    MyDrive.Preview = function (contextPath, text) {
        this.contextPath = contextPath;
        this.text = text;
        this.body = document.getElementById('previewBody');
        this.note = document.getElementById('previewNote');
    };

    MyDrive.Preview.prototype.open = function (fileId, name, kind) {
        var url = this.contextPath + '/api/files/' + encodeURIComponent(fileId) + '/preview';
        this.clear();
        this.body.dataset.kind = kind;
        var shown;
        if (kind === 'image') {
            shown = document.createElement('img');
            shown.alt = name;
            shown.src = url;
        } else if (kind === 'pdf') {
            shown = document.createElement('iframe');
            shown.title = name;
            shown.src = url;
        } else if (kind === 'audio' || kind === 'video') {
            shown = document.createElement(kind);
            shown.controls = true;
            shown.preload = 'metadata';
            shown.src = url;
        } else if (kind === 'text') {
            shown = document.createElement('pre');
            this.loadText(url, shown);
        } else {
            shown = document.createElement('p');
            shown.textContent = this.text.noPreview;
        }
        shown.className = 'preview-' + kind;
        this.body.appendChild(shown);
        document.querySelector('#previewDialog .ui-dialog-title').textContent = name;
        PF('previewDialog').show();
        document.getElementById('previewDownload').onclick = function () {
            PF('previewDialog').hide();
            MyDrive.download(fileId, name);
        };
    };

    /** The first part of the file, decoded as UTF-8 (bad bytes become U+FFFD) and set as text, never markup. */
    MyDrive.Preview.prototype.loadText = function (url, pre) {
        var note = this.note;
        var text = this.text;
        fetch(url, {headers: {Range: 'bytes=0-' + (TEXT_BYTES - 1)}, credentials: 'same-origin'})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(response.status);
                }
                var range = response.headers.get('Content-Range');
                var total = range ? Number(range.split('/')[1]) : NaN;
                return response.arrayBuffer().then(function (bytes) {
                    pre.textContent = new TextDecoder('utf-8').decode(bytes);
                    if (total > bytes.byteLength) {
                        note.textContent = text.previewPart;
                        note.hidden = false;
                    }
                });
            })
            .catch(function () {
                pre.textContent = text.noPreview;
            });
    };

    /** Stops media and drops what was shown, so a closed dialog holds no connection. */
    MyDrive.Preview.prototype.clear = function () {
        var media = this.body.querySelector('audio, video');
        if (media) {
            media.pause();
            media.removeAttribute('src');
            media.load();
        }
        this.body.textContent = '';
        this.note.hidden = true;
    };
})(window.MyDrive);

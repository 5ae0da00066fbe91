/* The drive page: wires the transfer connection to the upload dialog, the drop zone, the transfers list and
 * the file table. */
window.MyDrive = window.MyDrive || {};

(function (MyDrive) {
    'use strict';

    MyDrive.drive = function (contextPath, text) {
        // A file named like a picture whose bytes are not one has no thumbnail: no broken image in its row.
        document.addEventListener('error', function (event) {
            if (event.target.matches && event.target.matches('img.thumbnail')) {
                event.target.hidden = true;
            }
        }, true);
        document.querySelectorAll('img.thumbnail').forEach(function (img) {
            if (img.complete && img.naturalWidth === 0) {
                img.hidden = true; // failed before this script ran
            }
        });
        // In a folder shared with the viewer to look at only (or at the top of "Shared with me") nothing can be
        // added: the New button says so. The folder bar is redrawn by each move; the button is not.
        var newButton = document.getElementById('drive:newButton');
        var reflectWhereWeAre = function () {
            var here = document.getElementById('currentFolder');
            var readOnly = !!(here && here.dataset.readOnly === 'true');
            newButton.disabled = readOnly;
            newButton.classList.toggle('ui-state-disabled', readOnly);
        };
        reflectWhereWeAre();
        if (window.jQuery) {
            window.jQuery(document).on('pfAjaxComplete', reflectWhereWeAre);
        }
        var transfer = MyDrive.connect(contextPath);
        var view = new MyDrive.TransfersView(document.getElementById('transfers'),
            document.getElementById('statusBar'), text);
        var callbacks = {
            text: text,
            describe: function (error) {
                return text.errors[error.error] || error.message;
            },
            fileDone: function () {
                window.refreshFiles(); // each file is listed as it finishes, not when the last one does
            },
            batchFinished: function (jobs) {
                window.refreshFiles();
                if (MyDrive.unfinished) {
                    MyDrive.unfinished.load();
                }
                var done = jobs.filter(function (j) { return j.state === 'done'; });
                var failed = jobs.filter(function (j) { return j.state === 'failed'; });
                var cancelled = jobs.filter(function (j) { return j.state === 'cancelled'; });
                if (done.length === 0 && failed.length === 0) {
                    return; // Only cancelled: the rows say so; there is no outcome to announce.
                }
                var message = text.uploaded.replace('{0}', done.length);
                if (failed.length > 0) {
                    message += ' ' + text.someFailed.replace('{0}', failed.length);
                }
                if (cancelled.length > 0) {
                    message += ' ' + text.someCancelled.replace('{0}', cancelled.length);
                }
                var box = document.getElementById('uploadDoneText');
                box.textContent = message;
                // Each file's own outcome, so a failure in a batch is not lost in a count.
                var list = document.getElementById('uploadDoneFiles');
                list.textContent = '';
                jobs.forEach(function (job) {
                    var item = document.createElement('li');
                    item.className = 'outcome-' + job.state;
                    item.textContent = job.name + ': ' + (job.state === 'failed' && job.message
                        ? job.message : text[job.state] || job.state);
                    list.appendChild(item);
                });
                PF('uploadDone').show();
            }
        };
        var uploader = new MyDrive.Uploader(transfer, view, callbacks);
        var downloader = new MyDrive.Downloader(transfer, view, callbacks, contextPath);

        // A folder refused (a cycle, a name taken) is said in the page's language when its code is known.
        var folders = new MyDrive.FolderUpload(contextPath, uploader, function (message, code) {
            var bar = document.getElementById('statusBar');
            bar.hidden = false;
            bar.className = 'status-bar failed';
            bar.textContent = (code && text.errors && text.errors[code]) || message;
        });
        var folderInput = document.getElementById('folderInput');
        folderInput.addEventListener('change', function () {
            var privately = document.getElementById('privateUpload');
            var here = document.getElementById('currentFolder');
            folders.send(MyDrive.FolderUpload.fromInput(folderInput.files), privately.checked ? 'private' : 'shared',
                here && here.dataset.folder ? here.dataset.folder : null);
            folderInput.value = '';
            privately.checked = false;
            PF('uploadDialog').hide();
        });

        var input = document.getElementById('fileInput');
        input.addEventListener('change', function () {
            var privately = document.getElementById('privateUpload');
            uploader.add(input.files, privately.checked ? 'private' : 'shared');
            input.value = '';
            privately.checked = false; // A choice for these files, not a setting for the next ones.
            PF('uploadDialog').hide();
        });

        // Files from the computer dropped anywhere on the page are uploaded, shared, into the folder shown (or into the
        // folder or breadcrumb they are dropped on); one of the list's own files dropped on a folder or a breadcrumb
        // moves there.
        var FILE_ROW = 'application/x-mydrive-file';
        var FOLDER = 'application/x-mydrive-folder';
        var folderUnder = function (event) {
            return event.target.closest ? event.target.closest('[data-folder]') : null;
        };
        var carries = function (event, type) {
            return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, type) >= 0;
        };
        document.addEventListener('dragstart', function (event) {
            var dragged = event.target.closest ? event.target.closest('.folder-link[data-folder]') : null;
            if (dragged) {
                event.dataTransfer.setData(FOLDER, dragged.dataset.folder);
                event.dataTransfer.effectAllowed = 'move';
                return;
            }
            var name = event.target.closest ? event.target.closest('.file-name[draggable="true"]') : null;
            var row = name ? name.closest('tr[data-rk]') : null;
            if (row) {
                event.dataTransfer.setData(FILE_ROW, row.getAttribute('data-rk'));
                event.dataTransfer.effectAllowed = 'move';
            }
        });
        document.addEventListener('dragover', function (event) {
            var folder = folderUnder(event);
            if (carries(event, 'Files') || (folder && (carries(event, FILE_ROW) || carries(event, FOLDER)))) {
                event.preventDefault();
                document.body.classList.toggle('dropping', carries(event, 'Files'));
                document.querySelectorAll('.drop-here').forEach(function (e) { e.classList.remove('drop-here'); });
                if (folder) {
                    folder.classList.add('drop-here');
                }
            }
        });
        document.addEventListener('dragleave', function () {
            document.body.classList.remove('dropping');
        });
        document.addEventListener('drop', function (event) {
            var folder = folderUnder(event);
            document.body.classList.remove('dropping');
            document.querySelectorAll('.drop-here').forEach(function (e) { e.classList.remove('drop-here'); });
            if (event.dataTransfer && MyDrive.FolderUpload.dropHasFolder(event.dataTransfer.items)) {
                event.preventDefault();
                var here = document.getElementById('currentFolder');
                var target = folder ? folder.dataset.folder || null : (here && here.dataset.folder ? here.dataset.folder : null);
                // The entries must be taken during the drop event itself; reading them goes on after it.
                MyDrive.FolderUpload.fromDrop(event.dataTransfer.items).then(function (entries) {
                    folders.send(entries, 'shared', target);
                });
            } else if (event.dataTransfer && event.dataTransfer.files.length > 0) {
                event.preventDefault();
                uploader.add(event.dataTransfer.files, 'shared', folder ? folder.dataset.folder || null : undefined);
            } else if (folder && carries(event, FOLDER)) {
                event.preventDefault();
                var moving = event.dataTransfer.getData(FOLDER);
                if (moving !== folder.dataset.folder) {
                    folders.move(moving, folder.dataset.folder || null);
                }
            } else if (folder && carries(event, FILE_ROW)) {
                event.preventDefault();
                window.moveDropped([{name: 'fileId', value: event.dataTransfer.getData(FILE_ROW)},
                    {name: 'folderId', value: folder.dataset.folder}]);
            }
        });

        MyDrive.download = function (fileId, name) {
            downloader.download(fileId, name);
        };
        MyDrive.uploader = uploader;

        var paused = false;
        var pauseAll = document.getElementById('pauseAll');
        pauseAll.textContent = text.pauseAll;
        pauseAll.onclick = function () {
            paused = !paused;
            [uploader, downloader].forEach(function (t) {
                if (paused) {
                    t.pauseAll();
                } else {
                    t.resumeAll();
                }
            });
            pauseAll.textContent = paused ? text.resumeAll : text.pauseAll;
            pauseAll.setAttribute('aria-pressed', String(paused));
        };
        var clear = document.getElementById('clearFinished');
        clear.textContent = text.clearFinished;
        clear.onclick = function () { view.clearFinished(); };

        var unfinished = new MyDrive.UnfinishedUploads(contextPath, uploader, text);
        unfinished.load();

        var preview = new MyDrive.Preview(contextPath, text);
        MyDrive.preview = function (fileId, name, kind) {
            preview.open(fileId, name, kind);
        };
        MyDrive.closePreview = function () {
            preview.clear();
        };
    };
})(window.MyDrive);

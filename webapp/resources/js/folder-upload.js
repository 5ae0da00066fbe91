/*
 * Uploading a whole folder: the folder chosen (or dropped) is made again in the drive, under the folder the page
 * shows, with all its subfolders, and each file is queued for upload into its own folder. Folders are made through
 * the REST API (POST /api/folders); one that already exists there (409 folder_exists) is used as it is, so a
 * folder sent twice fills the same tree. Empty folders are made too.
 */
(function (MyDrive) {
    'use strict';

    function FolderUpload(contextPath, uploader, onError) {
        this.api = contextPath + '/api/folders';
        this.uploader = uploader;
        this.onError = onError;
    }

    /** Children of a folder (null: the top of the drive), as {name (lower case) -> id}. */
    FolderUpload.prototype.children = function (parentId) {
        var url = parentId ? this.api + '/' + encodeURIComponent(parentId) : this.api;
        return fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
            .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status)); })
            .then(function (answer) {
                var list = Array.isArray(answer) ? answer : (answer.folders || []);
                var byName = {};
                list.forEach(function (f) { byName[f.name.toLowerCase()] = f.id; });
                return byName;
            });
    };

    /** The id of the folder {@code name} in {@code parentId}, made if it is not there yet. */
    FolderUpload.prototype.folder = function (name, parentId) {
        var self = this;
        return fetch(this.api, {
            method: 'POST', credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', Accept: 'application/json'},
            body: JSON.stringify({name: name, parentId: parentId})
        }).then(function (r) {
            if (r.status === 201) {
                return r.json().then(function (f) { return f.id; });
            }
            return r.json().then(function (error) {
                if (error.error !== 'folder_exists') {
                    var refused = new Error(error.message || ('HTTP ' + r.status));
                    refused.code = error.error;
                    return Promise.reject(refused);
                }
                return self.children(parentId).then(function (byName) { return byName[name.toLowerCase()]; });
            });
        });
    };

    /**
     * Sends {@code entries} ([{path: ['Ảnh', '2021'], file: File}], a path of folder names under the target, an
     * empty one for a file at the target itself; file null for an empty folder) into {@code targetId}.
     */
    FolderUpload.prototype.send = function (entries, visibility, targetId) {
        var self = this;
        var ids = {'': targetId};
        var ensure = function (path) {
            var key = path.join('/');
            if (!(key in ids)) {
                ids[key] = ensure(path.slice(0, -1)).then(function (parent) {
                    return self.folder(path[path.length - 1], parent);
                });
            }
            return Promise.resolve(ids[key]);
        };
        var byFolder = {};
        entries.forEach(function (entry) {
            var key = entry.path.join('/');
            byFolder[key] = byFolder[key] || {path: entry.path, files: []};
            if (entry.file) {
                byFolder[key].files.push(entry.file);
            }
        });
        // Folders in order, parents first: each file waits only for its own folder.
        var chain = Promise.resolve();
        Object.keys(byFolder).sort().forEach(function (key) {
            chain = chain.then(function () { return ensure(byFolder[key].path); }).then(function (folderId) {
                if (byFolder[key].files.length > 0) {
                    self.uploader.add(byFolder[key].files, visibility, folderId || null);
                }
            });
        });
        return chain.then(function () {
            if (window.refreshFiles) {
                window.refreshFiles();
            }
        }).catch(function (e) { self.onError(e.message, e.code); });
    };

    /**
     * Moves a folder into another ({@code parentId} null: the top of the drive), as a folder dragged onto a folder
     * or a breadcrumb; a refusal (into itself or a folder inside it, a name taken there) is shown, not thrown.
     */
    FolderUpload.prototype.move = function (folderId, parentId) {
        var self = this;
        return fetch(this.api + '/' + encodeURIComponent(folderId), {
            method: 'PATCH', credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', Accept: 'application/json'},
            body: JSON.stringify({parentId: parentId || ''})
        }).then(function (r) {
            if (r.ok) {
                window.refreshFiles();
                return null;
            }
            return r.json().then(function (error) { self.onError(error.message || ('HTTP ' + r.status), error.error); });
        }).catch(function (e) { self.onError(e.message, e.code); });
    };

    /** The files of a folder chosen with a directory input (each knows its path from the folder chosen). */
    FolderUpload.fromInput = function (files) {
        return Array.prototype.map.call(files, function (file) {
            var parts = (file.webkitRelativePath || file.name).split('/');
            return {path: parts.slice(0, -1), file: file};
        });
    };

    /** The files and folders dropped, read from their entries (a folder's every level, empty folders included). */
    FolderUpload.fromDrop = function (items) {
        var entries = [];
        var walk = function (entry, path) {
            if (entry.isFile) {
                return new Promise(function (resolve) {
                    entry.file(function (file) { entries.push({path: path, file: file}); resolve(); },
                        function () { resolve(); });
                });
            }
            var folderPath = path.concat([entry.name]);
            entries.push({path: folderPath, file: null});
            var reader = entry.createReader();
            var all = [];
            var readMore = function () {
                return new Promise(function (resolve) {
                    reader.readEntries(function (batch) { resolve(batch); }, function () { resolve([]); });
                }).then(function (batch) {
                    if (batch.length === 0) {
                        return Promise.all(all.map(function (child) { return walk(child, folderPath); }));
                    }
                    all = all.concat(batch);
                    return readMore(); // readEntries gives at most 100 at a time
                });
            };
            return readMore();
        };
        var roots = [];
        for (var i = 0; i < items.length; i++) {
            var entry = items[i].webkitGetAsEntry ? items[i].webkitGetAsEntry() : null;
            if (entry) {
                roots.push(entry);
            }
        }
        return Promise.all(roots.map(function (root) { return walk(root, []); })).then(function () { return entries; });
    };

    /** Whether a drop holds a folder (else it is plain files, for the uploader as before). */
    FolderUpload.dropHasFolder = function (items) {
        for (var i = 0; items && i < items.length; i++) {
            var entry = items[i].webkitGetAsEntry ? items[i].webkitGetAsEntry() : null;
            if (entry && entry.isDirectory) {
                return true;
            }
        }
        return false;
    };

    MyDrive.FolderUpload = FolderUpload;
})(window.MyDrive = window.MyDrive || {});

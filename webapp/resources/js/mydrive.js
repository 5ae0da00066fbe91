/* MyDrive page helpers shared by every page. */
window.MyDrive = window.MyDrive || {};

(function (MyDrive) {
    'use strict';

    /** Stops a sign-up whose two passwords differ before anything is sent. */
    MyDrive.passwordsMatch = function (passwordId, confirmId, messageId) {
        var same = document.getElementById(passwordId).value === document.getElementById(confirmId).value;
        document.getElementById(messageId).hidden = same;
        return same;
    };

    /**
     * Runs an Ajax refresh once PrimeFaces has the page's CSP nonce. A push that arrives while the page is still
     * loading would otherwise send a request without it, and the scripts in the answer would be refused.
     */
    MyDrive.whenReady = function (refresh) {
        if (window.PrimeFaces && PrimeFaces.csp && PrimeFaces.csp.NONCE_VALUE) {
            refresh();
        } else {
            window.addEventListener('load', function () { refresh(); }, {once: true});
        }
    };
})(window.MyDrive);

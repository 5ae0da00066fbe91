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
})(window.MyDrive);

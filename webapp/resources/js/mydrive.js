/* MyDrive page helpers shared by every page. */
window.MyDrive = window.MyDrive || {};

(function (MyDrive) {
    'use strict';

    /**
     * Tells the server every intervalMs that this page is still open (a session with no sign of life ends
     * after the idle timeout), and goes to sign-in as soon as the session has ended elsewhere.
     */
    MyDrive.keepAlive = function (intervalMs, contextPath) {
        if (MyDrive.keepAliveTimer) {
            return;
        }
        MyDrive.keepAliveTimer = window.setInterval(function () {
            fetch(contextPath + '/api/auth/me', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
                .then(function (response) {
                    if (response.status === 401) {
                        window.location.href = contextPath + '/login.xhtml?next='
                            + encodeURIComponent(window.location.pathname.substring(contextPath.length));
                    }
                })
                .catch(function () { /* offline for a moment: the next beat tries again */ });
        }, intervalMs);
    };

    /** Stops a sign-up whose two passwords differ before anything is sent. */
    MyDrive.passwordsMatch = function (passwordId, confirmId, messageId) {
        var same = document.getElementById(passwordId).value === document.getElementById(confirmId).value;
        document.getElementById(messageId).hidden = same;
        return same;
    };
})(window.MyDrive);

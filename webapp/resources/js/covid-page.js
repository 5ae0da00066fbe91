/*
 * The lookup page's scripts. The calendar: a button opens the browser's own date picker (bounded by the days the figures cover,
 * opening on the last one), and the day picked is written into the text box as dd-mm-yyyy, where people can also
 * type it. The server reads only the box, with the same rules as the API.
 */
(function () {
    function wire() {
        var picker = document.getElementById('dayPicker');
        var button = document.getElementById('dayCalendar');
        var box = document.getElementById('lookup:day');
        if (!picker || !button || !box || button.dataset.wired) {
            return;
        }
        button.dataset.wired = 'true';
        button.addEventListener('click', function () {
            if (typeof picker.showPicker === 'function') {
                picker.showPicker();
            } else {
                picker.focus();
                picker.click();
            }
        });
        picker.addEventListener('change', function () {
            var parts = picker.value.split('-');
            if (parts.length === 3) {
                box.value = parts[2] + '-' + parts[1] + '-' + parts[0];
                box.dispatchEvent(new Event('change'));
            }
        });
    }
    /** Keeps the view in the address bar, so that it can be bookmarked or sent (the page reads it back). */
    function remember() {
        var shareable = document.getElementById('shareableQuery');
        if (shareable && shareable.dataset.query && window.history.replaceState) {
            window.history.replaceState(null, '', window.location.pathname + '?' + shareable.dataset.query);
        }
    }
    document.addEventListener('DOMContentLoaded', remember);
    if (window.jQuery) {
        jQuery(document).on('pfAjaxComplete', remember);
    }
    document.addEventListener('DOMContentLoaded', wire);
    // The form is re-rendered by each lookup: wire the new elements again.
    document.addEventListener('pfAjaxComplete', wire);
    if (window.jQuery) {
        jQuery(document).on('pfAjaxComplete', wire);
    }
    wire();
})();

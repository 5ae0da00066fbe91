/*
 * The lookup page's scripts. The calendars (the lookup's day, the chart's period): a button opens the browser's own
 * date picker (bounded by the days the figures cover, opening on the day the field shows), and the day picked is
 * written into the text box as dd-mm-yyyy, where people can also type it. The server reads only the box, with the
 * same rules as the API.
 */
(function () {
    /** Each day field (WEB-INF/includes/day-field.xhtml): its box, its hidden date input and its calendar button. */
    function wire() {
        document.querySelectorAll('.day-field').forEach(function (field) {
            var picker = field.querySelector('input[type=date]');
            var button = field.querySelector('.day-calendar');
            var box = field.querySelector('input[type=text]');
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

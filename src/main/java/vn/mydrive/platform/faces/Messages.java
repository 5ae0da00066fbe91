package vn.mydrive.platform.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vn.mydrive.platform.web.ApiException;

/**
 * Puts messages on the current page in the reader's language. API error codes double as message keys
 * ({@code error.<code>}), so a page shows the same error as the API, translated.
 */
public final class Messages {

    public static final String BUNDLE = "vn.mydrive.i18n.messages";

    private Messages() {
    }

    public static void error(ApiException e) {
        add(FacesMessage.SEVERITY_ERROR, text("error." + e.code(), e.getMessage(), e.messageArguments()));
    }

    public static void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, text(key, key, arguments));
    }

    public static void warn(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_WARN, text(key, key, arguments));
    }

    public static void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, text(key, key, arguments));
    }

    /** Keeps messages across the redirect that follows an action. */
    public static void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    public static String text(String key, String fallback, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, faces.getViewRoot().getLocale()).getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, faces.getViewRoot().getLocale())
                    .format(arguments);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}

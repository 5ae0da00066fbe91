package vn.mydrive.platform.faces;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/**
 * The language pages are shown in: the browser's preferred one among English and Vietnamese at first, then
 * whatever the reader picks for the rest of the visit.
 */
@Named
@SessionScoped
public class Language implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            Locale requested = FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
            locale = requested != null && "vi".equals(requested.getLanguage()) ? VIETNAMESE : Locale.ENGLISH;
        }
        return locale;
    }

    public String getTag() {
        return getLocale().toLanguageTag();
    }

    public void switchTo(String tag) {
        locale = "vi".equals(tag) ? VIETNAMESE : Locale.ENGLISH;
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }
}

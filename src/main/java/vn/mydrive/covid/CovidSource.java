package vn.mydrive.covid;

/**
 * One place COVID figures are scraped from. A source either returns everything it found, checked, or throws
 * {@link SourceException} with the reason: it never returns half a page.
 */
public interface CovidSource {

    /** Short stable name, as configured and as recorded in refresh runs. */
    String name();

    SourceData fetch(ProvinceDirectory provinces) throws SourceException;
}

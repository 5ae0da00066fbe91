package vn.mydrive.covid;

import java.util.List;

/** The sources a refresh reads, in the order it reads them. */
public interface CovidSources {

    List<CovidSource> enabled();
}

/**
 * The COVID-19 Vietnam lookup: the bundled snapshot and the figures in memory, the province and day rules, the
 * sources scraped with jsoup ({@code source}), the refresh timer and its store ({@code store}), and the lookup API
 * and page ({@code web}).
 *
 * <p>May use: {@code vn.mydrive.platform}. Never another feature.
 */
package vn.mydrive.covid;

/**
 * Watching the app: who is connected (across nodes), the activity log, metrics and the admin page. It learns
 * everything from the events features fire ({@code vn.mydrive.platform.events}), so no feature knows it exists.
 *
 * <p>May use: {@code vn.mydrive.platform}. Never another feature.
 */
package vn.mydrive.monitor;

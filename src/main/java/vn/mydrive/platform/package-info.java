/**
 * The thin layer every feature stands on, and nothing else: the store connection (embedded or MongoDB), configuration,
 * tokens and their verification, the events features tell each other through, JSON errors of the API, security
 * headers, Faces helpers, and Vietnam's clock. It knows no feature: features depend on it, never the reverse.
 */
package vn.mydrive.platform;

/**
 * Utilities: HTTP dates, strptime formats, {@link falcon.util.Context}.
 *
 * <p>Falcon: {@code falcon.util}.
 */
package falcon.util;

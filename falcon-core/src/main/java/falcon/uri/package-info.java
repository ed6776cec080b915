/**
 * URI helpers: percent-encoding and decoding, query strings.
 *
 * <p>Falcon: {@code falcon.uri}.
 */
package falcon.uri;

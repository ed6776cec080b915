/**
 * Testing helpers: simulate requests against an App in memory, with no socket.
 *
 * <p>Falcon: {@code falcon.testing}.
 */
package falcon.testing;

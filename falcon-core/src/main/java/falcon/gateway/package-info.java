/**
 * The gateway SPI: how a server adapter hands one HTTP exchange to an {@link falcon.App}.
 *
 * <p>This is Falcon for Java's WSGI/ASGI. The embedded Netty server, the Servlet adapter and the
 * in-memory {@code TestClient} all speak it, so a behaviour tested in memory is the behaviour
 * served. Nothing here names a server library.
 */
package falcon.gateway;

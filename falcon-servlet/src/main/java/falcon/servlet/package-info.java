/**
 * The Servlet adapter: {@link falcon.servlet.FalconServlet} runs an {@link falcon.App} in any
 * Jakarta Servlet 6 container (Tomcat, Jetty, Undertow).
 *
 * <p>Falcon itself runs under any WSGI server; this is the Java counterpart. The container owns
 * the connection (HTTP versions, TLS, limits, timeouts); the adapter hands each request to the App
 * through the gateway SPI and writes the App's reply, using the Servlet async API so that no
 * container thread waits on an asynchronous responder or an SSE stream. WebSocket is not offered
 * through this adapter.
 */
package falcon.servlet;

/**
 * The gateway SPI over the Servlet API: {@code ServletExchange} and its helpers. Not API.
 */
package falcon.servlet.internal;

/** The Autobahn test suite's echo server: RFC 6455 conformance of the embedded server. */
package falcon.autobahn;

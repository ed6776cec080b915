/**
 * Internals shared by the core and its adapters: not API, may change at any time.
 */
package falcon.internal;

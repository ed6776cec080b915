/**
 * Media handlers: (de)serialising bodies by media type; JSON through Jackson.
 *
 * <p>Falcon: {@code falcon.media}.
 */
package falcon.media;

/**
 * MessagePack media: {@link falcon.media.msgpack.MessagePackHandler}.
 *
 * <p>Falcon: {@code falcon.media.msgpack}.
 */
package falcon.media.msgpack;

/**
 * The manual's "Tutorial (ASGI)": <b>asgilook</b>, the asynchronous image service — responders
 * returning {@link java.util.concurrent.CompletionStage}s, images converted to JPEG and stored on
 * disk, thumbnails made on the fly, and a Redis cache middleware that says {@code
 * x-asgilook-cache: Hit} or {@code Miss}. File for file: {@code config.py} is {@link
 * examples.asgilook.Config}, {@code store.py} is {@link examples.asgilook.Store} and {@link
 * examples.asgilook.Image}, {@code images.py} is {@link examples.asgilook.Images} and {@link
 * examples.asgilook.Thumbnails}, {@code cache.py} is {@link examples.asgilook.RedisCache}, {@code
 * app.py} and {@code asgi.py} are {@link examples.asgilook.Main}; aioredis is {@link
 * examples.asgilook.Redis} on Lettuce ({@link examples.asgilook.LettuceRedis}), aiofiles is {@link
 * examples.asgilook.AsyncFiles}, Pillow is the JDK's ImageIO.
 *
 * <p>Run it with {@code ./mvnw -q -pl examples exec:java -Dexec.mainClass=examples.asgilook.Main}
 * (Redis at {@code redis://127.0.0.1:6379} unless {@code ASGILOOK_REDIS_URL} says otherwise).
 */
package examples.asgilook;

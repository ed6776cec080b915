/**
 * The manual's "Tutorial (WSGI)": <b>look</b>, an image-sharing API, as the tutorial leaves it —
 * a {@link examples.look.Collection} of images (a MessagePack listing and POST of new images,
 * guarded by the {@link examples.look.ValidateImageType} hook), an {@link examples.look.Item} that
 * serves a stored image or answers 404, and the {@link examples.look.ImageStore} behind both.
 * File for file: {@code look/app.py} is {@link examples.look.Main}, {@code look/images.py} is the
 * other classes.
 *
 * <p>Run it with {@code LOOK_STORAGE_PATH=/tmp ./mvnw -q -pl examples exec:java
 * -Dexec.mainClass=examples.look.Main}, then {@code http POST localhost:8000/images
 * Content-Type:image/png < test.png}.
 */
package examples.look;

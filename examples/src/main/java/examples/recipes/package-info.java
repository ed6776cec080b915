/**
 * Recipes of the manual and its FAQ, each small and tested: response header names in Title-Case
 * ({@link examples.recipes.CustomHeadersMiddleware}), a CSV download and a streamed CSV ({@link
 * examples.recipes.Report}, {@link examples.recipes.FibonacciReport}), pretty JSON asked for with an
 * {@code indent} media-type parameter ({@link examples.recipes.CustomJSONHandler}), routing a
 * {@code %2F} inside a field on the raw path ({@link examples.recipes.RawPathComponent}), a database
 * connection per request ({@link examples.recipes.DatabaseSessionMiddleware}, on H2), and an
 * uploaded part streamed straight to storage ({@link examples.recipes.UploadResource}), a nested
 * multipart form ({@link examples.recipes.Forms}) and a connection pool made and disposed of with
 * the app's lifespan ({@link examples.recipes.AsyncPoolMiddleware}), and an ID for each request's
 * log lines ({@link examples.recipes.RequestIDMiddleware}).
 */
package examples.recipes;

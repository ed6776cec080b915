/**
 * Inspection of an App: its routes, middleware, static routes, sinks and error handlers as
 * data ({@link falcon.inspect.Inspect#inspectApp}) or as Falcon's tree text ({@link
 * falcon.inspect.AppInfo#toString(boolean, boolean, String)}), the {@code falcon-inspect-app}
 * command ({@link falcon.inspect.InspectApp}), {@code explain} of one request and an OpenAPI
 * document of the routes ({@link falcon.inspect.OpenApi}).
 *
 * <p>Falcon: {@code falcon.inspect} and {@code falcon.cmd.inspect_app}.
 */
package falcon.inspect;

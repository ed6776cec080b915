/**
 * The Jakarta Servlet 6 adapter: {@code FalconServlet} deploys an App in any Servlet container.
 * Only {@code falcon.servlet} is API. An App named by the {@code falcon.app} init-parameter is
 * created reflectively: its class must be public and its package exported (or opened) to this
 * module.
 */
module falcon.servlet {
    requires transitive falcon.core;
    requires transitive jakarta.servlet;

    exports falcon.servlet;
}

package conformance;

import static conformance.Py.FIXED_DT;
import static conformance.Py.FIXED_DT_2;
import static conformance.Py.dict;

import falcon.ErrorHandler;
import falcon.HTTPBadGateway;
import falcon.HTTPBadRequest;
import falcon.HTTPConflict;
import falcon.HTTPError;
import falcon.HTTPFailedDependency;
import falcon.HTTPForbidden;
import falcon.HTTPFound;
import falcon.HTTPGatewayTimeout;
import falcon.HTTPGone;
import falcon.HTTPInsufficientStorage;
import falcon.HTTPInternalServerError;
import falcon.HTTPInvalidHeader;
import falcon.HTTPInvalidParam;
import falcon.HTTPLengthRequired;
import falcon.HTTPLocked;
import falcon.HTTPLoopDetected;
import falcon.HTTPMethodNotAllowed;
import falcon.HTTPMissingHeader;
import falcon.HTTPMissingParam;
import falcon.HTTPMovedPermanently;
import falcon.HTTPNetworkAuthenticationRequired;
import falcon.HTTPNotAcceptable;
import falcon.HTTPNotFound;
import falcon.HTTPNotImplemented;
import falcon.HTTPPayloadTooLarge;
import falcon.HTTPPermanentRedirect;
import falcon.HTTPPreconditionFailed;
import falcon.HTTPPreconditionRequired;
import falcon.HTTPRangeNotSatisfiable;
import falcon.HTTPRequestHeaderFieldsTooLarge;
import falcon.HTTPRouteNotFound;
import falcon.HTTPSeeOther;
import falcon.HTTPServiceUnavailable;
import falcon.HTTPStatus;
import falcon.HTTPTemporaryRedirect;
import falcon.HTTPTooManyRequests;
import falcon.HTTPUnauthorized;
import falcon.HTTPUnavailableForLegalReasons;
import falcon.HTTPUnprocessableEntity;
import falcon.HTTPUnsupportedMediaType;
import falcon.HTTPUriTooLong;
import falcon.HTTPVersionNotSupported;
import falcon.Request;
import falcon.Response;
import falcon.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** app.py's "errors" and "redirects" sections. */
final class Errors {

    private Errors() {
    }

    /** Feature: custom exception type with its own error handler. */
    static class MyAppError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final String code;
        final String detail;

        MyAppError(String code, String detail) {
            super(detail);
            this.code = code;
            this.detail = detail;
        }
    }

    /** Feature: exception whose handler raises an HTTPError. Its handler converts it by raising. */
    static class MyHandlerRaisesError extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** app.py's {@code handle_my_app_error}. */
    static final ErrorHandler<MyAppError> HANDLE_MY_APP_ERROR = (req, resp, ex, params) -> {
        resp.setStatus(Status.HTTP_422);
        resp.setHeader("X-Error-Code", ex.code);
        resp.setMedia(dict("error", ex.code, "detail", ex.detail, "params", params));
    };

    /** app.py's {@code handle_my_handler_raises}. */
    static final ErrorHandler<MyHandlerRaisesError> HANDLE_MY_HANDLER_RAISES = (req, resp, ex, params) -> {
        throw new HTTPConflict("Converted", "handler raised HTTPConflict");
    };

    /**
     * app.py's {@code handle_generic_exception}: registered for Exception on the main app;
     * HTTPError/HTTPStatus still go to their own (more specific) handlers.
     */
    static final ErrorHandler<Exception> HANDLE_GENERIC_EXCEPTION = (req, resp, ex, params) -> {
        resp.setStatus(Status.HTTP_500);
        resp.setHeader("X-Handled-By", "generic");
        resp.setMedia(dict("error", "unhandled", "handled_by", "generic"));
    };

    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /**
     * Feature: raise every HTTPError subclass (and HTTPError itself) with the arguments each one
     * takes; serialization follows Accept (JSON/XML/none).
     */
    static class ErrorsResource {
        public void onGet(Request req, Response resp, String kind) {
            switch (kind) {
                case "bad-request":
                    throw new HTTPBadRequest();
                case "bad-request-full":
                    throw new HTTPBadRequest("Bad thing", "Something was wrong <&> \"quoted\"")
                            .withCode(1234)
                            .withHref("http://example.test/docs/errors", "Error docs")
                            .withHeaders(headers("X-Error", "yes"));
                case "bad-request-href":
                    throw new HTTPBadRequest("Linked", null).withHref("/docs/caf\u00e9");
                case "unauthorized":
                    throw new HTTPUnauthorized("Auth needed", "Give credentials",
                            List.of("Basic realm=\"api\"", "Bearer"));
                case "unauthorized-plain":
                    throw new HTTPUnauthorized();
                case "forbidden":
                    throw new HTTPForbidden(null, "No access");
                case "not-found":
                    throw new HTTPNotFound();
                case "not-found-desc":
                    throw new HTTPNotFound("Missing thing", "Thing 7 does not exist");
                case "route-not-found":
                    throw new HTTPRouteNotFound();
                case "method-not-allowed":
                    throw new HTTPMethodNotAllowed(List.of("GET", "PUT"));
                case "not-acceptable":
                    throw new HTTPNotAcceptable(null, "Only JSON");
                case "conflict":
                    throw new HTTPConflict(null, "Version clash");
                case "gone":
                    throw new HTTPGone();
                case "length-required":
                    throw new HTTPLengthRequired();
                case "precondition-failed":
                    throw new HTTPPreconditionFailed(null, "ETag mismatch");
                case "payload-too-large":
                    throw new HTTPPayloadTooLarge(null, "Too big", 30);
                case "payload-too-large-date":
                    throw new HTTPPayloadTooLarge(FIXED_DT);
                case "uri-too-long":
                    throw new HTTPUriTooLong();
                case "unsupported-media-type":
                    throw new HTTPUnsupportedMediaType(null, "Use JSON");
                case "range-not-satisfiable":
                    throw new HTTPRangeNotSatisfiable(1000);
                case "unprocessable":
                    throw new HTTPUnprocessableEntity(null, "Semantic problem");
                case "locked":
                    throw new HTTPLocked();
                case "failed-dependency":
                    throw new HTTPFailedDependency();
                case "precondition-required":
                    throw new HTTPPreconditionRequired();
                case "too-many-requests":
                    throw new HTTPTooManyRequests(null, "Slow down", 60);
                case "too-many-requests-date":
                    throw new HTTPTooManyRequests(FIXED_DT_2);
                case "header-fields-too-large":
                    throw new HTTPRequestHeaderFieldsTooLarge();
                case "legal-reasons":
                    throw new HTTPUnavailableForLegalReasons();
                case "internal":
                    throw new HTTPInternalServerError();
                case "not-implemented":
                    throw new HTTPNotImplemented();
                case "bad-gateway":
                    throw new HTTPBadGateway();
                case "service-unavailable":
                    throw new HTTPServiceUnavailable(null, "Maintenance", 3600);
                case "gateway-timeout":
                    throw new HTTPGatewayTimeout();
                case "version-not-supported":
                    throw new HTTPVersionNotSupported();
                case "insufficient-storage":
                    throw new HTTPInsufficientStorage();
                case "loop-detected":
                    throw new HTTPLoopDetected();
                case "network-auth":
                    throw new HTTPNetworkAuthenticationRequired();
                case "invalid-header":
                    throw new HTTPInvalidHeader("Must be a widget.", "X-Widget");
                case "missing-header":
                    throw new HTTPMissingHeader("X-Widget");
                case "invalid-param":
                    throw new HTTPInvalidParam("Must be positive.", "count");
                case "missing-param":
                    throw new HTTPMissingParam("count");
                case "teapot":
                    throw new HTTPError(Status.HTTP_418);
                case "int-status":
                    throw new HTTPError(422, "Int status", "Status given as int");
                case "custom-status":
                    throw new HTTPError("599 Custom Failure", null, "Nonstandard status line");
                case "unicode":
                    throw new HTTPBadRequest("Caf\u00e9 \u2603", "na\u00efve \u2014 text");
                case "headers-list":
                    // Falcon: headers=[('X-One', '1'), ('X-Two', '2')] (a list of pairs).
                    throw new HTTPForbidden().withHeader("X-One", "1").withHeader("X-Two", "2");
                case "status":
                    throw new HTTPStatus(Status.HTTP_202, headers("X-Status", "raised"), "accepted via HTTPStatus");
                case "status-204":
                    throw new HTTPStatus(Status.HTTP_204, headers("X-Status", "empty"));
                case "status-no-body":
                    throw new HTTPStatus(Status.HTTP_200);
                case "custom":
                    throw new MyAppError("E42", "custom failure");
                case "handler-raises":
                    throw new MyHandlerRaisesError();
                case "unhandled":
                    // Python's ValueError('boom').
                    throw new IllegalArgumentException("boom");
                case "key-error":
                    // Python's KeyError from missing['nope'].
                    throw new NoSuchElementException("nope");
                case "headers-kept":
                    resp.setHeader("X-Before-Error", "kept");
                    resp.setText("discarded body");
                    throw new HTTPConflict();
                case "vary-merge":
                    resp.setVary(List.of("Origin"));
                    throw new HTTPBadRequest("Vary merged", null);
                case "content-type-override":
                    throw new HTTPBadRequest("Typed", null)
                            .withHeaders(headers("Content-Type", "text/plain", "X-Kept", "yes"));
                case "media-discarded":
                    resp.setMedia(dict("discarded", true));
                    resp.setStatus(Status.HTTP_201);
                    throw new HTTPNotFound();
                default:
                    throw new HTTPNotFound(null, "unknown error kind");
            }
        }
    }

    /** Feature: custom error handler receives the route params. */
    static class ErrorWithParams {
        public void onGet(Request req, Response resp, String slug) {
            throw new MyAppError("E-PARAMS", "slug was " + slug);
        }
    }

    /**
     * Feature: the five redirect exceptions (HTTPStatus subclasses: no body, Location header) and
     * extra headers on a redirect.
     */
    static class RedirectResource {
        public void onGet(Request req, Response resp, String kind) {
            if (kind.equals("301")) {
                throw new HTTPMovedPermanently("/moved/permanently");
            } else if (kind.equals("302")) {
                throw new HTTPFound("http://example.test/found");
            } else if (kind.equals("303")) {
                throw new HTTPSeeOther("/see/other?x=1");
            } else if (kind.equals("307")) {
                throw new HTTPTemporaryRedirect("/temporary");
            } else if (kind.equals("308")) {
                throw new HTTPPermanentRedirect("/permanent");
            } else if (kind.equals("301-headers")) {
                throw new HTTPMovedPermanently("/moved", headers("X-Redirect", "yes", "Cache-Control", "no-store"));
            } else if (kind.equals("unicode")) {
                throw new HTTPFound("/caf\u00e9");
            } else if (kind.equals("manual")) {
                resp.setStatus(Status.HTTP_302);
                resp.setLocation("/manual/target");
            } else if (kind.equals("manual-unicode")) {
                resp.setStatus(Status.HTTP_302);
                resp.setLocation("/caf\u00e9 space?q=\u00e9");
            } else {
                throw new HTTPNotFound();
            }
        }

        public void onPost(Request req, Response resp, String kind) {
            throw new HTTPSeeOther("/after/post/" + kind);
        }
    }

}

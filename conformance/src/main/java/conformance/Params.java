package conformance;

import static conformance.Py.dict;
import static conformance.Py.isoOrNone;

import falcon.Request;
import falcon.Response;

/** app.py's "query parameters" section. */
final class Params {

    private Params() {
    }

    /**
     * Feature: raw params dict, has_param, get_param (last value wins for repeated keys), default
     * values, query_string echo.
     */
    static class ParamsEcho {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict(
                    "params", req.getParams(),
                    "query_string", req.getQueryString(),
                    "has_a", req.hasParam("a"),
                    "a", req.getParam("a"),
                    "missing", req.getParam("missing", false, "dflt")));
        }

        public void onPost(Request req, Response resp) {
            onGet(req, resp);
        }
    }

    /** Feature: get_param(required=True) -> HTTPMissingParam. */
    static class ParamRequired {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict("value", req.getParam("q", true)));
        }
    }

    /** Feature: get_param_as_int with required, min_value/max_value, and default. */
    static class ParamInt {
        public void onGet(Request req, Response resp) {
            Integer value = req.getParamAsInt("n", true, -100, 100, null);
            Integer dflt = req.getParamAsInt("d", false, null, null, 42);
            resp.setMedia(dict("value", value, "default", dflt));
        }
    }

    /** Feature: get_param_as_float with min/max. */
    static class ParamFloat {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict("value", req.getParamAsFloat("x", true, -10.0, 1000.0, null)));
        }
    }

    /** Feature: get_param_as_bool, blank_as_true default (True) and False. */
    static class ParamBool {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict(
                    "b", req.getParamAsBool("b", true),
                    "strict", req.getParamAsBool("s", false, false, null),
                    "default", req.getParamAsBool("d", false, true, true)));
        }
    }

    /** Feature: get_param_as_uuid. */
    static class ParamUuid {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict("value", req.getParamAsUuid("id", true).toString()));
        }
    }

    /** Feature: get_param_as_list, with and without an int transform. */
    static class ParamList {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict(
                    "l", req.getParamAsList("l", null, true, null),
                    "n", req.getParamAsList("n", Integer::valueOf),
                    "none", req.getParamAsList("none")));
        }
    }

    /** Feature: get_param_as_json. */
    static class ParamJson {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict("value", req.getParamAsJson("j", true)));
        }
    }

    /**
     * Feature: get_param_as_date (default and custom format) and get_param_as_datetime (default
     * format '%Y-%m-%dT%H:%M:%SZ').
     */
    static class ParamDates {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict(
                    "date", isoOrNone(req.getParamAsDate("d")),
                    "date_custom", isoOrNone(req.getParamAsDate("dc", "%d/%m/%Y")),
                    "datetime", isoOrNone(req.getParamAsDatetime("t"))));
        }
    }

    /** Feature: get_param_as_date(required=True) -> HTTPMissingParam. */
    static class ParamDateRequired {
        public void onGet(Request req, Response resp) {
            resp.setMedia(dict("date", isoOrNone(req.getParamAsDate("d", Request.DEFAULT_DATE_FORMAT, true))));
        }
    }
}

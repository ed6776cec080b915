package falcon.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.App;
import falcon.HeaderNotSupported;
import falcon.Request;
import falcon.Response;
import falcon.ResponseOptions;
import falcon.testing.Cookie;
import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Falcon: tests/test_cookies.py. Set-Cookie lines were recorded from Falcon 3.1.1 (which writes
 * them with Python's {@code http.cookies}).
 */
class CookiesTest {

    private static Result respond(Consumer<Response> body) {
        App app = new App();
        app.addRoute("/c", new Object() {
            public void onGet(Request req, Response resp) {
                body.accept(resp);
            }
        });
        return new TestClient(app).simulateGet("/c");
    }

    private static Request request(String cookieHeader) {
        Request[] seen = new Request[1];
        App app = new App();
        app.addRoute("/c", new Object() {
            public void onGet(Request req, Response resp) {
                seen[0] = req;
            }
        });
        new TestClient(app).simulateGet("/c", Simulate.with().header("Cookie", cookieHeader));
        return seen[0];
    }

    /** The last Set-Cookie line the response sends. */
    private static String line(Consumer<Response> body) {
        List<String> lines = respond(body).getHeaderValues("set-cookie");
        return lines.get(lines.size() - 1);
    }

    @Test
    void requestCookiesFollowRfc6265AndHttpCookiesUnquoting() {
        // Falcon 3.1.1: {"a": "1", "b": "x\"y", "c": "", "d": "Ab", "e": "\"\""}, get_cookie_values("a") == ["1", "2"]
        Request req = request("a=1; b=\"x\\\"y\"; a=2; =z; bad name=3; c; d=\"\\101\\142\"; e=\"\"");
        assertThat(req.getCookies()).containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "x\"y"),
                java.util.Map.entry("c", ""), java.util.Map.entry("d", "Ab"), java.util.Map.entry("e", "\"\""));
        assertThat(req.getCookieValues("a")).containsExactly("1", "2");
        assertThat(req.getCookieValues("A")).isNull();
    }

    @Test
    void noCookieHeaderMeansNoCookies() {
        Request req = request("");
        assertThat(req.getCookies()).isEmpty();
        assertThat(req.getCookieValues("a")).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "e||e=\"\"; HttpOnly; Secure",
        "b|v/=@?[]():|b=\"v/=@?[]():\"; HttpOnly; Secure",
        "a|x y|a=\"x y\"; HttpOnly; Secure",
    })
    void valuesAreQuotedAsHttpCookiesDoes(String name, String value, String expected) {
        assertThat(line(r -> r.setCookie(name, value == null ? "" : value))).isEqualTo(expected);
    }

    @Test
    void legalCharactersAreNotQuoted() {
        assertThat(line(r -> r.setCookie("t", "a!#$%&'*+-.^_`|~:"))).isEqualTo("t=a!#$%&'*+-.^_`|~:; HttpOnly; Secure");
    }

    @Test
    void controlCharactersAreOctalEscaped() {
        // Falcon 3.1.1: c="q\"\\\001"
        assertThat(line(r -> r.setCookie("c", "q\"\\\u0001", null, null, null, null, false, false, null)))
                .isEqualTo("c=\"q\\\"\\\\\\001\"");
    }

    @Test
    void everyAttributeInHttpCookiesOrder() {
        assertThat(line(r -> r.setCookie("n", "x", null, 3600, "ex.org", "/p", null, true, "STRICT")))
                .isEqualTo("n=x; Domain=ex.org; HttpOnly; Max-Age=3600; Path=/p; SameSite=Strict; Secure");
        assertThat(line(r -> r.setCookie("c", "v", LocalDateTime.of(2030, 1, 2, 3, 4, 5), 10, null, null, false,
                false, "none"))).isEqualTo("c=v; expires=Wed, 02 Jan 2030 03:04:05 GMT; Max-Age=10; SameSite=None");
        assertThat(line(r -> r.setCookie("ok", "abc", null, null, null, null, false, false, null))).isEqualTo("ok=abc");
    }

    @Test
    void zeroMaxAgeAndEmptyDomainOrPathAreLeftOutAsInFalcon() {
        assertThat(line(r -> r.setCookie("a", "x", null, 0, "", "/", null, true, null)))
                .isEqualTo("a=x; HttpOnly; Path=/; Secure");
    }

    @Test
    void zonedExpiresIsSentInGmt() {
        assertThat(line(r -> r.setCookie("z", "1", OffsetDateTime.of(2030, 1, 2, 5, 4, 5, 0, ZoneOffset.ofHours(2)),
                null, null, null, false, false, null))).isEqualTo("z=1; expires=Wed, 02 Jan 2030 03:04:05 GMT");
    }

    @Test
    void partitionedIsFalcon4sChips() {
        assertThat(line(r -> r.setCookie("p", "1", null, 60, null, "/", true, true, "None", true)))
                .isEqualTo("p=1; HttpOnly; Max-Age=60; Partitioned; Path=/; SameSite=None; Secure");
    }

    @Test
    void secureDefaultComesFromTheOptions() {
        App app = new App();
        app.getRespOptions().setSecureCookiesByDefault(false);
        app.addRoute("/c", new Object() {
            public void onGet(Request req, Response resp) {
                resp.setCookie("s", "1");
            }
        });
        Result r = new TestClient(app).simulateGet("/c");
        assertThat(r.getHeaderValues("set-cookie")).containsExactly("s=1; HttpOnly");
    }

    @ParameterizedTest(name = "[{0}] [{1}]")
    @CsvSource(delimiter = '|', value = {
        "a b|x|Illegal key 'a b'",
        "path|x|Attempt to set a reserved key 'path'",
        "\u00e9|x|name is not ascii encodable",
        "a|\u00e9|value is not ascii encodable",
        "''|x|Illegal key ''",
    })
    void invalidNamesAndValuesAreRejected(String name, String value, String message) {
        Response resp = new Response(new ResponseOptions());
        assertThatThrownBy(() -> resp.setCookie(name, value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void badSameSiteIsRejected() {
        Response resp = new Response(new ResponseOptions());
        assertThatThrownBy(() -> resp.setCookie("a", "x", null, null, null, null, null, true, "bogus"))
                .hasMessage("same_site must be set to either 'lax', 'strict', or 'none'");
    }

    @Test
    void unsetCookieExpiresItWithSameSiteLax() {
        String value = line(r -> r.unsetCookie("d", "x.org", "/p"));
        assertThat(value).startsWith("d=\"\"; Domain=x.org; expires=").endsWith(" GMT; Path=/p; SameSite=Lax");
        Result result = respond(r -> r.unsetCookie("d"));
        Cookie cookie = result.getCookies().get("d");
        assertThat(cookie.getValue()).isEmpty();
    }

    @Test
    void unsetCookieWithAnotherSameSiteAsFalcon41() {
        // Falcon 4.1: tests/test_cookies.py CookieUnsetSameSite
        assertThat(line(r -> r.unsetCookie("foo", null, null, "Strict"))).endsWith(" GMT; SameSite=Strict");
        assertThat(line(r -> r.unsetCookie("barz", null, null, "None"))).endsWith(" GMT; SameSite=None");
        String none = line(r -> r.unsetCookie("baz", null, null, ""));
        assertThat(none).startsWith("baz=\"\"; expires=").endsWith(" GMT").doesNotContain("SameSite");
    }

    @Test
    void setCookieHeaderRulesAndOrder() {
        Result result = respond(r -> {
            r.setCookie("b", "2");
            r.appendHeader("Set-Cookie", "raw=1");
            r.setCookie("a", "1");
            r.setCookie("b", "3");   // replaces
        });
        // Falcon 3.1.1: appended Set-Cookie lines come before those of set_cookie
        assertThat(result.getHeaderValues("set-cookie")).containsExactly("raw=1", "b=3; HttpOnly; Secure",
                "a=1; HttpOnly; Secure");
        Response resp = new Response(new ResponseOptions());
        assertThatThrownBy(() -> resp.setHeader("Set-Cookie", "x")).isInstanceOf(HeaderNotSupported.class)
                .hasMessage("This method cannot be used to set cookies");
        assertThatThrownBy(() -> resp.getHeader("set-cookie")).isInstanceOf(HeaderNotSupported.class)
                .hasMessage("Getting Set-Cookie is not currently supported.");
        assertThatThrownBy(() -> resp.deleteHeader("Set-Cookie")).isInstanceOf(HeaderNotSupported.class)
                .hasMessage("This method cannot be used to remove cookies");
        assertThatThrownBy(() -> resp.setHeaders(java.util.Map.of("Set-Cookie", "x")))
                .isInstanceOf(HeaderNotSupported.class);
    }
}

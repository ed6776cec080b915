package falcon.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import falcon.HTTPInvalidParam;
import falcon.HTTPMissingParam;
import falcon.MediaMalformedError;
import falcon.MediaNotFoundError;
import falcon.Request;
import falcon.RequestOptions;
import falcon.testing.Simulate;
import falcon.testing.Testing;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Falcon 4.3: tests/test_query_params.py TestGetParamAsDict, get_param_as_media,
 * get_query_string_as_media, and get_param_as_list's delimiter; and their typed forms.
 */
class QueryParamsFalcon43Test {

    record Filter(String name, int limit) {
    }

    private static Request req(String queryString) {
        return Testing.createReq("GET", "/?" + queryString, Simulate.with());
    }

    @Test
    void deepObject() {
        Request req = req("user[name]=Ash&user[age]=36&other[name]=Misty&other[age]=10");
        assertThat(req.getParamAsDict("user", false, true, null, null, null))
                .containsExactly(Map.entry("name", "Ash"), Map.entry("age", "36"));
        assertThat(req.getParamAsDict("other", false, true, "|", null, null))
                .containsExactly(Map.entry("name", "Misty"), Map.entry("age", "10"));
        assertThat(req("user[empty]=").getParamAsDict("user", false, true, null, null, null))
                .isEqualTo(Map.of("empty", ""));
        assertThat(req("user[name]=Bond&user[name]=Blofeld&user[id]=007").getParamAsDict("user", false, true, null, null, null))
                .isEqualTo(Map.of("name", "Bond", "id", "007"));
        assertThat(req("user[name]=Ash&weird%5D=looking&user_agent=test").getParamAsDict("user", false, true, null, null, null))
                .isEqualTo(Map.of("name", "Ash"));
    }

    @Test
    void deepObjectMissingDefaultAndStore() {
        Request empty = req("");
        assertThatThrownBy(() -> empty.getParamAsDict("user", true, true, null, null, null))
                .isInstanceOf(HTTPMissingParam.class);
        Map<String, String> fallback = Map.of("fallback", "1");
        assertThat(empty.getParamAsDict("user", false, true, null, null, fallback)).isSameAs(fallback);
        Map<String, Object> store = new HashMap<>();
        req("user[name]=Ash").getParamAsDict("user", false, true, null, store, null);
        assertThat(store).isEqualTo(Map.of("user", Map.of("name", "Ash")));
    }

    @Test
    void pairs() {
        assertThat(req("pair=a&pair=1&pair=b&pair=2").getParamAsDict("pair"))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThatThrownBy(() -> req("pair=a&pair=b&pair=c").getParamAsDict("pair"))
                .isInstanceOf(HTTPInvalidParam.class)
                .extracting(ex -> ((HTTPInvalidParam) ex).getDescription()).asString()
                .contains("The number of list elements must be even.");
        assertThatThrownBy(() -> req("").getParamAsDict("pair", true, false, null, null, null))
                .isInstanceOf(HTTPMissingParam.class);
        assertThat(req("").getParamAsDict("pair")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "pair=a|1|b|2;|",
        "pair=a|1|b|2;pipeDelimited",
        "pair=a%201%20b%202;' '",
        "pair=a%201%20b%202;spaceDelimited",
        "pair=a%2C1%2Cb%2C2;','",
    })
    void pairsWithADelimiter(String queryString, String delimiter) {
        assertThat(req(queryString).getParamAsDict("pair", false, false, delimiter, null, null))
                .isEqualTo(Map.of("a", "1", "b", "2"));
    }

    @Test
    void listDelimiter() {
        Request req = req("colors=blue%7Cblack%7Cbrown&ids=1,,3&many=a|b&many=c");
        assertThat(req.getParamAsList("colors", "pipeDelimited")).containsExactly("blue", "black", "brown");
        assertThat(req.getParamAsList("ids", ",")).containsExactly("1", "", "3");
        // A repeated parameter is not split.
        assertThat(req.getParamAsList("many", "|")).containsExactly("a|b", "c");
        assertThatThrownBy(() -> req.getParamAsList("ids", Integer::valueOf, false, null, null, ","))
                .isInstanceOf(HTTPInvalidParam.class);
        assertThatThrownBy(() -> req.getParamAsList("colors", ";")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unsupported delimiter value");
    }

    @Test
    void paramAsMedia() {
        Request req = req("payload=%7B%22foo%22%3A%20%22bar%22%7D&bad=foobar&filter=%7B%22name%22%3A%22x%22%2C%22limit%22%3A5%7D");
        assertThat(req.getParamAsMedia("payload", "application/json")).isEqualTo(Map.of("foo", "bar"));
        assertThat(req.getParamAsMedia("payload", null)).isEqualTo(Map.of("foo", "bar"));
        assertThat(req.getParamAsMedia("missing", "application/json")).isNull();
        assertThatThrownBy(() -> req.getParamAsMedia("bad", "application/json")).isInstanceOf(HTTPInvalidParam.class)
                .extracting(ex -> ((HTTPInvalidParam) ex).getDescription()).asString()
                .contains("It could not be deserialized as 'application/json'.");
        assertThatThrownBy(() -> req.getParamAsMedia("payload", "application/xml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No media handler is configured");
        assertThat(req.getParamAsMedia("filter", null, true, Filter.class)).isEqualTo(new Filter("x", 5));
        assertThatThrownBy(() -> req.getParamAsMedia("payload", null, false, Filter.class))
                .isInstanceOf(HTTPInvalidParam.class);
        assertThatThrownBy(() -> req.getParamAsMedia("nope", null, true, Filter.class))
                .isInstanceOf(HTTPMissingParam.class);
    }

    @Test
    void queryStringAsMedia() {
        Request req = req("%7B%22numbers%22%3A%5B1%2C2%5D%2C%22flag%22%3Anull%7D");
        Map<String, Object> expected = new HashMap<>();
        expected.put("numbers", List.of(1, 2));
        expected.put("flag", null);
        assertThat(req.getQueryStringAsMedia("application/json")).isEqualTo(expected);
        assertThat(req("%7B%22name%22%3A%22q%22%2C%22limit%22%3A3%7D").getQueryStringAsMedia(null, Filter.class))
                .isEqualTo(new Filter("q", 3));
        assertThatThrownBy(() -> req("").getQueryStringAsMedia("application/json")).isInstanceOf(MediaNotFoundError.class);
        assertThatThrownBy(() -> req("%7Bx").getQueryStringAsMedia("application/json")).isInstanceOf(MediaMalformedError.class);
        RequestOptions form = new RequestOptions();
        Request formReq = Testing.createReq("GET", "/?a%3D1%26b%3D2", Simulate.with(), form);
        assertThat(formReq.getQueryStringAsMedia("application/x-www-form-urlencoded"))
                .isEqualTo(Map.of("a", "1", "b", "2"));
    }
}

package falcon.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Falcon: tests/test_uri_templates.py, through the router (the App-level versions of these tests
 * live with the App).
 */
class UriTemplatesTest {

    private static final UUID TEST_UUID = UUID.fromString("bfb54d43-219b-4336-a623-6172f920592e");
    private static final UUID TEST_UUID_2 = UUID.fromString("758e3922-dd6d-4007-a589-50fba0789365");
    private static final String TEST_UUID_STR = TEST_UUID.toString();
    private static final String TEST_UUID_STR_2 = TEST_UUID_2.toString();
    private static final String TEST_UUID_STR_SANS_HYPHENS = TEST_UUID_STR.replace("-", "");

    private final Router router = new CompiledRouterTest.BareRouter();
    private final Object resource = new Object();

    private RouteMatch get(String path) {
        return router.find(path, null);
    }

    @Test
    void rootPath() {
        router.addRoute("/", resource, null);
        assertThat(get("/").resource()).isSameAs(resource);
    }

    @Test
    void noFields() {
        router.addRoute("/hello/world", resource, null);
        assertThat(get("/hello/world").resource()).isSameAs(resource);
        assertThat(get("/hello")).isNull();
    }

    @Test
    void specialCharactersAreLiteral() {
        router.addRoute("/hello/world.json", resource, null);
        router.addRoute("/hello(world)", resource, null);

        assertThat(get("/hello/world_json")).isNull();
        assertThat(get("/helloworld")).isNull();
        assertThat(get("/hello/world.json").resource()).isSameAs(resource);
        assertThat(get("/hello(world)").resource()).isSameAs(resource);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "id123", "widget_id", "_x", "X"})
    void singleField(String fieldName) {
        router.addRoute("/widgets/{" + fieldName + "}", resource, null);
        assertThat(get("/widgets/123").params()).isEqualTo(Map.of(fieldName, "123"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/{id:int}", "/{id:int(3)}", "/{id:int(min=123)}",
        "/{id:int(min=123, max=123)}", "/{id:int()}", "/{id:int( 3 , )}",
        "/{id:int(num_digits=3, min=None)}"})
    void intConverter(String template) {
        router.addRoute(template, resource, null);
        RouteMatch match = get("/123");
        assertThat(match.params()).isEqualTo(Map.of("id", 123));
        assertThat(match.params().get("id")).isInstanceOf(Integer.class);
        assertThat(match.uriTemplate()).isEqualTo(template);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/{id:int(2)}", "/{id:int(min=124)}", "/{id:int(num_digits=3, max=100)}"})
    void intConverterRejections(String template) {
        router.addRoute(template, resource, null);
        assertThat(get("/123")).isNull();
    }

    static Stream<Arguments> dateTimes() {
        return Stream.of(
                Arguments.of("/{start_year:int}-to-{timestamp:dt}", "/1961-to-1969-07-21T02:56:00Z",
                        LocalDateTime.of(1969, 7, 21, 2, 56, 0)),
                Arguments.of("/{start_year:int}-to-{timestamp:dt(\"%Y-%m-%d\")}",
                        "/1961-to-1969-07-21", LocalDateTime.of(1969, 7, 21, 0, 0)),
                Arguments.of("/{start_year:int}/{timestamp:dt(\"%Y-%m-%d %H:%M\")}",
                        "/1961/1969-07-21 14:30", LocalDateTime.of(1969, 7, 21, 14, 30)),
                Arguments.of("/{start_year:int}-to-{timestamp:dt('%Y-%m')}",
                        "/1961-to-1969-07-21", null));
    }

    @ParameterizedTest
    @MethodSource("dateTimes")
    void dateTimeConverter(String template, String path, LocalDateTime expected) {
        router.addRoute(template, resource, null);
        RouteMatch match = get(path);
        if (expected == null) {
            assertThat(match).isNull();
        } else {
            assertThat(match.params()).isEqualTo(Map.of("start_year", 1961, "timestamp", expected));
        }
    }

    static Stream<Arguments> uuids() {
        return Stream.of(
                Arguments.of("/widgets/{widget_id:uuid}", "/widgets/" + TEST_UUID_STR,
                        Map.of("widget_id", TEST_UUID)),
                Arguments.of("/widgets/{widget_id:uuid}/orders",
                        "/widgets/" + TEST_UUID_STR_SANS_HYPHENS + "/orders",
                        Map.of("widget_id", TEST_UUID)),
                Arguments.of("/versions/diff/{left:uuid()}...{right:uuid()}",
                        "/versions/diff/" + TEST_UUID_STR + "..." + TEST_UUID_STR_2,
                        Map.of("left", TEST_UUID, "right", TEST_UUID_2)),
                Arguments.of("/versions/diff/{left:uuid}...{right:uuid()}",
                        "/versions/diff/" + TEST_UUID_STR + "..." + TEST_UUID_STR_2,
                        Map.of("left", TEST_UUID, "right", TEST_UUID_2)),
                Arguments.of("/versions/diff/{left:uuid()}...{right:uuid}",
                        "/versions/diff/" + TEST_UUID_STR + "..." + TEST_UUID_STR_2,
                        Map.of("left", TEST_UUID, "right", TEST_UUID_2)),
                Arguments.of("/widgets/{widget_id:uuid}/orders",
                        "/widgets/" + TEST_UUID_STR_SANS_HYPHENS.substring(0, 31) + "/orders",
                        null));
    }

    @ParameterizedTest
    @MethodSource("uuids")
    void uuidConverter(String template, String path, Map<String, Object> expected) {
        router.addRoute(template, resource, null);
        RouteMatch match = get(path);
        if (expected == null) {
            assertThat(match).isNull();
        } else {
            assertThat(match.params()).isEqualTo(expected);
        }
    }

    @Test
    void uuidConverterInAComplexSegment() {
        router.addRoute("/pages/{first:uuid}...{last:uuid}", resource, null);
        assertThat(get("/pages/" + TEST_UUID + "..." + TEST_UUID_2).params())
                .isEqualTo(Map.of("first", TEST_UUID, "last", TEST_UUID_2));
    }

    static Stream<Arguments> customConverters() {
        return Stream.of(
                Arguments.of("/{food:spam}", "/something", Map.of("food", "spam!")),
                Arguments.of("/{food:spam(\")\")}:{food_too:spam(\"()\")}", "/bacon:eggs",
                        Map.of("food", "spam!", "food_too", "spam!")),
                Arguments.of("/({food:spam()}){food_too:spam(\"()\")}", "/(bacon)eggs",
                        Map.of("food", "spam!", "food_too", "spam!")));
    }

    @ParameterizedTest
    @MethodSource("customConverters")
    void customConverter(String template, String path, Map<String, Object> expected) {
        CompiledRouter r = new CompiledRouterTest.BareRouter();
        r.getOptions().converters().put("spam", (args, kwargs) -> {
            if (args.size() > 1 || !kwargs.isEmpty()) {
                throw new IllegalArgumentException("spam takes at most one argument");
            }
            return fragment -> "spam!";
        });
        r.addRoute(template, resource, null);
        assertThat(r.find(path, null).params()).isEqualTo(expected);
    }

    @Test
    void trailingSlashInTemplateIsKept() {
        // Falcon 3.1.1's router: "/1/{id}/" and "/1/{id}" are different templates (the App may
        // strip trailing slashes from the request path, ROPT-04).
        router.addRoute("/1/{id}/", resource, null);
        assertThat(get("/1/123")).isNull();
        assertThat(get("/1/123/").params()).isEqualTo(Map.of("id", "123"));

        Object other = new Object();
        router.addRoute("/3/{id}", other, null);
        assertThat(get("/3/123").resource()).isSameAs(other);
        assertThat(get("/3/123/")).isNull();
    }

    @Test
    void multipleFields() {
        router.addRoute("/messages/{id}/names/{name}", resource, null);
        String testId = "bfb54d43-219b-4336-a623-6172f920592e";
        String testName = "758e3922-dd6d-4007-a589-50fba0789365";

        assertThat(get("/messages/" + testId + "/names/" + testName).params())
                .isEqualTo(Map.of("id", testId, "name", testName));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//", "//begin", "/end//", "/in//side"})
    void emptyPathComponentsAreRejected(String template) {
        assertThatThrownBy(() -> router.addRoute(template, resource, null))
                .isInstanceOf(UnacceptableRouteError.class)
                .hasMessage("'" + template + "': URI templates may not contain '//'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no", "no/leading_slash"})
    void relativePathsAreRejected(String template) {
        assertThatThrownBy(() -> router.addRoute(template, resource, null))
                .isInstanceOf(UnacceptableRouteError.class)
                .hasMessage("'" + template + "': URI templates must start with '/'");
    }

    @Test
    void nullTemplateIsRejected() {
        assertThatThrownBy(() -> router.addRoute(null, resource, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void complexAndPlainFieldsAtTheSameLevel(boolean reverse) {
        Object fileResource = new Object();
        Object detailsResource = new Object();
        if (reverse) {
            router.addRoute("/files/{file_id}.{ext}", detailsResource, null);
            router.addRoute("/files/{file_id}", fileResource, null);
        } else {
            router.addRoute("/files/{file_id}", fileResource, null);
            router.addRoute("/files/{file_id}.{ext}", detailsResource, null);
        }
        String fileId1 = "bc6b201d-b449-4290-a061-8eeb9f7b1450";
        String fileId2 = "33b7f34c-6ee6-40e6-89a3-742a69b59de0";
        String ext = "a4581b95-bc36-4c08-a3c2-23ba266abdf2";

        RouteMatch first = get("/files/" + fileId1);
        assertThat(first.resource()).isSameAs(fileResource);
        assertThat(first.params()).isEqualTo(Map.of("file_id", fileId1));

        RouteMatch second = get("/files/" + fileId2 + "." + ext);
        assertThat(second.resource()).isSameAs(detailsResource);
        assertThat(second.params()).isEqualTo(Map.of("file_id", fileId2, "ext", ext));
    }

    @Test
    void alternateRoutesShareAResource() {
        router.addRoute("/collections/{collection_id}/items/{item_id}", resource, null);
        router.addRoute("/collections/{collection_id}/items", resource, "collection");

        assertThat(get("/collections/123/items/456").params())
                .isEqualTo(Map.of("collection_id", "123", "item_id", "456"));
        RouteMatch collection = get("/collections/foo/items");
        assertThat(collection.resource()).isSameAs(resource);
        assertThat(collection.params()).isEqualTo(Map.of("collection_id", "foo"));
    }

    @Test
    void floatConverter() {
        router.addRoute("/geo/{lat:float(min=-90, max=90)},{lon:float(-180, 180)}", resource, null);
        assertThat(get("/geo/48.85,2.35").params()).isEqualTo(Map.of("lat", 48.85, "lon", 2.35));
        assertThat(get("/geo/91,2.35")).isNull();
        assertThat(get("/geo/nan,2")).isNull();
    }

    @Test
    void floatConverterMayAcceptNonFiniteValues() {
        router.addRoute("/x/{v:float(finite=False)}", resource, null);
        assertThat(get("/x/-inf").params()).isEqualTo(Map.of("v", Double.NEGATIVE_INFINITY));
        assertThat((Double) get("/x/NaN").params().get("v")).isNaN();
    }

    @Test
    void pathConverter() {
        router.addRoute("/files/{name}/{rest:path}", resource, null);
        assertThat(get("/files/a/b/c.txt").params()).isEqualTo(Map.of("name", "a", "rest", "b/c.txt"));
        assertThat(get("/files/a/").params()).isEqualTo(Map.of("name", "a", "rest", ""));
        assertThat(get("/files/a")).isNull();
    }

    @Test
    void aSimpleFieldNeverSpansASlash() {
        // The router is given the decoded path (see falcon-testing's UriTemplatesAppTest for "%2F").
        router.addRoute("/a/{b}", resource, null);
        assertThat(get("/a/x/y")).isNull();
    }
}

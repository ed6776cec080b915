package falcon.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Falcon: tests/test_default_router.py */
class CompiledRouterTest {

    /** A router that skips responder binding, so any object can be a resource. */
    static final class BareRouter extends CompiledRouter {
        BareRouter() {
        }

        BareRouter(CompiledRouterOptions options) {
            super(options);
        }

        @Override
        protected MethodMap mapHttpMethods(Object resource, String suffix, String uriTemplate,
                List<Field> fields) {
            return null;
        }
    }

    /** A resource that knows its number, like Falcon's ResourceWithId. */
    static final class ResourceWithId {
        final int id;

        ResourceWithId(int id) {
            this.id = id;
        }

        @Override
        public String toString() {
            return "ResourceWithId(" + id + ")";
        }
    }

    /** Falcon's SpamConverter: repeats the field, optionally with eggs. */
    static final ConverterFactory SPAM = (args, kwargs) -> {
        int times = (Integer) (args.isEmpty() ? kwargs.get("times") : args.get(0));
        boolean eggs = Boolean.TRUE.equals(kwargs.get("eggs"));
        return fragment -> {
            String item = eggs ? fragment + "&eggs" : fragment;
            return String.join(", ", java.util.Collections.nCopies(times, item));
        };
    };

    private Router router;

    @BeforeEach
    void buildRouter() {
        router = new BareRouter();
        add("/repos", 1);
        add("/repos/{org}", 2);
        add("/repos/{org}/{repo}", 3);
        add("/repos/{org}/{repo}/commits", 4);
        add("/repos/{org}/{repo}/compare/{usr0}:{branch0}...{usr1}:{branch1}", 5);
        add("/teams/{id}", 6);
        add("/teams/{id}/members", 7);
        add("/teams/default", 19);
        add("/teams/default/members/thing", 19);
        add("/user/memberships", 8);
        add("/emojis", 9);
        add("/repos/{org}/{repo}/compare/{usr0}:{branch0}...{usr1}:{branch1}/full", 10);
        add("/repos/{org}/{repo}/compare/all", 11);
        // The order matters: {id} must not match the other routes, whatever the order added.
        add("/emojis/signs/0", 12);
        add("/emojis/signs/{id}", 13);
        add("/emojis/signs/42", 14);
        add("/emojis/signs/42/small.jpg", 23);
        add("/emojis/signs/78/small.png", 24);
        add("/emojis/signs/78/small(png)", 25);
        add("/emojis/signs/78/small_png", 26);
        add("/images/{id}.gif", 27);
        add("/repos/{org}/{repo}/compare/{usr0}:{branch0}...{usr1}:{branch1}/part", 15);
        add("/repos/{org}/{repo}/compare/{usr0}:{branch0}", 16);
        add("/repos/{org}/{repo}/compare/{usr0}:{branch0}/full", 17);
        add("/gists/{id}/{representation}", 21);
        add("/gists/{id}/raw", 18);
        add("/gists/first", 20);
        add("/item/{q}", 28);
        add("/cvt/teams/{id:int(min=7)}", 29);
        add("/cvt/teams/{id:int(min=7)}/members", 30);
        add("/cvt/teams/default", 31);
        add("/cvt/teams/default/members/{id:int}-{tenure:int}", 32);
        add("/cvt/repos/{org}/{repo}/compare/{usr0}:{branch0:int}...{usr1}:{branch1:int}/part",
                33);
        add("/cvt/repos/{org}/{repo}/compare/{usr0}:{branch0:int}", 34);
        add("/cvt/repos/{org}/{repo}/compare/{usr0}:{branch0:int}/full", 35);
    }

    private void add(String template, int id) {
        router.addRoute(template, new ResourceWithId(id), null);
    }

    private static int idOf(RouteMatch match) {
        assertThat(match).isNotNull();
        return ((ResourceWithId) match.resource()).id;
    }

    // ---- regressions reported by users ----

    @Test
    void versionedUrlIsNotMaskedByALiteralAddedLater() {
        Router r = new BareRouter();
        r.addRoute("/{version}/messages", new ResourceWithId(2), null);
        assertThat(idOf(r.find("/v2/messages", null))).isEqualTo(2);

        r.addRoute("/v2", new ResourceWithId(1), null);
        assertThat(idOf(r.find("/v2", null))).isEqualTo(1);
        assertThat(idOf(r.find("/v2/messages", null))).isEqualTo(2);
        assertThat(idOf(r.find("/v1/messages", null))).isEqualTo(2);
        assertThat(r.find("/v1", null)).isNull();
    }

    @Test
    void literalPrefixDoesNotHideLongerFieldRoute() {
        Router r = new BareRouter();
        r.addRoute("/recipes/{activity}/{type_id}", new ResourceWithId(1), null);
        r.addRoute("/recipes/baking", new ResourceWithId(2), null);

        assertThat(idOf(r.find("/recipes/baking/4242", null))).isEqualTo(1);
        assertThat(idOf(r.find("/recipes/baking", null))).isEqualTo(2);
        assertThat(r.find("/recipes/grilling", null)).isNull();
    }

    static Stream<Arguments> specialChars() {
        return Stream.of(
                Arguments.of("/serviceRoot/People|{field}", "/serviceRoot/People|susie",
                        Map.of("field", "susie")),
                Arguments.of("/serviceRoot/People[{field}]", "/serviceRoot/People['calvin']",
                        Map.of("field", "'calvin'")),
                Arguments.of("/serviceRoot/People({field})", "/serviceRoot/People('hobbes')",
                        Map.of("field", "'hobbes'")),
                Arguments.of("/serviceRoot/People({field})", "/serviceRoot/People('hob)bes')",
                        Map.of("field", "'hob)bes'")),
                Arguments.of("/serviceRoot/People({field})(z)", "/serviceRoot/People(hobbes)(z)",
                        Map.of("field", "hobbes")),
                Arguments.of("/serviceRoot/People('{field}')", "/serviceRoot/People('rosalyn')",
                        Map.of("field", "rosalyn")),
                Arguments.of("/^{field}", "/^42", Map.of("field", "42")),
                Arguments.of("/+{field}", "/+42", Map.of("field", "42")),
                // The pattern is greedy, as in Falcon.
                Arguments.of("/foo/{first}_{second}/bar", "/foo/abc_def_ghijk/bar",
                        Map.of("first", "abc_def", "second", "ghijk")),
                Arguments.of("/items/{x}?{y}", "/items/1080?768", Map.of("x", "1080", "y", "768")),
                Arguments.of("/items/{x}|{y}", "/items/1080|768", Map.of("x", "1080", "y", "768")),
                Arguments.of("/items/{x},{y}", "/items/1080,768", Map.of("x", "1080", "y", "768")),
                Arguments.of("/items/{x}^^{y}", "/items/1080^^768",
                        Map.of("x", "1080", "y", "768")),
                Arguments.of("/items/{x}*{y}*", "/items/1080*768*",
                        Map.of("x", "1080", "y", "768")),
                Arguments.of("/thing-2/something+{field}+", "/thing-2/something+42+",
                        Map.of("field", "42")),
                Arguments.of("/thing-2/something*{field}/notes", "/thing-2/something*42/notes",
                        Map.of("field", "42")),
                Arguments.of("/thing-2/something+{field}|{q}/notes",
                        "/thing-2/something+else|z/notes", Map.of("field", "else", "q", "z")),
                Arguments.of("/serviceRoot/$metadata#Airports('{field}')/Name",
                        "/serviceRoot/$metadata#Airports('KSFO')/Name", Map.of("field", "KSFO")),
                Arguments.of("/a\\b/{x}\\E.{y}", "/a\\b/1\\E.2", Map.of("x", "1", "y", "2")));
    }

    @ParameterizedTest
    @MethodSource("specialChars")
    void specialCharactersAroundFieldsAreLiteral(String template, String path,
            Map<String, Object> expected) {
        Router r = new BareRouter();
        r.addRoute(template, new ResourceWithId(1), null);

        RouteMatch match = r.find(path, null);

        assertThat(idOf(match)).isEqualTo(1);
        assertThat(match.params()).isEqualTo(expected);
        assertThat(match.uriTemplate()).isEqualTo(template);
    }

    // ---- other tests ----

    @Test
    void rootPathMatchesSlashAndEmptyPath() {
        Router r = new BareRouter();
        r.addRoute("/", new ResourceWithId(42), null);

        assertThat(idOf(r.find("/", null))).isEqualTo(42);
        assertThat(idOf(r.find("", null))).isEqualTo(42);
        assertThat(idOf(r.find("//", null))).isEqualTo(42);
        assertThat(r.find("/x", null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/{field}{field}", "/{field}...{field}", "/{field}/{another}/{field}",
        "/{field}/something/something/{field}/something"})
    void duplicateFieldNamesAreRejected(String template) {
        assertThatThrownBy(() -> router.addRoute(template, new ResourceWithId(1), null))
                .isInstanceOf(UnacceptableRouteError.class)
                .hasMessage("'" + template + "': Field names may not be duplicated (\"field\" was"
                        + " used more than once)");
    }

    @ParameterizedTest
    @MethodSource("entirePath")
    void theWholePathMustMatch(String template, String path) {
        Router r = new BareRouter();
        r.addRoute(template, new ResourceWithId(1), null);
        assertThat(r.find(path, null)).isNull();
    }

    static Stream<Arguments> entirePath() {
        return Stream.of(
                Arguments.of("/items/thing", "/items/t"),
                Arguments.of("/items/{x}|{y}|", "/items/1080|768"),
                Arguments.of("/items/{x}*{y}foo", "/items/1080*768foobar"),
                Arguments.of("/items/{x}*768*", "/items/1080*768***"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/teams/{conflict}", // simple vs simple
        "/emojis/signs/{id_too}", // another simple vs simple
        "/repos/{org}/{repo}/compare/{complex}:{vs}...{complex2}:{conflict}",
        "/teams/{id:int}/settings", // converted vs. non-converted
    })
    void conflictingTemplatesAreRejected(String template) {
        assertThatThrownBy(() -> router.addRoute(template, new ResourceWithId(-1), null))
                .isInstanceOf(UnacceptableRouteError.class)
                .hasMessageStartingWith("'" + template + "': The URI template for this route is"
                        + " inconsistent or conflicts with another route's template");
    }

    @Test
    void conflictMessageNamesBothTemplates() {
        assertThatThrownBy(() -> router.addRoute("/teams/{name}/x", new ResourceWithId(-1), null))
                .hasMessage("'/teams/{name}/x': The URI template for this route is inconsistent or"
                        + " conflicts with another route's template ('/teams/{id}'). This is"
                        + " usually caused by configuring a field converter differently for the"
                        + " same field in two different routes, or by using different field names"
                        + " at the same level in the path (e.g., '/parents/{id}' and"
                        + " '/parents/{parent_id}/children').");
    }

    @Test
    void aRejectedRouteLeavesTheRouterUnchanged() {
        assertThatThrownBy(() -> router.addRoute("/teams/{x}/new/deep", new ResourceWithId(-1),
                null)).isInstanceOf(UnacceptableRouteError.class);
        assertThat(idOf(router.find("/teams/42", null))).isEqualTo(6);
        assertThat(router.find("/teams/42/new/deep", null)).isNull();
    }

    /** Each template, a path and what real Falcon 3.1.1's CompiledRouter finds for it. */
    static Stream<Arguments> segmentKinds() {
        String simple = "/repos/{org}/{repo}/compare/{simple_vs_complex}";
        String complex = "/repos/{complex}.{vs}.{simple}";
        String shadowed = "/repos/{org}/{repo}/compare/{complex}:{vs}...{complex2}/full";
        return Stream.of(
                Arguments.of(simple, "/repos/a/b/compare/c", -1,
                        Map.of("org", "a", "repo", "b", "simple_vs_complex", "c")),
                Arguments.of(simple, "/repos/a/b/compare/u:b", 16,
                        Map.of("org", "a", "repo", "b", "usr0", "u", "branch0", "b")),
                Arguments.of(simple, "/repos/a/b/compare/all", 11, Map.of("org", "a", "repo", "b")),
                Arguments.of(simple, "/repos/a/b/compare/u:b...v:c", 5, Map.of("org", "a", "repo", "b",
                        "usr0", "u", "branch0", "b", "usr1", "v", "branch1", "c")),
                Arguments.of(complex, "/repos/a.b.c", -1, Map.of("complex", "a", "vs", "b", "simple", "c")),
                Arguments.of(complex, "/repos/abc", 2, Map.of("org", "abc")),
                Arguments.of(complex, "/repos/a.b", 2, Map.of("org", "a.b")),
                // The older complex segment at the same level wins: Falcon never reaches this route.
                Arguments.of(shadowed, "/repos/a/b/compare/x:y...z/full", 17,
                        Map.of("org", "a", "repo", "b", "usr0", "x", "branch0", "y...z")),
                Arguments.of(shadowed, "/repos/a/b/compare/u:b...v:c/full", 10, Map.of("org", "a",
                        "repo", "b", "usr0", "u", "branch0", "b", "usr1", "v", "branch1", "c")));
    }

    @ParameterizedTest
    @MethodSource("segmentKinds")
    void differentKindsOfSegmentsDoNotConflict(String template, String path, int id,
            Map<String, Object> params) {
        router.addRoute(template, new ResourceWithId(-1), null);
        RouteMatch match = router.find(path, null);
        assertThat(idOf(match)).isEqualTo(id);
        assertThat(match.params()).isEqualTo(params);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Missing field name
        "/{}", "/repos/{org}/{repo}/compare/{}", "/repos/{complex}.{}.{thing}",
        // Field names must be valid identifiers
        "/{9v}", "/{524hello}/world", "/hello/{1world}", "/repos/{complex}.{9v}.{thing}/etc",
        "/{*kgriffs}", "/{@kgriffs}", "/repos/{complex}.{v}.{@thing}/etc", "/{-kgriffs}",
        "/repos/{complex}.{-v}.{thing}/etc", "/repos/{simple-thing}/etc",
        // Java keywords cannot be parameter names
        "/{class}", "/x/{int}.{y}",
        // Neither fields nor literal segments may contain whitespace
        "/this and that", "/this\tand\tthat", "/this\nand\nthat", "/{thing }/world",
        "/{thing\t}/world", "/{\nthing}/world", "/{th\u000bing}/world", "/{ thing}/world",
        "/{ thing }/world", "/{thing}/wo rld", "/{thing} /world",
        "/repos/{or g}/{repo}/compare/{thing}", "/repos/{org}/{repo}/compare/{th\ting}"})
    void invalidFieldNamesAreRejected(String template) {
        assertThatThrownBy(() -> router.addRoute(template, new ResourceWithId(-1), null))
                .isInstanceOf(UnacceptableRouteError.class)
                .hasMessageStartingWith("'" + template + "': ");
    }

    static Stream<Arguments> templateErrors() {
        return Stream.of(
                Arguments.of("/{9v}", "Field names must be valid identifiers (\"9v\" is not valid)"),
                Arguments.of("/{}", "Field names must be valid identifiers (\"\" is not valid)"),
                Arguments.of("/{class}",
                        "Field names must be valid identifiers (\"class\" is not valid)"),
                Arguments.of("/this and that", "URI templates may not include whitespace"),
                Arguments.of("/foo/{bar:}", "Missing converter for field \"bar\""),
                Arguments.of("/foo/{bar:unknown}/baz", "Unknown converter: \"unknown\""),
                Arguments.of("", "URI templates must start with '/'"),
                Arguments.of("no/leading_slash", "URI templates must start with '/'"),
                Arguments.of("/in//side", "URI templates may not contain '//'"),
                Arguments.of("/x}", "Unbalanced '}' in segment \"x}\""),
                Arguments.of("/{x", "Unbalanced '{' in segment \"{x\" (a field expression may not"
                        + " contain '/')"),
                Arguments.of("/{x:int(3}", "Malformed arguments for converter \"int\" of field"
                        + " \"x\": expected int(...)"),
                Arguments.of("/foo/{bar:int(0)}",
                        "Cannot instantiate converter \"int\": num_digits must be at least 1"),
                Arguments.of("/{p:path}/x", "Field \"p\" uses the converter \"path\" that consumes"
                        + " the rest of the path, so it must end the template"),
                Arguments.of("/{p:path}.txt", "Cannot use converter \"path\" of field \"p\" in a"
                        + " segment that includes other characters or fields"));
    }

    @ParameterizedTest
    @MethodSource("templateErrors")
    void templateErrorsNameTheTemplate(String template, String message) {
        assertThatThrownBy(() -> new BareRouter().addRoute(template, new ResourceWithId(1), null))
                .isInstanceOf(UnacceptableRouteError.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + template + "': " + message);
    }

    @Test
    void pythonKeywordsThatAreNotJavaKeywordsAreValidFieldNames() {
        Router r = new BareRouter();
        r.addRoute("/range/{from}/{to}", new ResourceWithId(1), null);
        assertThat(r.find("/range/1/2", null).params()).isEqualTo(Map.of("from", "1", "to", "2"));
    }

    @Test
    void addingATemplateAgainReplacesItsResource() {
        add("/emojis/signs/0", -1);
        assertThat(idOf(router.find("/emojis/signs/0", null))).isEqualTo(-1);

        add("/emojis/signs/{id}", -2);
        assertThat(idOf(router.find("/emojis/signs/7", null))).isEqualTo(-2);
    }

    @Test
    void literalSegmentsWinOverFields() {
        assertThat(idOf(router.find("/emojis/signs/0", null))).isEqualTo(12);
        assertThat(idOf(router.find("/emojis/signs/1", null))).isEqualTo(13);
        assertThat(idOf(router.find("/emojis/signs/42", null))).isEqualTo(14);
        assertThat(idOf(router.find("/emojis/signs/42/small.jpg", null))).isEqualTo(23);
        assertThat(router.find("/emojis/signs/1/small", null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/teams", "/emojis/signs", "/gists", "/gists/42"})
    void segmentsWithoutARouteDoNotMatch(String path) {
        assertThat(router.find(path, null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/repos/racker/falcon/compare/foo",
        "/repos/racker/falcon/compare/foo/full"})
    void complexSegmentsMustMatchTheirPattern(String path) {
        assertThat(router.find(path, null)).isNull();
    }

    @Test
    void literalRoute() {
        RouteMatch match = router.find("/user/memberships", null);
        assertThat(idOf(match)).isEqualTo(8);
        assertThat(match.params()).isEmpty();
        assertThat(match.uriTemplate()).isEqualTo("/user/memberships");
    }

    static Stream<Arguments> converted() {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("org", "org");
        part.put("repo", "repo");
        part.put("usr0", "gunmachan");
        part.put("branch0", 1234);
        part.put("usr1", "kumamon");
        part.put("branch1", 5678);
        return Stream.of(
                Arguments.of("/cvt/teams/007", Map.of("id", 7)),
                Arguments.of("/cvt/teams/1234/members", Map.of("id", 1234)),
                Arguments.of("/cvt/teams/default/members/700-5", Map.of("id", 700, "tenure", 5)),
                Arguments.of("/cvt/repos/org/repo/compare/xkcd:353",
                        Map.of("org", "org", "repo", "repo", "usr0", "xkcd", "branch0", 353)),
                Arguments.of("/cvt/repos/org/repo/compare/gunmachan:1234...kumamon:5678/part",
                        part),
                Arguments.of("/cvt/repos/xkcd/353/compare/susan:0001/full",
                        Map.of("org", "xkcd", "repo", "353", "usr0", "susan", "branch0", 1)));
    }

    @ParameterizedTest
    @MethodSource("converted")
    void convertersTurnFieldsIntoValues(String path, Map<String, Object> expected) {
        RouteParams params = router.find(path, null).params();
        assertThat(params).isEqualTo(expected);
        for (Map.Entry<String, Object> entry : expected.entrySet()) {
            assertThat(params.get(entry.getKey())).isExactlyInstanceOf(
                    entry.getValue().getClass());
        }
    }

    @Test
    void paramsAreInTemplateOrder() {
        RouteParams params = router.find(
                "/cvt/repos/org/repo/compare/gunmachan:1234...kumamon:5678/part", null).params();
        assertThat(params.keySet()).containsExactly("org", "repo", "usr0", "branch0", "usr1",
                "branch1");
        assertThat(params.valueAt(3)).isEqualTo(1234);
        assertThat(params.nameAt(4)).isEqualTo("usr1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/foo/{bar:int(0)}", "/foo/{bar:int(num_digits=0)}",
        "/foo/{bar:int(-1)}/baz", "/foo/{bar:int(num_digits=-1)}/baz",
        "/foo/{bar:int(1, num_digits=2)}", "/foo/{bar:int(nope=2)}", "/foo/{bar:int(1, 2, 3, 4)}",
        "/foo/{bar:int(min=1.5)}", "/foo/{bar:int(min=x)}", "/foo/{bar:int(min=1,, max=2)}",
        "/foo/{bar:int(min=1, 2)}", "/foo/{bar:int(min=1, min=2)}", "/foo/{bar:int('3)}",
        "/foo/{bar:dt(3)}", "/foo/{bar:dt(\"%Q\")}", "/foo/{bar:uuid(1)}",
        "/foo/{bar:float(finite=1)}", "/foo/{bar:int(99999999999999999999999)}"})
    void convertersWithInvalidOptionsAreRejected(String template) {
        assertThatThrownBy(() -> router.addRoute(template, new ResourceWithId(1), null))
                .isInstanceOf(UnacceptableRouteError.class)
                .hasMessageStartingWith("'" + template + "': Cannot instantiate converter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/foo/{bar:}", "/foo/{bar:unknown}/baz"})
    void malformedConverterSpecificationsAreRejected(String template) {
        assertThatThrownBy(() -> router.addRoute(template, new ResourceWithId(1), null))
                .isInstanceOf(UnacceptableRouteError.class);
    }

    @Test
    void plainFieldsCaptureWholeSegments() {
        RouteMatch match = router.find("/teams/42", null);
        assertThat(idOf(match)).isEqualTo(6);
        assertThat(match.params()).isEqualTo(Map.of("id", "42"));
        assertThat(match.uriTemplate()).isEqualTo("/teams/{id}");

        assertThat(router.find("/emojis/signs/stop", null).params())
                .isEqualTo(Map.of("id", "stop"));
        assertThat(router.find("/gists/42/raw", null).params()).isEqualTo(Map.of("id", "42"));
        assertThat(router.find("/images/42.gif", null).params()).isEqualTo(Map.of("id", "42"));
    }

    @Test
    void singleCharacterFieldName() {
        assertThat(router.find("/item/1234", null).params()).isEqualTo(Map.of("q", "1234"));
    }

    static Stream<Arguments> literalVsVariable() {
        return Stream.of(
                Arguments.of("/teams/default", 19),
                Arguments.of("/teams/default/members", 7),
                Arguments.of("/cvt/teams/default", 31),
                Arguments.of("/cvt/teams/default/members/1234-10", 32),
                Arguments.of("/teams/1234", 6),
                Arguments.of("/teams/1234/members", 7),
                Arguments.of("/gists/first", 20),
                Arguments.of("/gists/first/raw", 18),
                Arguments.of("/gists/first/pdf", 21),
                Arguments.of("/gists/1776/pdf", 21),
                Arguments.of("/emojis/signs/78", 13),
                Arguments.of("/emojis/signs/78/small.png", 24),
                Arguments.of("/emojis/signs/78/small(png)", 25),
                Arguments.of("/emojis/signs/78/small_png", 26));
    }

    @ParameterizedTest
    @MethodSource("literalVsVariable")
    void searchBacktracksFromLiteralsToFields(String path, int expectedId) {
        assertThat(idOf(router.find(path, null))).isEqualTo(expectedId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/this/does/not/exist", "/user/bogus",
        "/repos/racker/falcon/compare/johndoe:master...janedoe:dev/bogus",
        "/teams", "/teams/42/members/undefined", "/teams/42/undefined",
        "/teams/42/undefined/segments", "/teams/default/members/undefined",
        "/teams/default/members/thing/undefined",
        "/teams/default/members/thing/undefined/segments", "/teams/default/undefined",
        "/teams/default/undefined/segments",
        "/cvt/teams/default/members", "/cvt/teams/NaN", "/cvt/teams/default/members/NaN",
        "/emojis/signs", "/emojis/signs/0/small", "/emojis/signs/0/undefined",
        "/emojis/signs/0/undefined/segments", "/emojis/signs/20/small",
        "/emojis/signs/20/undefined", "/emojis/signs/42/undefined", "/emojis/signs/78/undefined",
        "/cvt/teams/6", "/cvt/teams/6/members"})
    void pathsWithoutARouteAreNotFound(String path) {
        assertThat(router.find(path, null)).isNull();
    }

    @Test
    void subsegmentNotFound() {
        assertThat(router.find("/emojis/signs/0/x", null)).isNull();
    }

    @Test
    void severalFieldsAlongThePath() {
        RouteMatch match = router.find("/repos/racker/falcon/commits", null);
        assertThat(idOf(match)).isEqualTo(4);
        assertThat(match.params()).isEqualTo(Map.of("org", "racker", "repo", "falcon"));

        match = router.find("/repos/racker/falcon/compare/all", null);
        assertThat(idOf(match)).isEqualTo(11);
        assertThat(match.params()).isEqualTo(Map.of("org", "racker", "repo", "falcon"));
    }

    @ParameterizedTest
    @MethodSource("complexSuffixes")
    void complexSegments(String suffix, int expectedId) {
        RouteMatch match = router.find(
                "/repos/racker/falcon/compare/johndoe:master...janedoe:dev" + suffix, null);
        assertThat(idOf(match)).isEqualTo(expectedId);
        assertThat(match.params()).isEqualTo(Map.of("org", "racker", "repo", "falcon",
                "usr0", "johndoe", "branch0", "master", "usr1", "janedoe", "branch1", "dev"));
    }

    static Stream<Arguments> complexSuffixes() {
        return Stream.of(Arguments.of("", 5), Arguments.of("/full", 10),
                Arguments.of("/part", 15));
    }

    @ParameterizedTest
    @MethodSource("complexAltSuffixes")
    void complexSegmentsOfAnotherShape(String suffix, int expectedId, String expectedTemplate) {
        RouteMatch match = router.find("/repos/falconry/falcon/compare/johndoe:master" + suffix,
                null);
        assertThat(idOf(match)).isEqualTo(expectedId);
        assertThat(match.params()).isEqualTo(Map.of("org", "falconry", "repo", "falcon",
                "usr0", "johndoe", "branch0", "master"));
        assertThat(match.uriTemplate()).isEqualTo(expectedTemplate);
    }

    static Stream<Arguments> complexAltSuffixes() {
        return Stream.of(
                Arguments.of("", 16, "/repos/{org}/{repo}/compare/{usr0}:{branch0}"),
                Arguments.of("/full", 17, "/repos/{org}/{repo}/compare/{usr0}:{branch0}/full"));
    }

    @Test
    void customConverterWithArguments() {
        CompiledRouter r = new BareRouter();
        r.getOptions().converters().put("spam", SPAM);
        r.addRoute("/{food:spam(3, eggs=True)}", new ResourceWithId(1), null);

        assertThat(r.find("/spam", null).params())
                .isEqualTo(Map.of("food", "spam&eggs, spam&eggs, spam&eggs"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"spam", "spam_2", "_spam", "Spam9"})
    void customConvertersAddedTogether(String name) {
        CompiledRouterOptions options = new CompiledRouterOptions();
        options.converters().putAll(Map.of("spam", SPAM, "spam_2", SPAM, "_spam", SPAM,
                "Spam9", SPAM));
        Router r = new BareRouter(options);
        r.addRoute("/{food:" + name + "(3, eggs=True)}", new ResourceWithId(1), null);

        assertThat(r.find("/spam", null).params())
                .isEqualTo(Map.of("food", "spam&eggs, spam&eggs, spam&eggs"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"has whitespace", "whitespace ", " whitespace ", " whitespace",
        "funky$character", "42istheanswer", "with-hyphen", ""})
    void converterNamesMustBeIdentifiers(String name) {
        CompiledRouter r = new BareRouter();
        assertThatThrownBy(() -> r.getOptions().converters().put(name, SPAM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid converter name '" + name + "'");
    }

    @Test
    void converterNamesAreCheckedWhenAddedTogether() {
        CompiledRouter r = new BareRouter();
        assertThatThrownBy(() -> r.getOptions().converters().putAll(Map.of("7eleven", SPAM)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(r.getOptions().converters()).doesNotContainKey("7eleven");
    }

    @Test
    void builtInConvertersAreRegistered() {
        assertThat(new CompiledRouterOptions().converters())
                .containsOnlyKeys("int", "uuid", "dt", "float", "path");
    }

    // ---- beyond Falcon's test file: behaviour checked against Falcon 3.1.1 ----

    @Test
    void trailingSlashMakesADifferentTemplate() {
        Router r = new BareRouter();
        r.addRoute("/foo", new ResourceWithId(1), null);
        r.addRoute("/foo/", new ResourceWithId(2), null);
        r.addRoute("/bar/{x}", new ResourceWithId(3), null);

        assertThat(idOf(r.find("/foo", null))).isEqualTo(1);
        assertThat(idOf(r.find("/foo/", null))).isEqualTo(2);
        assertThat(r.find("/foo//", null)).isNull();
        assertThat(r.find("/bar/1/", null)).isNull();
    }

    @Test
    void leadingSlashesAreIgnored() {
        Router r = new BareRouter();
        r.addRoute("/foo", new ResourceWithId(1), null);
        r.addRoute("/bar/{x}", new ResourceWithId(2), null);

        assertThat(idOf(r.find("//foo", null))).isEqualTo(1);
        assertThat(idOf(r.find("foo", null))).isEqualTo(1);
        assertThat(r.find("///bar/a", null).params()).isEqualTo(Map.of("x", "a"));
    }

    @Test
    void anEmptySegmentMatchesAPlainFieldWithAnEmptyValue() {
        Router r = new BareRouter();
        r.addRoute("/bar/{x}", new ResourceWithId(3), null);
        r.addRoute("/bar/{x}/baz", new ResourceWithId(4), null);
        r.addRoute("/c/{a}.{b}", new ResourceWithId(5), null);

        assertThat(r.find("/bar/", null).params()).isEqualTo(Map.of("x", ""));
        assertThat(idOf(r.find("/bar//baz", null))).isEqualTo(4);
        // A field in a complex segment takes at least one character.
        assertThat(r.find("/c/.b", null)).isNull();
    }

    @Test
    void aRejectedConversionInAComplexSegmentIsNotRetriedWithAnotherSplit() {
        // As in Falcon: the greedy match gives a = "1-2", which is not an int.
        Router r = new BareRouter();
        r.addRoute("/c/{a:int}-{b}", new ResourceWithId(6), null);

        assertThat(r.find("/c/1-2-3", null)).isNull();
        assertThat(r.find("/c/1-2", null).params()).isEqualTo(Map.of("a", 1, "b", "2"));
    }

    @Test
    void aRejectedConversionFallsBackToTheNextBranch() {
        Router r = new BareRouter();
        r.addRoute("/items/{id:int}.{ext}", new ResourceWithId(1), null);
        r.addRoute("/items/{name}", new ResourceWithId(2), null);
        r.addRoute("/items/12.json/x", new ResourceWithId(3), null);

        assertThat(idOf(r.find("/items/12.json", null))).isEqualTo(1);
        assertThat(idOf(r.find("/items/ab.json", null))).isEqualTo(2);
        assertThat(r.find("/items/ab.json", null).params()).isEqualTo(Map.of("name", "ab.json"));
        assertThat(r.find("/items/12.json", null).params())
                .isEqualTo(Map.of("id", 12, "ext", "json"));
    }

    @Test
    void complexSegmentsOfTheSameShapeConflict() {
        Router r = new BareRouter();
        r.addRoute("/files/{name}.{ext}", new ResourceWithId(1), null);
        assertThatThrownBy(() -> r.addRoute("/files/{n}.{e}/x", new ResourceWithId(2), null))
                .isInstanceOf(UnacceptableRouteError.class)
                .hasMessageContaining("('/files/{name}.{ext}')");
        // Another shape is fine; complex segments are tried in the order added, as in Falcon.
        r.addRoute("/files/{name}.detail.{ext}", new ResourceWithId(3), null);
        assertThat(r.find("/files/a.detail.json", null).params())
                .isEqualTo(Map.of("name", "a.detail", "ext", "json"));
        assertThat(idOf(r.find("/files/a.json", null))).isEqualTo(1);
    }

    @Test
    void manyLiteralsAtOneLevelAreFoundByHash() {
        Router r = new BareRouter();
        for (int i = 0; i < 50; i++) {
            r.addRoute("/lit" + i + "/x", new ResourceWithId(i), null);
            r.addRoute("/lit" + i + "/{y}/z", new ResourceWithId(100 + i), null);
        }
        r.addRoute("/{other}/x", new ResourceWithId(-1), null);

        for (int i = 0; i < 50; i++) {
            assertThat(idOf(r.find("/lit" + i + "/x", null))).isEqualTo(i);
            assertThat(idOf(r.find("/lit" + i + "/q/z", null))).isEqualTo(100 + i);
        }
        assertThat(idOf(r.find("/lit50/x", null))).isEqualTo(-1);
        assertThat(idOf(r.find("//lit7/x", null))).isEqualTo(7);
        assertThat(r.find("/lit7/y", null)).isNull();
    }

    @Test
    void routesAddedAfterAFindAreFound() {
        Router r = new BareRouter();
        r.addRoute("/a", new ResourceWithId(1), null);
        assertThat(r.find("/b/1", null)).isNull();

        r.addRoute("/b/{n:int}", new ResourceWithId(2), null);
        assertThat(r.find("/b/1", null).params()).isEqualTo(Map.of("n", 1));
    }

    @Test
    void changingParamsDoesNotAffectLaterMatches() {
        RouteMatch first = router.find("/repos/racker/falcon", null);
        first.params().remove("org");
        first.params().put("extra", 1);

        RouteMatch second = router.find("/repos/racker/falcon", null);
        assertThat(second.params()).isEqualTo(Map.of("org", "racker", "repo", "falcon"));

        RouteMatch literal = router.find("/emojis", null);
        literal.params().put("x", 1);
        assertThat(router.find("/emojis", null).params()).isEmpty();
    }

    @Test
    void pathConverterTakesTheRestOfThePath() {
        Router r = new BareRouter();
        r.addRoute("/static/{file:path}", new ResourceWithId(1), null);
        r.addRoute("/static/favicon.ico", new ResourceWithId(2), null);
        r.addRoute("/static/css/site", new ResourceWithId(3), null);

        assertThat(r.find("/static/css/site.css", null).params())
                .isEqualTo(Map.of("file", "css/site.css"));
        assertThat(idOf(r.find("/static/favicon.ico", null))).isEqualTo(2);
        assertThat(idOf(r.find("/static/css/site", null))).isEqualTo(3);
        assertThat(r.find("/static/css/site/", null).params())
                .isEqualTo(Map.of("file", "css/site/"));
        assertThat(r.find("/static/", null).params()).isEqualTo(Map.of("file", ""));
        assertThat(r.find("/static", null)).isNull();
    }

    @Test
    void pathConverterCannotBeFollowedByMoreSegments() {
        Router r = new BareRouter();
        r.addRoute("/static/{file:path}", new ResourceWithId(1), null);
        assertThatThrownBy(() -> r.addRoute("/static/{file:path}/x", new ResourceWithId(2), null))
                .isInstanceOf(UnacceptableRouteError.class);
    }

    @Test
    void fieldTypesComeFromConverters() {
        Map<String, Class<?>> seen = new LinkedHashMap<>();
        CompiledRouter r = new CompiledRouter() {
            @Override
            protected MethodMap mapHttpMethods(Object resource, String suffix, String uriTemplate,
                    List<Field> fields) {
                for (Field field : fields) {
                    seen.put(field.name(), field.type());
                }
                return null;
            }
        };
        r.addRoute("/{a}/{b:int}/{c:uuid}.{d:dt}/{e:float}/{f:dt(\"%Y %z\")}/{g:path}",
                new Object(), "suffix");

        assertThat(seen).containsExactly(
                Map.entry("a", String.class), Map.entry("b", Integer.class),
                Map.entry("c", java.util.UUID.class), Map.entry("d", java.time.LocalDateTime.class),
                Map.entry("e", Double.class), Map.entry("f", java.time.OffsetDateTime.class),
                Map.entry("g", String.class));
    }

    @Test
    void invalidTemplatesFailBeforeResponderBinding() {
        CompiledRouter r = new CompiledRouter() {
            @Override
            protected MethodMap mapHttpMethods(Object resource, String suffix, String uriTemplate,
                    List<Field> fields) {
                throw new AssertionError("not reached");
            }
        };
        assertThatThrownBy(() -> r.addRoute("/{9}", new Object(), null))
                .isInstanceOf(UnacceptableRouteError.class);
    }
}

package falcon.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import falcon.HTTPPayloadTooLarge;
import falcon.MediaMalformedError;
import falcon.MediaNotFoundError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The JSON handler: what it reads and writes, and how a body that is not JSON, or does not fit the
 * type it is read into, is worded for the client (TypeMismatch).
 *
 * <p>NOTE: equivalent mutants: dropping the constructor's {@code init(mapper)} (reader() and
 * writer() make the same reader and writer from the same mapper on first use), and TypeMismatch's
 * {@code getLineNr() < 0} / {@code getColumnNr() < 0} for {@code <= 0} (Jackson counts lines and
 * columns from 1 and gives -1 when it has no position, never 0), as describe()'s {@code
 * getLineNr() >= 0}. TypeMismatch.shown() of a Map or a Collection was reached by no input
 * tried (not equivalent, untested): Jackson reports a structure where a scalar belongs as a
 * MismatchedInputException, worded by got().
 */
class JSONHandlerTest {

    enum Size { SMALL, LARGE }

    record Line(String sku, int quantity) {
    }

    record Order(String id, List<Line> lines) {
    }

    record Positive(int n) {
        Positive {
            if (n <= 0) {
                throw new IllegalArgumentException("n must be positive");
            }
        }
    }

    record Quiet(int n) {
        Quiet {
            if (n <= 0) {
                throw new IllegalStateException();
            }
        }
    }

    record Kinds(Size size, LocalDate due, UUID id, boolean flag, double ratio, Map<String, Integer> extra,
            List<String> tags) {
    }

    record Tagged(@JsonSetter(nulls = Nulls.FAIL) String tag) {
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Object read(String json, Type type) throws IOException {
        return new JSONHandler().deserialize(in(json), "application/json", -1, type);
    }

    /** The description a client sees for {@code json} read into {@code type}. */
    private static String problem(String json, Type type) {
        try {
            read(json, type);
        } catch (MediaMalformedError ex) {
            assertThat(ex.getTitle()).isEqualTo("Invalid JSON");
            return ex.getDescription().substring("Could not parse JSON body - ".length());
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
        throw new AssertionError("no error for " + json);
    }

    @Test
    void bodiesAreReadIntoPlainValues() throws IOException {
        JSONHandler json = new JSONHandler();
        assertThat(json.deserialize(in("{\"a\": [1, 2.5, \"x\", true, null]}"), "application/json", -1))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1, 2.5, "x", true, null)));
        assertThat(json.deserialize(in("7"), "application/json", -1, Object.class)).isEqualTo(7);
        assertThat(json.parse("[1]")).isEqualTo(List.of(1));
        assertThatThrownBy(() -> json.parse("[1")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> json.deserialize(in(""), "application/json", -1))
                .isInstanceOf(MediaNotFoundError.class);
        // a body of one byte is read, not taken for empty
        assertThat(json.deserialize(in("1"), "application/json", 1)).isEqualTo(1);
    }

    @Test
    void theRequestsStreamIsNotClosed() throws IOException {
        AtomicInteger closed = new AtomicInteger();
        InputStream body = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
        new JSONHandler().deserialize(body, "application/json", -1);
        assertThat(closed).hasValue(0);
    }

    @Test
    void typedBodiesAreReadStraightIntoTheType() throws IOException {
        assertThat(read("{\"sku\": \"a\", \"quantity\": 2}", Line.class)).isEqualTo(new Line("a", 2));
        assertThat(read("[{\"sku\": \"a\", \"quantity\": 2}]", new TypeRef<List<Line>>() { }.getType()))
                .isEqualTo(List.of(new Line("a", 2)));
        assertThat(read("12345678901234567890.123456789", BigDecimal.class))
                .isEqualTo(new BigDecimal("12345678901234567890.123456789"));
    }

    @Test
    void writesAsPythonsJsonDumps() {
        Map<String, Object> media = new LinkedHashMap<>();
        media.put("a", 1);
        media.put("b", List.of(1, 2));
        media.put("c", "é\u0001");
        assertThat(new String(new JSONHandler().serialize(media, "application/json"), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\": 1, \"b\": [1, 2], \"c\": \"é\\u0001\"}");
        assertThat(new JSONHandler().serializeToString(media)).isEqualTo("{\"a\": 1, \"b\": [1, 2], \"c\": \"é\\u0001\"}");
        assertThat(JSONHandler.compact().serializeToString(media)).isEqualTo("{\"a\":1,\"b\":[1,2],\"c\":\"é\\u0001\"}");
        assertThat(JSONHandler.falconDefault().serializeToString(List.of())).isEqualTo("[]");
        assertThat(JSONHandler.falconDefault()).isSameAs(JSONHandler.falconDefault());
        assertThat(new JSONHandler().serializeToString(List.of(Instant.parse("2026-12-05T10:15:30Z"),
                Duration.ofMinutes(90)))).isEqualTo("[\"2026-12-05T10:15:30Z\", \"PT1H30M\"]");
        assertThat(new JSONHandler().serializeToString(Optional.empty())).isEqualTo("null");
    }

    @Test
    void aHandlerOnItsOwnMapperWritesWithIt() {
        ObjectMapper mapper = JSONHandler.defaultMapper();
        assertThat(mapper).isNotSameAs(JSONHandler.defaultMapper()).isNotSameAs(JSONHandler.sharedMapper());
        JSONHandler spaced = new JSONHandler(mapper, true);
        JSONHandler compact = new JSONHandler(mapper, false);
        assertThat(spaced.serializeToString(Map.of("a", List.of(1, 2)))).isEqualTo("{\"a\": [1, 2]}");
        assertThat(compact.serializeToString(Map.of("a", List.of(1, 2)))).isEqualTo("{\"a\":[1,2]}");
        assertThat(new String(compact.serialize(List.of(1, 2), null), StandardCharsets.UTF_8)).isEqualTo("[1,2]");
        assertThat(compact.convert(Map.of("sku", "a", "quantity", "3"), Line.class)).isEqualTo(new Line("a", 3));
        assertThat(JSONHandler.sharedMapper()).isSameAs(JSONHandler.sharedMapper());
    }

    @Test
    void aValueThatCannotBeWrittenIsAnUncheckedError() {
        Object noProperties = new Object();
        assertThatThrownBy(() -> new JSONHandler().serialize(noProperties, "application/json"))
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThatThrownBy(() -> new JSONHandler().serializeToString(noProperties))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    void convertKeepsAValueOfTheTypeAndConvertsOthers() {
        JSONHandler json = new JSONHandler();
        Line line = new Line("a", 1);
        assertThat(json.convert(line, Line.class)).isSameAs(line);
        // Object.class converts: a record becomes maps
        assertThat(json.convert(line, Object.class)).isEqualTo(Map.of("sku", "a", "quantity", 1));
        assertThat(json.convert(Map.of("sku", "a", "quantity", "5"), Line.class)).isEqualTo(new Line("a", 5));
        assertThat(json.convert(List.of(1), new TypeRef<List<Integer>>() { }.getType())).isEqualTo(List.of(1));
        assertThatThrownBy(() -> json.convert(Map.of("sku", "a", "quantity", "five"), Line.class))
                .isInstanceOf(MediaMalformedError.class)
                .hasFieldOrPropertyWithValue("description",
                        "Could not parse JSON body - field 'quantity': expected an integer, got \"five\"");
        // a type Jackson cannot make is the application's mistake
        assertThatThrownBy(() -> json.convert(Map.of(), InputStream.class)).isInstanceOf(IllegalStateException.class);
        assertThat(JSONHandler.isObject(Map.of())).isTrue();
        assertThat(JSONHandler.isObject(List.of())).isFalse();
    }

    @Test
    void theDefaultConvertOfOtherHandlersUsesTheDefaultMapper() throws IOException {
        BaseHandler text = new BaseHandler() {
            @Override
            public Object deserialize(InputStream stream, String contentType, long contentLength) throws IOException {
                return Map.of("sku", new String(stream.readAllBytes(), StandardCharsets.UTF_8), "quantity", "4");
            }

            @Override
            public byte[] serialize(Object media, String contentType) {
                throw new IllegalStateException("no");
            }
        };
        assertThat(text.deserialize(in("z"), "text/x", -1, Line.class)).isEqualTo(new Line("z", 4));
        assertThat(text.convert(Map.of("sku", "y", "quantity", 1), Line.class)).isEqualTo(new Line("y", 1));
        assertThat(text.exhaustStream()).isFalse();
        assertThat(text.serializeAsync(1, "text/x").toCompletableFuture()).isCompletedExceptionally();
        assertThat(new JSONHandler().serializeAsync(List.of(1), "application/json").toCompletableFuture().join())
                .isEqualTo("[1]".getBytes(StandardCharsets.UTF_8));

        TextBaseHandlerWS ws = new TextBaseHandlerWS() {
            @Override
            public String serialize(Object media) {
                return "";
            }

            @Override
            public Object deserialize(String payload) {
                return Map.of("sku", payload, "quantity", "2");
            }
        };
        assertThat(ws.convert(ws.deserialize("w"), Line.class)).isEqualTo(new Line("w", 2));
        BinaryBaseHandlerWS binary = new BinaryBaseHandlerWS() {
            @Override
            public byte[] serialize(Object media) {
                return new byte[0];
            }

            @Override
            public Object deserialize(byte[] payload) {
                return Map.of("sku", "b", "quantity", payload.length);
            }
        };
        assertThat(binary.convert(binary.deserialize(new byte[3]), Line.class)).isEqualTo(new Line("b", 3));
    }

    @Test
    void theWebSocketHandlerReadsAndWritesText() {
        JSONHandlerWS ws = new JSONHandlerWS();
        assertThat(ws.serialize(Map.of("a", 1))).isEqualTo("{\"a\": 1}");
        assertThat(new JSONHandlerWS(JSONHandler.compact()).serialize(Map.of("a", 1))).isEqualTo("{\"a\":1}");
        assertThat(ws.deserialize("{\"a\": [1]}")).isEqualTo(Map.of("a", List.of(1)));
        assertThat(ws.convert(Map.of("sku", "a", "quantity", 1), Line.class)).isEqualTo(new Line("a", 1));
        assertThatThrownBy(() -> ws.deserialize("{")).isInstanceOf(MediaMalformedError.class)
                .hasFieldOrPropertyWithValue("title", "Invalid application/json");
    }

    @Test
    void syntaxErrorsNameTheLineAndColumnWithoutJacksonsInternals() {
        assertThat(problem("{\"a\": 1,\n \"b\": tru}", Object.class))
                .startsWith("Unrecognized token 'tru'").endsWith(": line 2 column 11")
                .doesNotContain("\n", "Source", "enable");
        assertThat(problem("[NaN]", Object.class)).startsWith("Non-standard token 'NaN'")
                .doesNotContain("enable `").endsWith(": line 1 column 5");
        assertThat(problem("{\"a\": [1, 2}", Object.class))
                .isEqualTo("Unexpected close marker '}': expected ']': line 1 column 12");
        assertThat(problem("{\"a\": 1]", Object.class)).doesNotContain("Source", "REDACTED", "starting at")
                .endsWith(": line 1 column 8");
        assertThat(problem("[1] [2]", Object.class)).startsWith("Trailing token");
        assertThat(problem("[1] [2]", new TypeRef<List<Integer>>() { }.getType())).startsWith("Trailing token")
                .endsWith(": line 1 column 5");
    }

    @Test
    void describeCutsJacksonsMessageToItsFirstSentence() {
        JsonParseException ex = new JsonParseException(null, "Unexpected thing (start marker at [Source: x])\nmore");
        assertThat(JSONHandler.describe(ex)).isEqualTo("Unexpected thing");
        assertThat(JSONHandler.describe(new JsonParseException(null, "Bad token: enable `X` to allow it")))
                .isEqualTo("Bad token");
        assertThat(JSONHandler.describe(new JsonParseException(null, "plain"))).isEqualTo("plain");
        assertThat(JSONHandler.describe(new JsonParseException(null, " (start marker at [Source: x])")))
                .isEmpty();
    }

    @Test
    void mediaErrorPassesTheStreamsOwnErrorOn() {
        HTTPPayloadTooLarge tooLarge = new HTTPPayloadTooLarge(null, null);
        JsonMappingException wrapped = new JsonMappingException(null, "read failed",
                new IOException(new RuntimeException(tooLarge)));
        assertThatThrownBy(() -> JSONHandler.mediaError("JSON", wrapped)).isSameAs(tooLarge);
        // a mapping failure that is not about a value's type is worded as a syntax error
        JsonMappingException other = new JsonMappingException(null, "Something else");
        assertThat(JSONHandler.mediaError("MessagePack", other).getDescription())
                .isEqualTo("Could not parse MessagePack body - Something else");
        assertThat(JSONHandler.mediaError("JSON", new JsonParseException(null, "Broken")).getTitle())
                .isEqualTo("Invalid JSON");
    }

    @Test
    void aValueOfTheWrongKindNamesTheFieldAndWhatWasExpected() {
        assertThat(problem("{\"id\": \"o\", \"lines\": [{\"sku\": \"a\", \"quantity\": \"two\"}]}", Order.class))
                .isEqualTo("field 'lines[0].quantity': expected an integer, got \"two\": line 1 column 48");
        assertThat(problem("{\"id\": \"o\", \"lines\": {}}", Order.class))
                .startsWith("field 'lines': expected an array, got an object: line 1 column ");
        assertThat(problem("{\"sku\": [1], \"quantity\": 1}", Line.class))
                .startsWith("field 'sku': expected a string, got an array");
        assertThat(problem("{\"sku\": \"a\", \"quantity\": [1]}", Line.class))
                .startsWith("field 'quantity': expected an integer, got an array");
        assertThat(problem("{\"sku\": \"a\", \"quantity\": {}}", Line.class))
                .startsWith("field 'quantity': expected an integer, got an object");
        assertThat(problem("{\"sku\": \"a\", \"quantity\": true}", Line.class))
                .isEqualTo("field 'quantity': expected an integer, got true or false: line 1 column 26");
        assertThat(problem("{\"sku\": {}, \"quantity\": 1}", Line.class))
                .isEqualTo("field 'sku': expected a string, got an object: line 1 column 9");
        assertThat(problem("{\"tag\": null}", Tagged.class)).isEqualTo("field 'tag': must not be null: line 1 column 9");
        assertThat(problem("{\"tags\": \"x\"}", Kinds.class)).isEqualTo("field 'tags': expected an array, got a string: line 1 column 10");
        assertThat(problem("{\"tags\": 5}", Kinds.class)).isEqualTo("field 'tags': expected an array, got a number: line 1 column 10");
        assertThat(problem("{\"flag\": 2.5}", Kinds.class)).isEqualTo("field 'flag': expected true or false, got a number: line 1 column 10");
        assertThat(problem("{\"ratio\": true}", Kinds.class)).isEqualTo("field 'ratio': expected a number, got true or false: line 1 column 11");
        assertThat(problem("5", Line.class)).isEqualTo("expected an object: line 1 column 1");
        assertThat(problem("\"str\"", Line.class)).isEqualTo("expected an object, got a string: line 1 column 1");
        assertThat(problem("[1]", Line.class)).startsWith("expected an object, got an array: line 1 column 1");
        assertThat(problem("{\"size\": \"HUGE\"}", Kinds.class))
                .startsWith("field 'size': expected one of \"SMALL\", \"LARGE\", got \"HUGE\"");
        assertThat(problem("{\"due\": \"tomorrow\"}", Kinds.class))
                .startsWith("field 'due': expected an ISO-8601 LocalDate string, got \"tomorrow\"");
        assertThat(problem("{\"id\": \"x\"}", Kinds.class)).startsWith("field 'id': expected a UUID string, got \"x\"");
        assertThat(problem("{\"flag\": \"maybe\"}", Kinds.class)).startsWith("field 'flag': expected true or false");
        assertThat(problem("{\"ratio\": \"half\"}", Kinds.class))
                .startsWith("field 'ratio': expected a number, got \"half\"");
        assertThat(problem("{\"extra\": {\"k\": \"v\"}}", Kinds.class))
                .startsWith("field 'extra.k': expected an integer, got \"v\"");
        assertThat(problem("{\"extra\": [true]}", Kinds.class))
                .startsWith("field 'extra': expected an object, got an array");
        assertThat(problem("{\"sku\": \"a\", \"quantity\": 1, \"bogus\": 2}", Line.class))
                .isEqualTo("unknown field 'bogus': line 1 column 39");
        assertThat(problem("[[1, \"x\"]]", new TypeRef<List<List<Integer>>>() { }.getType()))
                .startsWith("field '[0][1]': expected an integer, got \"x\"");
    }

    /** A bean whose setter refuses a value. */
    public static class Counter {
        private int n;

        public int getN() {
            return n;
        }

        public void setN(int n) {
            if (n < 0) {
                throw new IllegalArgumentException(n < -1 ? null : "n must not be negative");
            }
            this.n = n;
        }
    }

    @Test
    void aSettersRefusalIsWordedWithItsMessage() {
        assertThat(problem("{\"n\": -1}", Counter.class)).isEqualTo("field 'n': n must not be negative: line 1 column 7");
        assertThat(problem("{\"n\": -2}", Counter.class)).isEqualTo("field 'n': invalid value: line 1 column 7");
        assertThat(problem("{\"size\": 5}", Kinds.class))
                .isEqualTo("field 'size': expected one of \"SMALL\", \"LARGE\", got 5: line 1 column 10");
    }

    @Test
    void describeCutsAtTheVeryStart() {
        assertThat(JSONHandler.describe(new JsonParseException(null, "\nonly details"))).isEmpty();
        assertThat(JSONHandler.describe(new JsonParseException(null, ": enable `X`"))).isEmpty();
    }

    @Test
    void aLongStringIsShortened() {
        String value = "x".repeat(41);
        assertThat(problem("{\"sku\": \"a\", \"quantity\": \"" + value + "\"}", Line.class))
                .startsWith("field 'quantity': expected an integer, got \"" + "x".repeat(40) + "...\"");
        String forty = "y".repeat(40);
        assertThat(problem("{\"sku\": \"a\", \"quantity\": \"" + forty + "\"}", Line.class))
                .startsWith("field 'quantity': expected an integer, got \"" + forty + "\":");
    }

    @Test
    void aConstructorsRefusalIsWordedWithItsMessage() {
        assertThat(problem("{\"n\": 0}", Positive.class)).isEqualTo("n must be positive: line 1 column 8")
                .doesNotContain("Positive");
        assertThat(problem("{\"n\": 0}", Quiet.class)).startsWith("invalid value");
        assertThat(read2("{\"n\": 3}", Positive.class)).isEqualTo(new Positive(3));
    }

    private static Object read2(String json, Type type) {
        try {
            return read(json, type);
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void convertedMediaHasNoPosition() {
        JSONHandler json = new JSONHandler();
        assertThatThrownBy(() -> json.convert(Map.of("sku", "a", "quantity", List.of(1)), Line.class))
                .hasFieldOrPropertyWithValue("description",
                        "Could not parse JSON body - field 'quantity': expected an integer, got an array");
        assertThatThrownBy(() -> json.convert(Map.of("sku", "a", "quantity", Map.of()), Line.class))
                .hasFieldOrPropertyWithValue("description",
                        "Could not parse JSON body - field 'quantity': expected an integer, got an object");
        Map<String, Object> noTag = new java.util.HashMap<>();
        noTag.put("tag", null);
        assertThatThrownBy(() -> json.convert(noTag, Tagged.class))
                .hasFieldOrPropertyWithValue("description", "Could not parse JSON body - field 'tag': must not be null");
    }

    @Test
    void kindIsWhatAValueLooksLikeInJson() {
        for (Class<?> c : List.of(int.class, long.class, short.class, byte.class, Integer.class, Long.class,
                Short.class, Byte.class, BigInteger.class)) {
            assertThat(TypeMismatch.kind(c)).as(c.getName()).isEqualTo("an integer");
        }
        for (Class<?> c : List.of(double.class, float.class, Double.class, Float.class, BigDecimal.class,
                AtomicInteger.class)) {
            assertThat(TypeMismatch.kind(c)).as(c.getName()).isEqualTo("a number");
        }
        assertThat(TypeMismatch.kind(boolean.class)).isEqualTo("true or false");
        assertThat(TypeMismatch.kind(Boolean.class)).isEqualTo("true or false");
        for (Class<?> c : List.of(String.class, char.class, Character.class, StringBuilder.class)) {
            assertThat(TypeMismatch.kind(c)).as(c.getName()).isEqualTo("a string");
        }
        assertThat(TypeMismatch.kind(Size.class)).isEqualTo("one of \"SMALL\", \"LARGE\"");
        assertThat(TypeMismatch.kind(Instant.class)).isEqualTo("an ISO-8601 Instant string");
        assertThat(TypeMismatch.kind(Duration.class)).isEqualTo("an ISO-8601 Duration string");
        assertThat(TypeMismatch.kind(Period.class)).isEqualTo("an ISO-8601 Period string");
        assertThat(TypeMismatch.kind(UUID.class)).isEqualTo("a UUID string");
        assertThat(TypeMismatch.kind(int[].class)).isEqualTo("an array");
        assertThat(TypeMismatch.kind(Set.class)).isEqualTo("an array");
        // JSON carries bytes as a base64 string, not an array
        assertThat(TypeMismatch.kind(byte[].class)).isEqualTo("an object");
        assertThat(TypeMismatch.kind(Line.class)).isEqualTo("an object");
        assertThat(TypeMismatch.kind(Map.class)).isEqualTo("an object");
        assertThat(TypeMismatch.kind(null)).isEqualTo("a value");
    }

    @Test
    void aTypeRefNamesItsType() {
        assertThat(new TypeRef<List<Line>>() { }.toString())
                .isEqualTo("TypeRef<java.util.List<falcon.media.JSONHandlerTest$Line>>");
    }

    @Test
    void theDefaultMapperPoolsJacksonsBuffersAcrossThreads() {
        // per-thread buffers would be new for every request on the server's virtual threads
        assertThat(JSONHandler.defaultMapper().getFactory()._getRecyclerPool())
                .isSameAs(com.fasterxml.jackson.core.util.JsonRecyclerPools.sharedConcurrentDequePool());
    }
}

package falcon;

import static org.assertj.core.api.Assertions.assertThat;

import falcon.testing.Result;
import falcon.testing.Simulate;
import falcon.testing.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 9457 problem details as an opt-in of the default error serializer. */
class ProblemDetailsTest {

    /** An error with members of its own, the way Falcon extends errors (overriding to_dict). */
    static class OutOfStock extends HTTPConflict {
        private static final long serialVersionUID = 1L;

        OutOfStock() {
            super("Out of stock", "Only 2 left.");
        }

        @Override
        public Map<String, Object> toDict() {
            Map<String, Object> dict = super.toDict();
            dict.put("type", "https://example.com/probs/out-of-stock");
            dict.put("available", 2);
            return dict;
        }
    }

    private static TestClient client(boolean problemDetails) {
        App app = new App();
        app.getRespOptions().setProblemDetails(problemDetails);
        app.addRoute("/things/{id}", new Object() {
            public void onGet(Request req, Response resp, String id) {
                throw new HTTPNotFound().withDescription("No thing " + id + ".");
            }

            public void onPost(Request req, Response resp, String id) {
                throw new OutOfStock();
            }

            public void onPut(Request req, Response resp, String id) {
                throw new HTTPBadRequest("Bad thing", "Not <that> & not this.").withCode(7)
                        .withHref("https://example.com/docs");
            }
        });
        return new TestClient(app);
    }

    @Test
    void offByDefault() {
        Result r = client(false).simulateGet("/things/1");
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(r.getText()).isEqualTo("{\"title\": \"404 Not Found\", \"description\": \"No thing 1.\"}");
    }

    @Test
    void anErrorIsProblemJson() {
        Result r = client(true).simulateGet("/things/1", Simulate.with().queryString("token=secret"));
        assertThat(r.getStatusCode()).isEqualTo(404);
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.getHeader("Vary")).isEqualTo("Accept");
        assertThat(r.getText()).isEqualTo("{\"type\": \"about:blank\", \"title\": \"Not Found\", \"status\": 404,"
                + " \"detail\": \"No thing 1.\", \"instance\": \"/things/1\"}");
    }

    @Test
    void aClientAskingForJsonGetsProblemJson() {
        Result r = client(true).simulateGet("/things/1", Simulate.with().header("Accept", "application/json"));
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void anErrorsOwnMembersAreExtensionsAndItsTypeIsKept() {
        Result r = client(true).simulatePost("/things/1");
        assertThat(r.getStatusCode()).isEqualTo(409);
        assertThat(r.getText()).isEqualTo("{\"type\": \"https://example.com/probs/out-of-stock\", \"title\": \"Out of"
                + " stock\", \"status\": 409, \"detail\": \"Only 2 left.\", \"instance\": \"/things/1\", \"available\": 2}");
    }

    @Test
    void codeAndLinkAreExtensionMembers() {
        Result r = client(true).simulatePut("/things/a%20b");
        assertThat(r.getJsonMap()).containsEntry("title", "Bad thing").containsEntry("code", 7)
                .containsEntry("instance", "/things/a%20b")
                .containsEntry("link", Map.of("text", "Documentation related to this error",
                        "href", "https://example.com/docs", "rel", "help"));
    }

    @Test
    void problemXmlStaysWellFormedWhenTheDescriptionEchoesAControlCharacter() throws Exception {
        // the path field is the client's, and %01 decodes to a character XML 1.0 does not allow
        Result r = client(true).simulateGet("/things/a%01b", Simulate.with().header("Accept", "application/xml"));
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+xml");
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(r.getContent()));
        assertThat(doc.getElementsByTagName("detail").item(0).getTextContent()).isEqualTo("No thing a\uFFFDb.");
    }

    @Test
    void aClientPreferringXmlGetsProblemXml() {
        Result r = client(true).simulatePut("/things/1", Simulate.with().header("Accept", "application/xml"));
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+xml");
        assertThat(r.getText()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><problem"
                + " xmlns=\"urn:ietf:rfc:7807\"><type>about:blank</type><title>Bad thing</title><status>400</status>"
                + "<detail>Not &lt;that&gt; &amp; not this.</detail><instance>/things/1</instance><code>7</code>"
                + "<link><text>Documentation related to this error</text><href>https://example.com/docs</href>"
                + "<rel>help</rel></link></problem>");
    }

    @Test
    void problemXmlAskedForByNameIsProblemXml() {
        Result r = client(true).simulateGet("/things/1",
                Simulate.with().header("Accept", "application/problem+xml, application/json;q=0.5"));
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+xml");
    }

    @Test
    void aSuffixedTypeChoosesTheFamilyAndNothingAcceptableGivesNoBody() {
        TestClient c = client(true);
        assertThat(c.simulateGet("/things/1", Simulate.with().header("Accept", "application/vnd.x+json"))
                .getHeader("Content-Type")).isEqualTo("application/problem+json");
        assertThat(c.simulateGet("/things/1", Simulate.with().header("Accept", "application/vnd.x+xml"))
                .getHeader("Content-Type")).isEqualTo("application/problem+xml");
        Result none = c.simulateGet("/things/1", Simulate.with().header("Accept", "image/png"));
        assertThat(none.getStatusCode()).isEqualTo(404);
        assertThat(none.getContent()).isEmpty();
        assertThat(none.getHeader("Vary")).isEqualTo("Accept");
    }

    @Test
    void aBodyThatDoesNotFitTheTypeIsAProblemToo() {
        record Line(String sku, int quantity) {
        }
        App app = new App();
        app.getRespOptions().setProblemDetails(true);
        app.addRoute("/lines", new Object() {
            public void onPost(Request req, Response resp) {
                req.getMedia(Line.class);
            }
        });
        Result r = new TestClient(app).simulatePost("/lines", Simulate.with().body("{\"quantity\": \"x\"}"));
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getJsonMap()).containsEntry("title", "Invalid JSON").containsEntry("status", 400)
                .containsEntry("detail", "Could not parse JSON body - field 'quantity': expected an integer,"
                        + " got \"x\": line 1 column 14");
    }

    @Test
    void aCustomSerializerStillWins() {
        App app = new App();
        app.getRespOptions().setProblemDetails(true);
        app.setErrorSerializer((req, resp, error) -> resp.setText("custom"));
        Result r = new TestClient(app).simulateGet("/nowhere");
        assertThat(r.getText()).isEqualTo("custom");
    }
}

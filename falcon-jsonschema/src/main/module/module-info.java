/** Falcon's validate hooks: request and response media checked against JSON Schemas. */
module falcon.jsonschema {
    requires transitive falcon.core;
    requires com.networknt.schema;

    exports falcon.media.validators.jsonschema;
}

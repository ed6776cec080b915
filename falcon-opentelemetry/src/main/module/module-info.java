/** OpenTelemetry for a Falcon App: server spans named by route template, W3C propagation, metrics. */
module falcon.opentelemetry {
    requires transitive falcon.core;
    requires transitive io.opentelemetry.api;
    requires io.opentelemetry.context;

    exports falcon.opentelemetry;
}

"""Records what Falcon 3.1.1's inspect module prints for the app shapes of InspectTest.

Run with Falcon 3.1.1 (Debian python3-falcon): python3 record.py
It writes one <shape>[-flags].txt per shape and flag set next to itself; InspectTest compares
Falcon for Java's output with these files, after turning Python names into Java ones
(on_get -> onGet, process_request -> processRequest, (?P<name> -> (?<name>). Each app below has
the same shape as its Java twin in InspectTest: same class names, templates, methods, order.
Verbose output holds source paths of this machine, so it is not recorded.
"""
import os

import falcon
from falcon.inspect import inspect_app, inspect_routes, StringVisitor

HERE = os.path.dirname(os.path.abspath(__file__))


class ThingsResource:
    def on_get(self, req, resp):
        pass

    def on_post(self, req, resp):
        pass


class ThingResource:
    def on_get(self, req, resp, thingId):
        pass

    def on_put(self, req, resp, thingId):
        pass

    def on_delete(self, req, resp, thingId):
        pass

    def on_get_collection(self, req, resp):
        pass


class FileResource:
    def on_get(self, req, resp, name, ext):
        pass


class HealthResource:
    def on_get(self, req, resp):
        pass

    def on_head(self, req, resp):
        pass

    def on_options(self, req, resp):
        pass


class RequestLogger:
    def process_request(self, req, resp):
        pass


class Auth:
    def process_request(self, req, resp):
        pass

    def process_resource(self, req, resp, resource, params):
        pass


class Timer:
    def process_request(self, req, resp):
        pass

    def process_resource(self, req, resp, resource, params):
        pass

    def process_response(self, req, resp, resource, req_succeeded):
        pass


class Compressor:
    def process_response(self, req, resp, resource, req_succeeded):
        pass


class ProxySink:
    def __call__(self, req, resp, **kwargs):
        pass


class LegacySink:
    def __call__(self, req, resp, **kwargs):
        pass


class ValidationError(Exception):
    pass


class ValidationHandler:
    def __call__(self, req, resp, ex, params):
        pass


class StorageError(Exception):
    pass


class StorageHandler:
    def __call__(self, req, resp, ex, params):
        pass


def empty_app():
    return falcon.App()


def routes_app():
    app = falcon.App()
    app.add_route('/things', ThingsResource())
    things = ThingResource()
    app.add_route('/things/{thingId:int}', things)
    app.add_route('/things/all', things, suffix='collection')
    app.add_route('/files/{name}.{ext}', FileResource())
    app.add_route('/health', HealthResource())
    return app


def full_app(independent=True):
    app = falcon.App(
        middleware=[RequestLogger(), Auth(), Timer(), Compressor()],
        independent_middleware=independent,
    )
    app.add_route('/things', ThingsResource())
    app.add_route('/things/{thingId:int}', ThingResource())
    app.add_static_route('/static', '/var/www/static')
    app.add_static_route('/assets', '/var/www/assets')
    app.add_sink(ProxySink(), '/proxy')
    app.add_sink(LegacySink(), r'/legacy/(?P<version>v\d+)')
    app.add_error_handler(ValidationError, ValidationHandler())
    app.add_error_handler(StorageError, StorageHandler())
    return app


def response_only_app():
    return falcon.App(middleware=[Compressor(), Compressor()])


SHAPES = {
    'empty': empty_app,
    'routes': routes_app,
    'full': full_app,
    'full-dependent': lambda: full_app(False),
    'response-only': response_only_app,
}


def write(name, text):
    with open(os.path.join(HERE, name + '.txt'), 'w', encoding='utf-8') as f:
        f.write(text + '\n')


def main():
    assert falcon.__version__ == '3.1.1', falcon.__version__
    for shape, make in SHAPES.items():
        app = make()
        write(shape, inspect_app(app).to_string())
        write(shape + '-internal', inspect_app(app).to_string(internal=True))
        write(shape + '-named', inspect_app(app).to_string(name='My App'))
        visitor = StringVisitor(False, False)
        # falcon-inspect-app -r prints each route on its own
        write(shape + '-routes', '\n'.join(visitor.process(r) for r in inspect_routes(app)))


if __name__ == '__main__':
    main()

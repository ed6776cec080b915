"""Records what Falcon 3.1.1's falcon-inspect-app prints for the manual's two tutorial apps.

Run with Falcon 3.1.1 (Debian python3-falcon): python3 record.py
It writes <app>[-flags].txt next to itself; InspectExamplesTest compares the output of
bin/falcon-inspect-app's main class for examples.things.Main::createApp and
examples.thingsadvanced.Main::createApp with these files, after turning Python names into
Java ones (on_get -> onGet, user_id -> userId, (?P<name> -> (?<name>). The apps are the
manual's (examples/things.py and things_advanced.py), bodies left out: only their shape counts.
Verbose output holds source paths of this machine, so it is not recorded.
"""
import os
import subprocess
import sys

import falcon

HERE = os.path.dirname(os.path.abspath(__file__))


class ThingsResource:
    def on_get(self, req, resp):
        pass


things = falcon.App()
things.add_route('/things', ThingsResource())


class StorageError(Exception):
    @staticmethod
    def handle(req, resp, ex, params):
        pass


class SinkAdapter:
    def __call__(self, req, resp, engine):
        pass


class AuthMiddleware:
    def process_request(self, req, resp):
        pass


class RequireJSON:
    def process_request(self, req, resp):
        pass


class JSONTranslator:
    def process_request(self, req, resp):
        pass

    def process_response(self, req, resp, resource, req_succeeded):
        pass


def max_body(limit):
    def hook(req, resp, resource, params):
        pass

    return hook


class ThingsAdvancedResource:
    def on_get(self, req, resp, user_id):
        pass

    @falcon.before(max_body(64 * 1024))
    def on_post(self, req, resp, user_id):
        pass


ThingsAdvancedResource.__name__ = 'ThingsResource'

advanced = falcon.App(middleware=[AuthMiddleware(), RequireJSON(), JSONTranslator()])
advanced.add_route('/{user_id}/things', ThingsAdvancedResource())
advanced.add_error_handler(StorageError, StorageError.handle)
advanced.add_sink(SinkAdapter(), r'/search/(?P<engine>ddg|y)\Z')

FLAGS = {'': [], '-r': ['-r'], '-i': ['-i'], '-r-i': ['-r', '-i']}


def main():
    assert falcon.__version__ == '3.1.1', falcon.__version__
    for name in ('things', 'advanced'):
        for suffix, flags in FLAGS.items():
            # The command itself, as a user runs it: falcon-inspect-app record:things
            text = subprocess.run(
                [sys.executable, '-m', 'falcon.cmd.inspect_app', *flags, 'record:' + name],
                cwd=HERE, check=True, capture_output=True, text=True,
            ).stdout
            target = 'thingsadvanced' if name == 'advanced' else name
            with open(os.path.join(HERE, target + suffix + '.txt'), 'w', encoding='utf-8') as f:
                f.write(text)


if __name__ == '__main__':
    main()

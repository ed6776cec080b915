# Records CORS responses from real Falcon 3.1.1 into a fixture for CORSMiddlewareTest.
import falcon, falcon.testing, json, logging, os
logging.disable(logging.CRITICAL)
class R:
    def on_get(self, req, resp):
        resp.media = {'ok': True}
        if req.get_param('own'): resp.set_header('Access-Control-Allow-Origin', 'http://own')
    def on_post(self, req, resp):
        raise falcon.HTTPForbidden()
    def on_delete(self, req, resp):
        raise ValueError('x')
out = []
for label, kw in [('enable', dict(cors_enable=True)),
                  ('list', dict(middleware=[falcon.CORSMiddleware(allow_origins=['http://a.example', 'http://b.example'], expose_headers=['X-One', 'X-Two'], allow_credentials=['http://b.example'])])),
                  ('credStar', dict(middleware=[falcon.CORSMiddleware(allow_credentials='*', expose_headers='X-Only')])),
                  ('single', dict(middleware=[falcon.CORSMiddleware(allow_origins='http://a.example', allow_credentials='http://a.example')]))]:
    app = falcon.App(**kw)
    app.add_route('/r', R())
    c = falcon.testing.TestClient(app)
    def rec(name, method, path, headers, params=None):
        r = c.simulate_request(method, path, headers=headers, params=params)
        out.append({'config': label, 'request': name, 'method': method, 'path': path, 'headers': headers, 'params': params or {},
                    'status': r.status_code, 'responseHeaders': dict(r.headers), 'text': r.text})
    A = 'http://a.example'
    rec('get-no-origin', 'GET', '/r', {})
    rec('get-a', 'GET', '/r', {'Origin': A})
    rec('get-b', 'GET', '/r', {'Origin': 'http://b.example'})
    rec('get-evil', 'GET', '/r', {'Origin': 'http://evil'})
    rec('get-own', 'GET', '/r', {'Origin': A}, {'own': '1'})
    rec('preflight', 'OPTIONS', '/r', {'Origin': A, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'X-Foo, Content-Type'})
    rec('preflight-b-no-headers', 'OPTIONS', '/r', {'Origin': 'http://b.example', 'Access-Control-Request-Method': 'DELETE'})
    rec('options-not-preflight', 'OPTIONS', '/r', {'Origin': A})
    rec('preflight-404', 'OPTIONS', '/nope', {'Origin': A, 'Access-Control-Request-Method': 'POST'})
    rec('get-404', 'GET', '/nope', {'Origin': A})
    rec('post-403', 'POST', '/r', {'Origin': A})
    rec('delete-500', 'DELETE', '/r', {'Origin': A})
    rec('put-405', 'PUT', '/r', {'Origin': A})
    rec('preflight-evil', 'OPTIONS', '/r', {'Origin': 'http://evil', 'Access-Control-Request-Method': 'POST'})
    rec('head-a', 'HEAD', '/r', {'Origin': A})
json.dump(out, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cors-falcon-3.1.1.json'), 'w'), indent=1)
print(len(out))

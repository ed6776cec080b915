# Records multipart parsing outcomes from real Falcon 3.1.1 into a fixture for MultipartFormTest.
import falcon, falcon.testing, json, base64, os, re
exec(open('mp.py').read().split("app = falcon.App()")[0].split("print(hasattr")[0])
src = open('mp.py').read()
R_src = src[src.index('class R:'):src.index('app = falcon.App()')]
exec(R_src)
app = falcon.App(); app.add_route('/s', R()); c = falcon.testing.TestClient(app)
cases = []
def run(label, body, ct='multipart/form-data; boundary=BOUND', mode=None):
    if isinstance(body, str): body = body.encode()
    r = c.simulate_post('/s', body=body, headers={'Content-Type': ct} if ct else {}, params={'mode': mode} if mode else None)
    if label == 'empty-body' or len(body) > 100000: return
    text = r.text if len(r.text) < 2000 else None
    cases.append({'label': label, 'body': base64.b64encode(body).decode(), 'contentType': ct, 'mode': mode, 'status': r.status_code, 'text': text})
lines = src[src.index("ok = '--BOUND"):].split('\n')
code = '\n'.join(l for l in lines if not l.startswith('r = c.simulate_post') and not l.startswith('print('))
exec(code)
json.dump(cases, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'multipart-falcon-3.1.1.json'), 'w'), indent=1)
print(len(cases))

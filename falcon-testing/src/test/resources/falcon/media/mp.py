import falcon, falcon.testing, json, sys
print(hasattr(falcon,'MultipartParseError'), hasattr(falcon, 'MediaValidationError'))
class R:
    def on_post(self, req, resp):
        out = []
        form = req.get_media()
        for part in form:
            d = {'name': part.name, 'filename': part.filename, 'ct': part.content_type}
            mode = req.get_param('mode')
            if mode == 'text':
                d['text'] = part.text
            elif mode == 'media':
                d['media'] = part.media
            elif mode == 'secure':
                d['secure'] = part.secure_filename
            elif mode == 'skip':
                pass
            else:
                d['data'] = part.data.decode('latin1')
            out.append(d)
        resp.media = out
app = falcon.App()
app.add_route('/s', R())
c = falcon.testing.TestClient(app)
def run(label, body, ct='multipart/form-data; boundary=BOUND', mode=None):
    if isinstance(body, str): body = body.encode()
    r = c.simulate_post('/s', body=body, headers={'Content-Type': ct} if ct else {}, params={'mode': mode} if mode else None)
    print('##', label, r.status, r.text)
ok = '--BOUND\r\nContent-Disposition: form-data; name="a"\r\n\r\nhello\r\n--BOUND\r\nContent-Disposition: form-data; name="f"; filename="x y.txt"\r\nContent-Type: text/plain\r\n\r\nfile data\r\n--BOUND--\r\n'
run('ok', ok)
run('ok-text', ok, mode='text')
run('no-final-crlf', ok[:-2])
run('prologue', 'preamble junk\r\n' + ok)
run('epilogue', ok + 'epilogue stuff')
run('truncated-mid-part', ok[:60])
run('truncated-no-close', ok[:-10])
run('no-boundary', ok, ct='multipart/form-data')
run('boundary-71', ok, ct='multipart/form-data; boundary=' + 'a'*71)
run('empty-body', '')
run('garbage', 'garbage without any boundary')
run('bad-separator', '--BOUNDxx\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n--BOUND--\r\n')
run('no-headers', '--BOUND\r\n\r\nval\r\n--BOUND--\r\n')
run('header-no-space', '--BOUND\r\nContent-Disposition:form-data; name="a"\r\n\r\nv\r\n--BOUND--\r\n')
run('cte-base64', '--BOUND\r\nContent-Disposition: form-data; name="a"\r\nContent-Transfer-Encoding: base64\r\n\r\nv\r\n--BOUND--\r\n')
run('cte-binary', '--BOUND\r\nContent-Disposition: form-data; name="a"\r\nContent-Transfer-Encoding: binary\r\n\r\nv\r\n--BOUND--\r\n')
run('huge-headers', '--BOUND\r\nContent-Disposition: form-data; name="a"\r\nX-Pad: ' + 'p'*9000 + '\r\n\r\nv\r\n--BOUND--\r\n')
many = ''.join('--BOUND\r\nContent-Disposition: form-data; name="p%d"\r\n\r\nv\r\n' % i for i in range(65)) + '--BOUND--\r\n'
run('65-parts', many, mode='skip')
many64 = ''.join('--BOUND\r\nContent-Disposition: form-data; name="p%d"\r\n\r\nv\r\n' % i for i in range(64)) + '--BOUND--\r\n'
r = c.simulate_post('/s', body=many64, headers={'Content-Type': 'multipart/form-data; boundary=BOUND'}, params={'mode':'skip'}); print('## 64-parts', r.status)
run('too-large-data', '--BOUND\r\nContent-Disposition: form-data; name="a"\r\n\r\n' + 'x'*(1024*1024+1) + '\r\n--BOUND--\r\n', mode=None)
r = c.simulate_post('/s', body='--BOUND\r\nContent-Disposition: form-data; name="a"\r\n\r\n' + 'x'*(1024*1024) + '\r\n--BOUND--\r\n', headers={'Content-Type': 'multipart/form-data; boundary=BOUND'}); print('## exactly-1MiB', r.status)
run('bad-charset', '--BOUND\r\nContent-Disposition: form-data; name="a"\r\nContent-Type: text/plain; charset=nope\r\n\r\nv\r\n--BOUND--\r\n', mode='text')
run('bad-utf8', b'--BOUND\r\nContent-Disposition: form-data; name="a"\r\n\r\n\xff\xfe\r\n--BOUND--\r\n', mode='text')
run('latin1', b'--BOUND\r\nContent-Disposition: form-data; name="a"\r\nContent-Type: text/plain; charset=latin-1\r\n\r\n\xe9\r\n--BOUND--\r\n', mode='text')
run('text-of-json', '--BOUND\r\nContent-Disposition: form-data; name="a"\r\nContent-Type: application/json\r\n\r\n{"x": 1}\r\n--BOUND--\r\n', mode='text')
run('media-json', '--BOUND\r\nContent-Disposition: form-data; name="a"\r\nContent-Type: application/json\r\n\r\n{"x": 1}\r\n--BOUND--\r\n', mode='media')
run('media-badjson', '--BOUND\r\nContent-Disposition: form-data; name="a"\r\nContent-Type: application/json\r\n\r\n{"x": \r\n--BOUND--\r\n', mode='media')
run('media-text', '--BOUND\r\nContent-Disposition: form-data; name="a"\r\n\r\nhi\r\n--BOUND--\r\n', mode='media')
run('media-form', '--BOUND\r\nContent-Disposition: form-data; name="a"\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nx=1&y=2\r\n--BOUND--\r\n', mode='media')
run('secure', '--BOUND\r\nContent-Disposition: form-data; name="a"; filename="../../etc/p\xc3\xa5sswd .txt"\r\n\r\nhi\r\n--BOUND--\r\n'.encode('latin1'), mode='secure')
run('secure-empty', '--BOUND\r\nContent-Disposition: form-data; name="a"; filename=""\r\n\r\nhi\r\n--BOUND--\r\n', mode='secure')
run('secure-none', '--BOUND\r\nContent-Disposition: form-data; name="a"\r\n\r\nhi\r\n--BOUND--\r\n', mode='secure')
run('secure-dot', '--BOUND\r\nContent-Disposition: form-data; name="a"; filename=".hidden.tar.gz"\r\n\r\nhi\r\n--BOUND--\r\n', mode='secure')
run('filename-star', "--BOUND\r\nContent-Disposition: form-data; name=\"a\"; filename*=utf-8''%E2%82%AC%20rates.txt\r\n\r\nhi\r\n--BOUND--\r\n")
run('filename-star-badcs', "--BOUND\r\nContent-Disposition: form-data; name=\"a\"; filename*=nope''abc\r\n\r\nhi\r\n--BOUND--\r\n")
run('no-name', '--BOUND\r\nContent-Disposition: form-data\r\n\r\nhi\r\n--BOUND--\r\n')
run('no-cd', '--BOUND\r\nContent-Type: text/plain\r\n\r\nhi\r\n--BOUND--\r\n')
run('quoted-boundary', ok, ct='multipart/form-data; boundary="BOUND"')
run('boundary-trailing-space', ok, ct='multipart/form-data; boundary="BOUND  "')
run('empty-form', '--BOUND--\r\n')
run('crlf-in-data', '--BOUND\r\nContent-Disposition: form-data; name="a"\r\n\r\nline1\r\n--BOUNDARY-not\r\n\r\n--BOUND--\r\n')
run('lf-only', ok.replace('\r\n', '\n'))
run('uppercase-headers', '--BOUND\r\nCONTENT-DISPOSITION: form-data; name="a"\r\n\r\nhi\r\n--BOUND--\r\n')
run('header-value-semicolon-quoted', '--BOUND\r\nContent-Disposition: form-data; name="a;b"; filename="c\\"d.txt"\r\n\r\nhi\r\n--BOUND--\r\n')
run('whitespace-after-boundary', '--BOUND  \r\nContent-Disposition: form-data; name="a"\r\n\r\nhi\r\n--BOUND--\r\n')

#!/usr/bin/python3
"""Records Falcon 3.1.1's answers to the conformance corpus.

Starts app.py's six apps under gunicorn (conformance/falcon/app.py, a copy of the reference app),
sends every block of src/test/resources/corpus.txt over a raw socket and writes
src/test/resources/recorded/falcon-3.1.1.json: for each request, the exact request bytes and the
answer (status line, headers in order, body). The replay test (ConformanceReplayTest) sends the
same bytes to the Java port and compares. Run through ./record (Debian's /usr/bin/python3 with
python3-falcon and python3-gunicorn).
"""
import base64
import json
import os
import re
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(HERE, 'src', 'test', 'resources', 'corpus.txt')
OUT = os.path.join(HERE, 'src', 'test', 'resources', 'recorded', 'falcon-3.1.1.json')
APPS = ['app', 'app_opts', 'app_cors', 'app_corsmw', 'app_mw', 'app_mwdep']


def unescape(text):
    """\\xHH -> byte, \\r, \\n, \\\\; everything else is UTF-8 text."""
    out = bytearray()
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == '\\' and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt == 'x':
                out.append(int(text[i + 2:i + 4], 16))
                i += 4
                continue
            if nxt in 'rn\\':
                out += {'r': b'\r', 'n': b'\n', '\\': b'\\'}[nxt]
                i += 2
                continue
        out += ch.encode('utf-8')
        i += 1
    return bytes(out)


def parse_corpus(path):
    """Returns [(id, app offset, request bytes)] in file order (the rules are in corpus.txt's header)."""
    blocks = []
    current = None
    with open(path, encoding='utf-8') as f:
        for line in f.read().split('\n'):
            if line.startswith('=== '):
                parts = line[4:].split()
                current = {'id': parts[0], 'app': int(parts[1]), 'raw': 'raw' in parts[2:], 'lines': []}
                blocks.append(current)
            elif current is not None:
                current['lines'].append(line)
            elif line and not line.startswith('#'):
                raise ValueError('text outside a block: ' + line)
    result = []
    seen = set()
    for b in blocks:
        if b['id'] in seen:
            raise ValueError('duplicate id ' + b['id'])
        seen.add(b['id'])
        lines = b['lines']
        while lines and lines[-1] == '':
            lines.pop()
        if b['raw']:
            result.append((b['id'], b['app'], unescape(''.join(lines))))
            continue
        if '' in lines:
            split = lines.index('')
            head, body_lines = lines[:split], lines[split + 1:]
            body_text = '\r\n'.join(body_lines)
        else:
            head, body_text = lines, None
        headers = head[1:]
        body = b''
        chunked = False
        if body_text is not None:
            if body_text.startswith('@chunked '):
                data = unescape(body_text[len('@chunked '):])
                half = len(data) // 2
                body = b''
                for piece in (data[:half], data[half:]):
                    if piece:
                        body += b'%x\r\n' % len(piece) + piece + b'\r\n'
                body += b'0\r\n\r\n'
                chunked = True
            elif body_text.startswith('@raw '):
                body = unescape(body_text[len('@raw '):])
            else:
                body = unescape(body_text)
        out_headers = []
        for h in headers:
            if h.lower() == 'content-length: auto':
                h = 'Content-Length: %d' % len(body)
            out_headers.append(h)
        if not any(h.lower().startswith('connection:') for h in out_headers):
            out_headers.append('Connection: close')
        req = unescape(head[0]) + b'\r\n'
        for h in out_headers:
            req += unescape(h) + b'\r\n'
        req += b'\r\n' + body
        result.append((b['id'], b['app'], req))
    return result


def exchange(port, data, timeout=5.0):
    """Sends data, reads until the server closes (or timeout); returns (bytes, timed_out)."""
    s = socket.create_connection(('127.0.0.1', port))
    s.settimeout(timeout)
    try:
        s.sendall(data)
        chunks = []
        timed_out = False
        while True:
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                timed_out = True
                break
            except ConnectionResetError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b''.join(chunks), timed_out
    finally:
        s.close()


def dechunk(data):
    out = b''
    while True:
        line, _, rest = data.partition(b'\r\n')
        size = int(line.split(b';')[0], 16)
        if size == 0:
            return out
        out += rest[:size]
        data = rest[size + 2:]


def parse_response(raw, method):
    """Splits a response into status line, [name, value] headers (latin-1) and body; None if empty."""
    if not raw:
        return {'status_line': None, 'headers': [], 'framing': 'none', 'body': ''}
    head, sep, body = raw.partition(b'\r\n\r\n')
    lines = head.decode('latin-1').split('\r\n')
    interim = []
    # An interim answer (100 Continue to "Expect: 100-continue") is the server's, not Falcon's:
    # kept for the record, the final answer follows it.
    while len(lines) == 1 and re.match(r'HTTP/\d\.\d 1\d\d ', lines[0]) and body:
        interim.append(lines[0])
        head, sep, body = body.partition(b'\r\n\r\n')
        lines = head.decode('latin-1').split('\r\n')
    headers = []
    for line in lines[1:]:
        name, _, value = line.partition(':')
        headers.append([name, value.strip(' \t')])
    names = {h[0].lower(): h[1] for h in headers}
    framing = 'close'
    if 'transfer-encoding' in names and 'chunked' in names['transfer-encoding'].lower():
        framing = 'chunked'
        body = dechunk(body) if method != 'HEAD' else b''
    elif 'content-length' in names:
        framing = 'length'
    entry = {'status_line': lines[0], 'headers': headers, 'framing': framing}
    if interim:
        entry['interim'] = interim
    try:
        entry['body'] = body.decode('utf-8')
    except UnicodeDecodeError:
        entry['body_base64'] = base64.b64encode(body).decode('ascii')
    return entry


def wait_for(port, deadline=20.0):
    start = time.time()
    while time.time() - start < deadline:
        try:
            socket.create_connection(('127.0.0.1', port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError('gunicorn did not start on port %d' % port)


def main():
    base = int(sys.argv[1]) if len(sys.argv) > 1 else 18800
    conformance_dir = os.path.join(HERE, 'falcon')
    corpus = parse_corpus(CORPUS)
    procs = []
    try:
        for offset, name in enumerate(APPS):
            procs.append(subprocess.Popen(
                ['/usr/bin/python3', '-m', 'gunicorn', '--workers', '1', '--bind', '127.0.0.1:%d' % (base + offset),
                 '--log-level', 'warning', 'app:' + name],
                cwd=conformance_dir))
        for offset in range(len(APPS)):
            wait_for(base + offset)
        results = []
        for rid, app, req in corpus:
            method = req.split(b' ', 1)[0].decode('latin-1')
            raw, timed_out = exchange(base + app, req)
            entry = {'id': rid, 'app': app, 'request_base64': base64.b64encode(req).decode('ascii')}
            entry.update(parse_response(raw, method))
            if timed_out:
                entry['timed_out'] = True
            results.append(entry)
        os.makedirs(os.path.dirname(OUT), exist_ok=True)
        with open(OUT, 'w', encoding='utf-8') as f:
            json.dump({'falcon': '3.1.1', 'server': 'gunicorn', 'base_port': base, 'responses': results}, f, indent=1, ensure_ascii=False)
            f.write('\n')
        print('recorded %d responses into %s' % (len(results), os.path.relpath(OUT, ROOT)))
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait()


if __name__ == '__main__':
    main()

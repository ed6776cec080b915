#!/usr/bin/env python3
"""Bounded load for deploy/rolling-restart: REQUESTS GETs from CLIENTS keep-alive clients.

Usage: load.py URL REQUESTS CLIENTS PAUSE_MS
Prints "N requests, M failed" (a failure: an exception or a status other than 200) and exits 1
when M > 0. Each client pauses PAUSE_MS between its requests, so that the run lasts long enough
for the restarts it is meant to overlap.
"""
import http.client
import sys
import threading
import time
import urllib.parse


def main():
    url, total, clients, pause_ms = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    parts = urllib.parse.urlsplit(url)
    path = parts.path or "/"
    lock = threading.Lock()
    counts = {"done": 0, "failed": 0}
    failures = []

    def client(n):
        conn = None
        for _ in range(n):
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                conn.request("GET", path)
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
                detail = "status %d" % resp.status
                if resp.getheader("connection", "").lower() == "close":
                    conn.close()
                    conn = None
            except Exception as ex:  # a reset, a refused connection: counted, and a new connection
                ok = False
                detail = repr(ex)
                if conn is not None:
                    conn.close()
                conn = None
            with lock:
                counts["done"] += 1
                if not ok:
                    counts["failed"] += 1
                    if len(failures) < 10:
                        failures.append(detail)
            if pause_ms > 0:
                time.sleep(pause_ms / 1000.0)

    share = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]
    threads = [threading.Thread(target=client, args=(n,)) for n in share]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    for f in failures:
        print("failure: " + f)
    print("%d requests, %d failed (%.1f s, %.0f requests/s)"
          % (counts["done"], counts["failed"], elapsed, counts["done"] / elapsed))
    sys.exit(1 if counts["failed"] else 0)


if __name__ == "__main__":
    main()

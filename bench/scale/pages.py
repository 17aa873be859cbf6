#!/usr/bin/env python3
"""Deep pages of a collection: follows nextCursor from the first page to page PAGES (one keep-alive connection,
one request at a time, the default limit), printing how long the walk took and how long every thousandth page took on
the way; then times the first page and page PAGES REPEAT times each, alternately, and prints p50/p99 of both and the
ratio of the p50s. Cursors are signed by the service, so the only way to page PAGES is to walk there.

    pages.py http://127.0.0.1:18092 /cases "$TOKEN" 10000 50

Output: lines "key value", for run.sh to read (walk_s, page_1_p50_ms, page_1_p99_ms, page_N_p50_ms, page_N_p99_ms,
ratio_p50), and progress lines starting with '#'.
"""
import http.client
import json
import sys
import time
import urllib.parse


def main():
    base, path, token, pages, repeat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    url = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
    headers = {"Authorization": "Bearer " + token, "Accept": "application/json"}

    def get(cursor):
        target = path if cursor is None else path + "?cursor=" + urllib.parse.quote(cursor)
        start = time.perf_counter()
        connection.request("GET", target, headers=headers)
        response = connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - start
        if response.status != 200:
            sys.exit(f"GET {target}: {response.status} {body[:500]!r}")
        page = json.loads(body)
        return elapsed, page.get("nextCursor"), len(page["items"])

    walk_start = time.perf_counter()
    cursor = None
    cursor_of_last = None  # the cursor that gives page `pages`
    for number in range(1, pages + 1):
        cursor_of_last = cursor
        elapsed, cursor, items = get(cursor)
        if number % 1000 == 0 or number == 1:
            print(f"# page {number:6d}: {elapsed * 1000:8.1f} ms, {items} items, "
                  f"{time.perf_counter() - walk_start:7.1f} s into the walk", flush=True)
        if cursor is None and number < pages:
            sys.exit(f"the collection ends at page {number}, before page {pages}")
    print(f"walk_s {time.perf_counter() - walk_start:.1f}")

    first, last = [], []
    for _ in range(repeat):
        first.append(get(None)[0] * 1000)
        last.append(get(cursor_of_last)[0] * 1000)

    def percentile(values, p):
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    for name, values in (("page_1", first), ("page_N", last)):
        print(f"{name}_p50_ms {percentile(values, 50):.2f}")
        print(f"{name}_p99_ms {percentile(values, 99):.2f}")
    print(f"ratio_p50 {percentile(last, 50) / percentile(first, 50):.2f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Deep pages of a collection at the default limit (20): times the first page and page PAGES REPEAT times each,
alternately, and prints p50/p99 of both and the ratio of the p50s.

Cursors are signed by the service, so page PAGES is reached in one of two ways:
  walk  follow nextCursor from the first page, one request at a time on one keep-alive connection, printing how long
        the walk took and every thousandth page's time on the way;
  seeds (the default; much quicker when deep pages are slow) a file of lines "N<TAB>S<TAB>url", each url a filtered
        page of the same collection whose last item is the last item of page S - 1 in the unfiltered order, so that
        its nextCursor, issued by the service for that collection, is the cursor of page S (the cursor carries the
        keyset position only, and is signed per collection, not per filter); from there nextCursor is followed to
        page N (S is N or a few pages before it: a filtered page gives a cursor only when more items follow). Each
        page N is timed (median of 3), and the walk's time is estimated from them (trapezoids, page 1 included).

    pages.py http://127.0.0.1:18092 /cases "$TOKEN" 10000 50 walk
    pages.py http://127.0.0.1:18092 /cases "$TOKEN" 10000 50 seeds.tsv

Output: lines "key value" for run.sh (walk_s or walk_estimate_s, page_1_p50_ms, page_1_p99_ms, page_N_p50_ms,
page_N_p99_ms, ratio_p50), and progress lines starting with '#'.
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse


def main():
    base, path, token = sys.argv[1], sys.argv[2], sys.argv[3]
    pages, repeat, mode = int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
    url = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
    headers = {"Authorization": "Bearer " + token, "Accept": "application/json"}

    def get(target):
        start = time.perf_counter()
        connection.request("GET", target, headers=headers)
        response = connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - start
        if response.status != 200:
            sys.exit(f"GET {target}: {response.status} {body[:500]!r}")
        page = json.loads(body)
        return elapsed, page.get("nextCursor"), len(page["items"])

    def at(cursor):
        return path if cursor is None else path + "?cursor=" + urllib.parse.quote(cursor)

    if mode == "walk":
        walk_start = time.perf_counter()
        cursor = None
        cursor_of_last = None  # the cursor that gives page `pages`
        for number in range(1, pages + 1):
            cursor_of_last = cursor
            elapsed, cursor, items = get(at(cursor))
            if number % 1000 == 0 or number == 1:
                print(f"# page {number:6d}: {elapsed * 1000:8.1f} ms, {items} items, "
                      f"{time.perf_counter() - walk_start:7.1f} s into the walk", flush=True)
            if cursor is None and number < pages:
                sys.exit(f"the collection ends at page {number}, before page {pages}")
        print(f"walk_s {time.perf_counter() - walk_start:.1f}")
    else:
        samples = [(1, statistics.median(get(at(None))[0] for _ in range(3)))]
        cursor_of_last = None
        with open(mode) as seeds:
            for line in seeds:
                number, seed, target = line.split("\t")
                number = int(number)
                _, cursor, _ = get(target.strip())
                for _ in range(number - int(seed)):
                    _, cursor, _ = get(at(cursor))
                elapsed = [get(at(cursor)) for _ in range(3)]
                if elapsed[0][2] != 20:
                    sys.exit(f"page {number} has {elapsed[0][2]} items")
                samples.append((number, statistics.median(e[0] for e in elapsed)))
                print(f"# page {number:6d}: {samples[-1][1] * 1000:8.1f} ms (median of 3)", flush=True)
                if number == pages:
                    cursor_of_last = cursor
        if cursor_of_last is None:
            sys.exit(f"no seed for page {pages}")
        estimate = sum((b[0] - a[0]) * (a[1] + b[1]) / 2 for a, b in zip(samples, samples[1:]))
        print(f"walk_estimate_s {estimate:.1f}")

    first, last = [], []
    for _ in range(repeat):
        first.append(get(at(None))[0] * 1000)
        last.append(get(at(cursor_of_last))[0] * 1000)

    def percentile(values, p):
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    for name, values in (("page_1", first), ("page_N", last)):
        print(f"{name}_p50_ms {percentile(values, 50):.2f}")
        print(f"{name}_p99_ms {percentile(values, 99):.2f}")
    print(f"ratio_p50 {percentile(last, 50) / percentile(first, 50):.2f}")


if __name__ == "__main__":
    main()

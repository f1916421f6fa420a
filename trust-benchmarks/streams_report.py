#!/usr/bin/env python3
"""Prints the Kafka Streams benchmarks' figures from JMH's JSON result: every shot, and the fold
against the count per key of the same run.

usage: streams_report.py jmh.json [load-average-line ...]

For StreamsBenchmark (TopologyTestDriver) and StreamsBrokerBenchmark (a real broker): each
measured shot of topologyFold and countPerKey in microseconds per event, their means and medians
as events per second, and fold / count by means, by medians and by the fastest shots; ledgerAppend
for context. Standard library only; prints nothing when the run had no Streams benchmark.
"""
import json
import statistics
import sys

PKG = "dev.trustbucket.benchmarks."


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        runs = json.load(f)
    shots = {}
    for r in runs:
        name = r["benchmark"].removeprefix(PKG)
        cls, _, method = name.partition(".")
        if not cls.startswith("Streams"):
            continue
        params = ", ".join(f"{k}={v}" for k, v in sorted((r.get("params") or {}).items()))
        raw = [s for fork in r["primaryMetric"]["rawData"] for s in fork]
        forks = len(r["primaryMetric"]["rawData"])
        shots[(cls, params, method)] = (raw, forks)
    if not shots:
        return
    print()
    print("Kafka Streams: the trust fold against a count per key, same engine, store type and serdes")
    for line in sys.argv[2:]:
        print("  load average " + line)
    groups = sorted({(c, p) for c, p, _ in shots})
    for cls, params in groups:
        print(f"\n{cls} ({params or 'no parameters'}): microseconds per event, every measured shot")
        for method in ("topologyFold", "countPerKey", "ledgerAppend"):
            if (cls, params, method) not in shots:
                continue
            raw, forks = shots[(cls, params, method)]
            mean, median = statistics.fmean(raw), statistics.median(raw)
            print(f"  {method:13} mean {mean:9.2f} ({1e6 / mean:10,.0f} events/s)  median {median:9.2f}"
                  f"  fastest {min(raw):9.2f}  [{forks} fork(s)] " + " ".join(f"{s:.1f}" for s in raw))
        fold, count = shots.get((cls, params, "topologyFold")), shots.get((cls, params, "countPerKey"))
        if fold and count:
            f, c = fold[0], count[0]
            print(f"  fold / count: {statistics.fmean(f) / statistics.fmean(c):.2f}x by means, "
                  f"{statistics.median(f) / statistics.median(c):.2f}x by medians, "
                  f"{min(f) / min(c):.2f}x by the fastest shots (target: at most 2x)")


if __name__ == "__main__":
    main()

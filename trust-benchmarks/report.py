#!/usr/bin/env python3
"""Prints the Trust Bucket benchmark table from JMH's JSON result and MemoryFootprint's output.

usage: report.py [--smoke] [--label TEXT] jmh.json [memory.properties]

With --smoke the checks against the targets are shown but not judged: a smoke run is too short
(and its machine usually too busy) for its figures to mean anything.

Uses the standard library only. Ratios are taken within this one JMH run; absolute numbers
drift between runs and machines.
"""
import argparse
import json
import math
import os
import sys

PKG = "dev.trustbucket.benchmarks."


def num(v):
    """JMH writes NaN as the string "NaN" (e.g. the error of a single iteration)."""
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def load(path):
    with open(path, encoding="utf-8") as f:
        runs = json.load(f)
    out = {}
    for r in runs:
        name = r["benchmark"][len(PKG):] if r["benchmark"].startswith(PKG) else r["benchmark"]
        params = r.get("params") or {}
        key = name + "".join(f"[{k}={v}]" for k, v in sorted(params.items()))
        pm = r["primaryMetric"]
        alloc = None
        alloc_forks = []
        for k, v in (r.get("secondaryMetrics") or {}).items():
            if k.lstrip("\u00b7") == "gc.alloc.rate.norm":
                alloc = num(v["score"])
                alloc_forks = fork_means(v.get("rawData"))
        out[key] = {
            "score": num(pm["score"]),
            "error": num(pm.get("scoreError")),
            "unit": pm["scoreUnit"],
            "alloc": alloc,
            "threads": r.get("threads"),
            # JdbcRecordBenchmark's auxiliary counter: optimistic retries per second, all threads
            "retries": num(((r.get("secondaryMetrics") or {}).get("retries") or {}).get("score")),
            # a @Group benchmark's members (JdbcRecordBenchmark.pair: pairRaw, pairRecord)
            "members": {k: num(v.get("score")) for k, v in (r.get("secondaryMetrics") or {}).items()},
            # per fork (JVM), in run order: the mean of its measurement iterations
            "forks": fork_means(pm.get("rawData")),
            "alloc_forks": alloc_forks,
        }
    meta = runs[0] if runs else {}
    return out, meta


def fork_means(raw):
    """JMH's rawData holds one list of iteration scores per fork; returns each fork's mean."""
    out = []
    for fork in raw or []:
        vals = [x for x in (num(v) for v in fork) if x is not None]
        out.append(sum(vals) / len(vals) if vals else None)
    return out


def per_fork(ours, peer, alloc_of, what, peer_what):
    """A per-fork table: fork i of ours beside fork i of the peer from the same run, their ratio
    and ours' B/op in that fork (an allocation the JIT failed to remove shows here, whatever the load)."""
    n = max(len(ours["forks"]), len(peer["forks"]))
    lines = [f"{'fork':>4}  {what:>14}  {peer_what:>16}  {'ratio':>6}  {'B/op':>7}"]
    ratios = []
    for i in range(n):
        a = ours["forks"][i] if i < len(ours["forks"]) else None
        b = peer["forks"][i] if i < len(peer["forks"]) else None
        r = a / b if a and b else None
        if r is not None:
            ratios.append(r)
        alloc = alloc_of["alloc_forks"][i] if i < len(alloc_of["alloc_forks"]) else None
        lines.append(f"{i + 1:>4}  {fmt_per_sec(a):>14}  {fmt_per_sec(b):>16}  "
                     f"{(f'{r:.2f}' + chr(0xd7)) if r is not None else 'n/a':>6}  "
                     f"{(f'{alloc:,.1f}' if alloc >= 0.05 else '~0') if alloc is not None else 'n/a':>7}")
    return lines, ratios


def fmt_per_sec(v):
    return "n/a" if v is None else f"{v / 1e6:,.2f} M/s"


def load_memory(path):
    mem = {}
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if "=" in line:
                    k, v = line.strip().split("=", 1)
                    mem[k] = float(v)
    return mem


def fmt_score(m):
    s, unit = m["score"], m["unit"]
    if unit == "ops/s" and s < 1e5:  # database writes: thousands, not millions, a second
        text = f"{s:,.0f} ops/s"
    elif unit == "ops/s":
        text = f"{s / 1e6:,.2f} M/s"
    else:
        text = f"{s:,.1f} {unit}"
    err = m["error"]
    if err is not None and s:
        text += f" \u00b1{abs(err) / abs(s) * 100:.0f}%"
    return text


def fmt_alloc(m):
    a = m["alloc"]
    if a is None:
        return "n/a"
    return f"{a:,.1f}" if a >= 0.05 else "~0"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jmh_json")
    parser.add_argument("memory", nargs="?")
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--label", default="")
    args = parser.parse_args(argv[1:])
    res, meta = load(args.jmh_json)
    mem = load_memory(args.memory)
    label = args.label

    rows = []  # (section, what, score, B/op)
    notes = []  # (check, value, target, verdict): timed, so not judged in a smoke run
    memory_checks = []  # the same, from JOL: exact, judged in any run

    def row(section, what, key):
        m = res.get(key)
        if m:
            rows.append((section, what, fmt_score(m), fmt_alloc(m)))
        return m

    fork_tables = []  # (title, lines)
    ours = row("1 apply", "TrustBucket.plus(event)", "ApplyBenchmark.trustBucketApply")
    b4j = row("", "Bucket4j tryConsume(1)", "ApplyBenchmark.bucket4jTryConsume")
    row("", "raw update (context)", "ApplyBenchmark.rawApply")
    if ours and b4j:
        r = ours["score"] / b4j["score"]
        notes.append(("apply: ours \u00f7 Bucket4j, mean", f"{r:.2f}\u00d7", "\u2265 1.3\u00d7 (aim 2\u00d7)",
                      "ok" if r >= 1.3 else "MISSED"))
        lines, ratios = per_fork(ours, b4j, ours, "plus", "Bucket4j")
        fork_tables.append(("apply, per fork (fork i of each benchmark, same run)", lines))
        if ratios:
            worst = min(ratios)
            notes.append((f"apply: ours \u00f7 Bucket4j, worst of {len(ratios)} forks", f"{worst:.2f}\u00d7",
                          "\u2265 1.2\u00d7 in every fork", "ok" if worst >= 1.2 else "MISSED"))

    rep = row("2 replay 1M", "TrustLedger.replay(), per event", "ReplayBenchmark.ledgerReplay")
    raw = row("", "raw loop with Math.exp, per event", "ReplayBenchmark.rawLoop")
    if rep and raw:
        r = rep["score"] / raw["score"]
        ok = r >= 0.7
        notes.append(("replay: ours \u00f7 raw loop", f"{r:.2f}\u00d7", "\u2265 0.7\u00d7", "ok" if ok else "MISSED"))
        lines, _ = per_fork(rep, raw, rep, "replay", "raw loop")
        fork_tables.append(("replay, per fork (per event)", lines))
        a = rep["alloc"]
        if a is not None:
            notes.append(("replay: B per event", fmt_alloc(rep), "0 (no allocation per event)",
                          "ok" if a < 1 else "MISSED"))

    sizes = []
    for n in ("1000", "100000", "1000000"):
        m = row("3 stateAt" if n == "1000" else "", f"stateAt(random t), {int(n):,} events",
                f"StateAtBenchmark.stateAt[events={n}]")
        if m:
            sizes.append((int(n), m["score"]))
    if len(sizes) == 3:
        (n0, t0), (_, t1), (n2, t2) = sizes
        g = t2 / t0
        notes.append(("stateAt: time 1M \u00f7 time 1k", f"{g:.1f}\u00d7",
                      f"far below {n2 // n0}\u00d7 (linear); log n alone gives ~2\u00d7",
                      "ok" if g < 20 else "MISSED"))

    row("4 explain 10k", "Explanation.of(ledger, at)", "ExplainBenchmark.explanationOf")
    row("", "RecoveryForecast.untilTier(...)", "ExplainBenchmark.recoveryForecastUntilTier")

    row("5 record", "TrustAccount.record, @Threads(2)", "AccountBenchmark.record2Threads")
    mx = res.get("AccountBenchmark.recordMaxThreads")
    if mx:
        rows.append(("", f"TrustAccount.record, @Threads(MAX={mx['threads']})", fmt_score(mx), fmt_alloc(mx)))

    # 6 database: TrustStore.record on PostgreSQL beside a raw JDBC single-row update (same pool, same run)
    first = True
    for mode in ("OPTIMISTIC", "PESSIMISTIC"):
        for rel in ("one", "many"):
            p = f"[mode={mode}][relationships={rel}]"
            raw = row("6 database" if first else "", f"raw JDBC update, {rel}", "JdbcRecordBenchmark.rawUpdate1" + p)
            first = first and raw is None
            for t in ("1", "2", "8"):
                m = res.get(f"JdbcRecordBenchmark.record{t}" + p)
                if m:
                    first = False
                    rt = m.get("retries")
                    per = f", {rt / m['score']:.2f} retries/write" if rt is not None and m["score"] else ""
                    rows.append(("", f"record {mode.lower()}, {rel}, {t} writer(s){per}", fmt_score(m), fmt_alloc(m)))
            pair = res.get("JdbcRecordBenchmark.pair" + p)
            if pair and pair["members"].get("pairRaw") and pair["members"].get("pairRecord") is not None:
                raw_s, rec_s = pair["members"]["pairRaw"], pair["members"]["pairRecord"]
                rows.append(("6 database" if first else "", f"side by side ({mode.lower()}, {rel}): raw update",
                             f"{raw_s:,.0f} ops/s", ""))
                first = False
                rows.append(("", f"side by side ({mode.lower()}, {rel}): record", f"{rec_s:,.0f} ops/s", ""))
                r = rec_s / raw_s
                notes.append((f"record ÷ raw update, side by side ({mode.lower()}, {rel})", f"{r:.2f}×",
                              "≥ 0.5× (within 2×)", "ok" if r >= 0.5 else "MISSED"))
            rec = res.get("JdbcRecordBenchmark.record1" + p)
            if rec and raw:
                r = rec["score"] / raw["score"]
                notes.append((f"record ÷ raw update ({mode.lower()}, {rel})", f"{r:.2f}×",
                              "≥ 0.5× (within 2×)", "ok" if r >= 0.5 else "MISSED"))

    if mem:
        b = mem.get("bucket.retained.bytes")
        if b is not None:
            rows.append(("memory", "TrustBucket, retained", f"{b:.0f} B", ""))
            memory_checks.append(("bucket size", f"{b:.0f} B", "\u2264 64 B", "ok" if b <= 64 else "MISSED"))
        for n, short in (("1000", "1k"), ("10000", "10k"), ("100000", "100k")):
            v = mem.get(f"ledger.{n}.perEvent.bytes")
            if v is not None:
                rows.append(("", f"ledger event, at {short} events", f"{v:.2f} B", ""))
        e = mem.get("ledger.1000000.perEvent.bytes")
        if e is not None:
            rows.append(("", "ledger event, at 1M events", f"{e:.2f} B", ""))
            memory_checks.append(("event size (1M ledger)", f"{e:.2f} B", "\u2264 48 B", "ok" if e <= 48 else "MISSED"))
        small = mem.get("ledger.worst.100.perEvent.bytes")
        if small is not None:
            at = mem.get("ledger.worst.100.size")
            rows.append(("", f"ledger event, most over 100-999 events (at {at:,.0f})", f"{small:.2f} B", ""))
        w = mem.get("ledger.worst.1000.perEvent.bytes")
        if w is not None:
            at = mem.get("ledger.worst.1000.size")
            rows.append(("", f"ledger event, most over 1k-10k events (at {at:,.0f})", f"{w:.2f} B", ""))
            memory_checks.append(("event size, most spare capacity (1k-10k)", f"{w:.2f} B", "\u2264 48 B",
                                  "ok" if w <= 48 else "MISSED"))

    if args.smoke:
        notes = [(c, v, t, f"(smoke: {d.lower()}?)") for c, v, t, d in notes]
    notes += memory_checks

    out = []
    title = "Trust Bucket benchmarks"
    if meta:
        title += f" \u2014 JDK {meta.get('jdkVersion', '?')}, {meta.get('vmName', '')}".rstrip(", ")
    out.append(title)
    if label:
        out.append(f"({label})")
    out.append("")
    w1 = max([len(r[0]) for r in rows] + [7])
    w2 = max([len(r[1]) for r in rows] + [9])
    w3 = max([len(r[2]) for r in rows] + [5])
    out.append(f"{'section':<{w1}}  {'benchmark':<{w2}}  {'score':>{w3}}  B/op")
    out.append("-" * (w1 + w2 + w3 + 12))
    for s, what, score, alloc in rows:
        out.append(f"{s:<{w1}}  {what:<{w2}}  {score:>{w3}}  {alloc}")
    out.append("")
    for title, lines in fork_tables:
        if len(lines) > 2:  # more than one fork
            out.append(title)
            out.extend(lines)
            out.append("")
    if notes:
        v1 = max(len(n[0]) for n in notes)
        v2 = max(len(n[1]) for n in notes)
        v3 = max(len(n[2]) for n in notes)
        out.append(f"{'check':<{v1}}  {'value':>{v2}}  {'target':<{v3}}  verdict")
        out.append("-" * (v1 + v2 + v3 + 13))
        for c, v, t, verdict in notes:
            out.append(f"{c:<{v1}}  {v:>{v2}}  {t:<{v3}}  {verdict}")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Turns benches/run.sh's TSV into benches/RESULTS.md: machine, versions, date, the raw medians
and each target as a ratio to the peer measured in the same run."""

import collections
import datetime
import os
import platform
import subprocess
import sys

BENCH = os.environ.get("BENCH_DIR", os.path.expanduser("~/.cache/pactgraph-bench"))
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sh(cmd: str) -> str:
    try:
        out = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except Exception:  # a missing tool is reported as such
        return "(not available)"


def main() -> None:
    rows = collections.defaultdict(dict)  # n -> label -> (wall, rss_kb, runs) or note
    notes = collections.defaultdict(dict)
    stopped = collections.defaultdict(dict)  # n -> label -> the time limit, in seconds
    order = []
    for line in open(sys.argv[1], encoding="utf-8"):
        n, label, wall, rss, runs = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
        if not n.isdigit():
            continue
        n = int(n)
        if n not in order:
            order.append(n)
        if wall == "note":
            notes[n][label] = rss
        elif wall == "failed":
            rows[n][label] = None
        elif wall == "stopped":
            rows[n][label] = None
            stopped[n][label] = rss
        else:
            rows[n][label] = (float(wall), int(rss) / 1024, int(runs))

    out = []
    w = out.append
    w("# Benchmark results")
    w("")
    w("Written by `benches/run.sh` (see the README's Benchmarks section); every figure of one table")
    w("comes from the same run on the same machine. Whole processes are timed with `/usr/bin/time`")
    w("(wall-clock seconds, peak resident memory); each figure is the median of the runs shown.")
    w("")
    cpu = sh('lscpu | grep "Model name" | sed "s/.*: *//"')
    ram = sh("free -g | awk '/Mem:/ {print $2}'")
    head = sh("cd " + REPO + " && git rev-parse --short HEAD")
    pyox = sh(BENCH + "/venv/bin/python -c 'import pyoxigraph; print(pyoxigraph.__version__)'")
    rdfl = sh(BENCH + "/venv/bin/python -c 'import rdflib; print(rdflib.__version__)'")
    jena = sh("dpkg-query -W -f '${Version}' libapache-jena-java")
    java = sh("java -version 2>&1")
    w(f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
    w(f"- machine: {cpu}, {os.cpu_count()} cores, {ram} GiB RAM, {platform.system()} {platform.release()}; "
      "the cores are shared with other work, so the absolute figures are noisy, the ratios less so")
    w(f"- pactgraph: {sh(REPO + '/target/release/pactgraph --version')} ({head}), {sh('rustc --version')}")
    w(f"- oxigraph CLI: {sh(BENCH + '/bin/oxigraph --version')}")
    w(f"- pyoxigraph: {pyox}, RDFLib: {rdfl}")
    w(f"- Apache Jena: {jena} (Debian), {java}")
    w("")

    def cell(n, label):
        r = rows[n].get(label)
        if r is None:
            if label in stopped[n]:
                return f"stopped after {stopped[n][label]} s"
            return "failed" if label in rows[n] else "not run"
        return f"{r[0]:.2f} s, {r[1]:.0f} MiB"

    def ratio(n, ours, peer, index=0):
        a, b = rows[n].get(ours), rows[n].get(peer)
        if not a or not b or b[index] == 0:
            return None
        return a[index] / b[index]

    for n in order:
        w(f"## N = {n:,} releases")
        w("")
        facts = notes[n]
        w(f"{facts.get('quads', '?')} quads in the store ({facts.get('store MB', '?')} MB on disk); "
          f"{facts.get('nq lines', '?')} lines ({facts.get('nq MB', '?')} MB) of N-Quads, "
          f"{facts.get('nt lines', '?')} triples of N-Triples. Turtle byte-identical from run to run: "
          f"{facts.get('turtle byte-identical', '?')}.")
        w("")
        w("### Targets")
        w("")
        w("| target | pactgraph | peer | ratio | met |")
        w("|---|---|---|---|---|")

        def target(text, ours, peer, limit, index=0, invert=False):
            r = ratio(n, ours, peer, index)
            a = rows[n].get(ours)
            if r is None and a and index == 0 and peer in stopped[n]:
                # The peer was stopped after its limit: the ratio is at most ours / limit.
                bound = a[0] / float(stopped[n][peer])
                shown = f"> {1 / bound:.2f}x faster" if invert else f"< {bound:.2f}"
                met = "yes" if bound <= limit else "undecided (the peer was stopped)"
                w(f"| {text} | {cell(n, ours)} | {peer}: {cell(n, peer)} | {shown} | {met} |")
                return
            if r is None:
                w(f"| {text} | {cell(n, ours)} | {peer}: {cell(n, peer)} | - | not measured |")
                return
            met = r <= limit
            by = "" if met else f" (missed by {r / limit:.2f}x)"
            shown = f"{1 / r:.2f}x faster" if invert else f"{r:.2f}"
            w(f"| {text} | {cell(n, ours)} | {peer}: {cell(n, peer)} | {shown} | {'yes' if met else 'no'}{by} |")

        target("export nquads >= 2x faster than oxigraph dump (time ratio <= 0.50)",
               "pactgraph export nquads", "oxigraph dump", 0.5, invert=True)
        target("export nquads >= half the throughput of oxigraph convert (time ratio <= 2.00)",
               "pactgraph export nquads", "oxigraph convert nq->nq", 2.0)
        target("Turtle faster than Jena streaming riot (time ratio <= 1.00)",
               "pactgraph export turtle", "jena riot --stream=turtle", 1.0)
        target("Turtle >= 3x faster than Jena --formatted (time ratio <= 0.33)",
               "pactgraph export turtle", "jena riot --formatted=turtle", 1 / 3)
        target("Turtle in a quarter of Jena --formatted's memory (memory ratio <= 0.25)",
               "pactgraph export turtle", "jena riot --formatted=turtle", 0.25, index=1)
        target("build --store within 1.2x of oxigraph load (time ratio <= 1.20)",
               "pactgraph build --store", "oxigraph load", 1.2)
        target("build --store in no more memory than oxigraph load (memory ratio <= 1.00)",
               "pactgraph build --store", "oxigraph load", 1.0, index=1)
        target("all queries in one process, store copied into memory, vs pyoxigraph loading the N-Quads, "
               "serialising and querying (time ratio <= 1.20; not an issue target, for context)",
               "pactgraph open store + all queries", "pyoxigraph load+serialize+queries", 1.2)
        g = rows[n].get("pactgraph export graphml")
        q = rows[n].get("pactgraph export nquads")
        if g and q:
            w(f"| export GraphML, streamed (no peer writes GraphML from RDF; for context, time ratio to "
              f"our own N-Quads export) | {cell(n, 'pactgraph export graphml')} | pactgraph export nquads: "
              f"{cell(n, 'pactgraph export nquads')} | {g[0] / q[0]:.2f} | - |")
        b = rows[n].get("pactgraph build --store")
        if b:
            ok = b[1] < 3 * 1024
            w(f"| build --store peak memory under 3 GiB | {cell(n, 'pactgraph build --store')} | - | "
              f"{b[1] / 1024:.2f} GiB | {'yes' if ok else 'no'} |")
        queries = [k for k in facts if k.startswith("pactgraph ") and k.endswith(" s")
                   and not k.startswith("pactgraph on disk ") and k != "pactgraph open s"]
        for label in sorted(queries):
            name = label[len("pactgraph "):-len(" s")]
            ours = float(facts[label])
            peer = facts.get(f"pyoxigraph {name} s")
            if peer is None:
                w(f"| query {name} within 1.2x of pyoxigraph in memory | {ours:.3f} s | - | - | not measured |")
                continue
            peer = float(peer.split()[0])
            a, b = facts.get(f"pactgraph rows {name}"), facts.get(f"pyoxigraph rows {name}")
            if a is not None and b is not None and a != b:
                w(f"| query {name} in-process vs pyoxigraph in memory ({a} rows, pyoxigraph {b}) | "
                  f"{ours:.3f} s | pyoxigraph: {peer:.3f} s | - | not comparable: the answers differ |")
                continue
            r = ours / peer if peer > 0 else float("inf")
            met = r <= 1.2 or ours - peer < 0.005
            by = "" if met else f" (missed by {r / 1.2:.2f}x)"
            w(f"| query {name} within 1.2x of pyoxigraph in memory (query time in-process) | {ours:.3f} s | "
              f"pyoxigraph: {peer:.3f} s | {r:.2f} | {'yes' if met else 'no'}{by} |")
        whole = sorted(k[len("pactgraph query "):] for k in rows[n] if k.startswith("pactgraph query "))
        for name in whole:
            ours, peer = f"pactgraph query {name}", f"oxigraph query {name}"
            agree = ""
            a, b = facts.get(f"pactgraph rows {name}"), facts.get(f"pyoxigraph rows {name}")
            if a is not None and b is not None:
                agree = f"; {a} rows, pyoxigraph {b}" + ("" if a == b else " (DIFFERENT)")
            if a is not None and b is not None and a != b:
                w(f"| query {name} as a whole process on the store vs the oxigraph CLI on its store"
                  f"{agree} | {cell(n, ours)} | {peer}: {cell(n, peer)} | - | not comparable: "
                  "the answers differ |")
                continue
            target(f"query {name} as a whole process on the store, within 1.2x of the oxigraph CLI "
                   f"on its store (time ratio <= 1.20{agree})", ours, peer, 1.2)
        w("")
        w("### Every measurement")
        w("")
        w("| what | median wall | peak memory | runs |")
        w("|---|---|---|---|")
        for label, r in rows[n].items():
            if r is None:
                w(f"| {label} | {cell(n, label)} | | |")
            else:
                w(f"| {label} | {r[0]:.2f} s | {r[1]:.0f} MiB | {r[2]} |")
        w("")
        w("In-process figures and notes:")
        w("")
        for label, value in facts.items():
            w(f"- {label}: {value}")
        w("")
    notes_file = os.path.join(REPO, "benches", "NOTES.md")
    if os.path.exists(notes_file):
        out.append(open(notes_file, encoding="utf-8").read().rstrip("\n"))
    print("\n".join(out))


if __name__ == "__main__":
    main()

"""The in-memory peers for benches/run.sh: load N-Quads, serialise them, run the queries.

    peers.py pyoxigraph|rdflib FILE.nq QUERY.rq...

Prints one line per step: "<step> <seconds>" (load, serialize), then "<query> <seconds> <rows>"
for each query by name. Queries see the union of the graphs as their default graph, as in
pactgraph.
"""

import io
import os
import sys
import time


def main() -> None:
    engine, data, *queries = sys.argv[1:]
    clock = time.perf_counter
    if engine == "pyoxigraph":
        import pyoxigraph as ox

        start = clock()
        store = ox.Store()
        store.bulk_load(path=data, format=ox.RdfFormat.N_QUADS)
        print(f"load {clock() - start:.3f}")
        start = clock()
        with open(os.devnull, "wb") as sink:
            store.dump(sink, ox.RdfFormat.N_QUADS)
        print(f"serialize {clock() - start:.3f}")
        for path in queries:
            text = open(path, encoding="utf-8").read()
            start = clock()
            rows = list(store.query(text, use_default_graph_as_union=True))
            print(f"{os.path.basename(path)[:-3]} {clock() - start:.3f} {len(rows)}")
    elif engine == "rdflib":
        import rdflib

        start = clock()
        dataset = rdflib.Dataset(default_union=True)
        dataset.parse(data, format="nquads")
        print(f"load {clock() - start:.3f}")
        start = clock()
        dataset.serialize(destination=io.BytesIO(), format="nquads")
        print(f"serialize {clock() - start:.3f}")
        for path in queries:
            text = open(path, encoding="utf-8").read()
            start = clock()
            rows = list(dataset.query(text))
            print(f"{os.path.basename(path)[:-3]} {clock() - start:.3f} {len(rows)}")
    else:
        sys.exit(f"peers.py: unknown engine {engine!r}, expected pyoxigraph or rdflib")


if __name__ == "__main__":
    main()

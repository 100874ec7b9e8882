#!/usr/bin/env bash
# pactgraph against the engines a user would otherwise pick, on the same data, in one run.
#
#   benches/run.sh                      # N = 1,000, 100,000 and 1,000,000
#   SIZES="1000 100000" benches/run.sh  # some sizes only
#   REPS=3 benches/run.sh               # runs per measurement (median reported)
#
# For each N it generates N release cards (`pactgraph generate`, seed 1), then measures whole
# processes with /usr/bin/time (wall seconds, peak resident memory): pactgraph's build (in memory
# and into --store), its exports (N-Quads, N-Triples, deterministic Turtle, GraphML) and the
# queries (the bundled ones, printed with their prefixes by `pactgraph queries NAME --standalone`,
# and benches/queries/*.rq): each as a whole `pactgraph query` process on the store, and all in
# one process through examples/bench_query.rs for in-process times; and, on the N-Quads and
# N-Triples that build produced: the oxigraph CLI (convert, load, dump, query), pyoxigraph in
# memory, Apache Jena (riot streaming and --formatted Turtle, arq), RDFLib (small sizes only),
# and cat/dd of the same bytes. Results go to benches/results-<host>.tsv and benches/RESULTS.md.
#
# It installs what it needs (apt-get, pip into a virtualenv, cargo install) under $BENCH_DIR
# (default ~/.cache/pactgraph-bench), outside the repository, with the generated data. It takes
# hours at N = 1,000,000 and is not run by CI.
#
# Knobs: BENCH_DIR, SIZES, REPS (default 3), REPS_LARGE (runs for N >= 100,000; default 1),
# PEERS_MAX (largest N for the in-memory work and the peers that hold the data in memory:
# pyoxigraph, Jena --formatted and arq, RDFLib; default 100000), RDFLIB_MAX (default 1000),
# JAVA_XMX (default 12g), ARQ_LIMIT (seconds per arq run; default 600), QUERY_LIMIT (seconds
# per query process; default 300), QUERIES_ONLY=1 (only the query comparison: the store, the
# N-Quads and the oxigraph CLI's store are made without timing them), DEADLINE (a time that
# `date -d` understands: measurements not started by then are noted as not run), KEEP=1 (add to
# the previous results instead of replacing them).
#
# Above PEERS_MAX the disk holds the store, the N-Quads and the peer's store in turn (about 60
# GB at N = 1,000,000), so files are removed as soon as nothing later needs them.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bench=${BENCH_DIR:-$HOME/.cache/pactgraph-bench}
sizes=${SIZES:-"1000 100000 1000000"}
reps=${REPS:-3}
reps_large=${REPS_LARGE:-1}
peers_max=${PEERS_MAX:-100000}
rdflib_max=${RDFLIB_MAX:-1000}
xmx=${JAVA_XMX:-12g}
arq_limit=${ARQ_LIMIT:-600}
query_limit=${QUERY_LIMIT:-300}
deadline=$([ -n "${DEADLINE:-}" ] && date -d "$DEADLINE" +%s || echo 0)
mkdir -p "$bench"
tsv=$repo/benches/results.tsv
log=$bench/run.log

say() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$log" >&2; }

# --- tools -----------------------------------------------------------------------------------
install() {
    if ! command -v java >/dev/null || [ ! -f /usr/share/java/jena-arq.jar ]; then
        say "installing Apache Jena (Debian)"
        apt-get install -y -q libapache-jena-java default-jre-headless >>"$log" 2>&1
    fi
    if [ ! -x "$bench/venv/bin/python" ]; then
        say "installing pyoxigraph and RDFLib"
        python3 -m venv "$bench/venv"
    fi
    "$bench/venv/bin/pip" install -q pyoxigraph rdflib >>"$log" 2>&1
    if [ ! -x "$bench/bin/oxigraph" ]; then
        say "installing the oxigraph CLI (about 25 minutes on 2 cores)"
        nice cargo install oxigraph-cli --locked --root "$bench" >>"$log" 2>&1
    fi
    # Debian's jena-core.jar keeps Xerces' message bundles where the shaded classes do not
    # look: copy them to xerces/ in a small extra jar.
    if [ ! -f "$bench/jena-xerces-fix.jar" ]; then
        local tmp
        tmp=$(mktemp -d)
        (cd "$tmp" && unzip -q -o /usr/share/java/jena-core.jar 'org/apache/jena/ext/xerces/*.properties' \
            && mkdir -p xerces && find org/apache/jena/ext/xerces -name '*.properties' \
            | while read -r f; do mkdir -p "xerces/$(dirname "${f#org/apache/jena/ext/xerces/}")"; \
                cp "$f" "xerces/${f#org/apache/jena/ext/xerces/}"; done \
            && jar cf "$bench/jena-xerces-fix.jar" xerces)
        rm -rf "$tmp"
    fi
    # A wrapper, so that /usr/bin/time can run Jena like any other program. The classpath is
    # every jar Debian installed, less the SLF4J bindings and bridges that clash.
    local cp
    cp=$(ls /usr/share/java/*.jar | grep -v -E 'log4j-over-slf4j|slf4j-(jdk14|nop|simple|log4j12|jcl)|jcl-over-slf4j' | tr '\n' ':')
    printf '#!/bin/sh\nexec java -Xmx%s -cp "%s%s" "$@"\n' "$xmx" "$cp" "$bench/jena-xerces-fix.jar" >"$bench/jena.tmp"
    chmod +x "$bench/jena.tmp"
    mv -f "$bench/jena.tmp" "$bench/jena"
    say "building pactgraph"
    (cd "$repo" && cargo build --release -q && cargo build --release -q --example bench_query)
    # Copies, so that a rebuild of the checkout during a long run does not change the binary.
    mkdir -p "$bench/pactgraph-bin"
    cp "$repo/target/release/pactgraph" "$pactgraph.tmp" && mv -f "$pactgraph.tmp" "$pactgraph"
    cp "$repo/target/release/examples/bench_query" "$bench_query.tmp" && mv -f "$bench_query.tmp" "$bench_query"
}

pactgraph=$bench/pactgraph-bin/pactgraph
bench_query=$bench/pactgraph-bin/bench_query
oxigraph=$bench/bin/oxigraph
py=$bench/venv/bin/python
jena=$bench/jena

# --- measuring -------------------------------------------------------------------------------
# measure N LABEL RUNS COMMAND...: runs the command RUNS times (output to $scratch/cmd.out
# unless the command redirects), appends "N label wall_median rss_median_kb runs" to the TSV.
# With LIMIT set, each run is stopped after LIMIT seconds and noted as such.
measure() {
    local n=$1 label=$2 runs=$3
    shift 3
    if [ "$deadline" -gt 0 ] && [ "$(date +%s)" -gt "$deadline" ]; then
        say "not run (past the deadline): $label"
        note "$n" "not run: $label" "past the run's time budget"
        return 0
    fi
    local walls=() rsss=() i status
    for ((i = 0; i < runs; i++)); do
        [ -n "${BEFORE:-}" ] && eval "$BEFORE"
        status=0
        if [ -n "${LIMIT:-}" ]; then
            /usr/bin/time -f "%e %M" -o "$scratch/time.out" timeout "$LIMIT" "$@" \
                >"$scratch/cmd.out" 2>"$scratch/cmd.err" || status=$?
        else
            /usr/bin/time -f "%e %M" -o "$scratch/time.out" "$@" \
                >"$scratch/cmd.out" 2>"$scratch/cmd.err" || status=$?
        fi
        if [ "$status" -ne 0 ] && [ -n "${LIMIT:-}" ] && grep -q "status 124" "$scratch/time.out"; then
            say "stopped after $LIMIT s: $label"
            printf '%s\t%s\tstopped\t%s\t%s\n' "$n" "$label" "$LIMIT" "$runs" >>"$tsv"
            return 0
        fi
        if [ "$status" -ne 0 ]; then
            say "FAILED: $label: $(tail -c 300 "$scratch/cmd.err")"
            printf '%s\t%s\tfailed\t\t%s\n' "$n" "$label" "$runs" >>"$tsv"
            return 0
        fi
        read -r wall rss <"$scratch/time.out"
        walls+=("$wall")
        rsss+=("$rss")
    done
    local wall rss
    wall=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    rss=$(printf '%s\n' "${rsss[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%s\t%s\t%s\t%s\t%s\n' "$n" "$label" "$wall" "$rss" "$runs" >>"$tsv"
    say "$label (N=$n): ${wall} s, $((rss / 1024)) MiB (median of $runs)"
}

# finished: whether the last measurement ran to the end.
finished() { [[ "$(tail -n 1 "$tsv" | cut -f 3)" =~ ^[0-9.]+$ ]]; }

# note N LABEL VALUE: a fact for the report (counts, sizes, skips).
note() { printf '%s\t%s\tnote\t%s\t\n' "$1" "$2" "$3" >>"$tsv"; }

# --- the queries (run_size's variables: n, runs, small) -----------------------------------------
# The queries, as files every engine can run: the bundled ones with their prefixes declared, and
# the benchmark's own. All engines query the union of the graphs as the default graph.
write_queries() {
    rm -rf queries && mkdir queries
    for q in $("$pactgraph" queries | awk '/^[a-z]/ {print $1}'); do
        "$pactgraph" queries "$q" --standalone >"queries/$q.rq"
    done
    cp "$repo"/benches/queries/*.rq queries/
}

# Each query as a whole `pactgraph query` process on the store on disk.
our_queries() {
    LIMIT=$query_limit
    for q in queries/*.rq; do
        measure "$n" "pactgraph query $(basename "$q" .rq)" "$runs" \
            "$pactgraph" query --store store -f "$q" -r tsv
        finished && note "$n" "pactgraph rows $(basename "$q" .rq)" "$(($(wc -l <"$scratch/cmd.out") - 1))"
    done
    LIMIT=""
}

# pactgraph opens the store as its reading commands do (copied into memory when it fits) and runs
# every query in one process; in-process times per query are noted, and the same queries on the
# store on disk.
our_inprocess() {
    measure "$n" "pactgraph open store + all queries" "$runs" "$bench_query" store queries/*.rq
    while read -r step secs rest; do note "$n" "pactgraph $step s" "$secs"; done <"$scratch/cmd.out"
    PACTGRAPH_MEMORY_COPY_MB=0 "$bench_query" store queries/*.rq >"$scratch/ondisk.out"
    while read -r step secs rest; do note "$n" "pactgraph on disk $step s" "$secs"; done <"$scratch/ondisk.out"
}

# The oxigraph CLI on the store it loaded (ostore).
oxigraph_queries() {
    LIMIT=$query_limit
    for q in queries/*.rq; do
        measure "$n" "oxigraph query $(basename "$q" .rq)" "$runs" \
            "$oxigraph" query --location ostore --query-file "$q" --results-format tsv --union-default-graph
    done
    LIMIT=""
}

# pyoxigraph in memory: load, serialise, the same queries (times in-process too).
pyoxigraph_queries() {
    measure "$n" "pyoxigraph load+serialize+queries" "$runs" "$py" "$repo/benches/peers.py" pyoxigraph out.nq queries/*.rq
    while read -r step secs rows; do
        note "$n" "pyoxigraph $step s" "$secs"
        [ -n "$rows" ] && note "$n" "pyoxigraph rows $step" "$rows"
    done <"$scratch/cmd.out"
}

# --- one size --------------------------------------------------------------------------------
run_size() {
    local n=$1 runs=$reps small=1
    [ "$n" -ge 100000 ] && runs=$reps_large
    [ "$n" -gt "$peers_max" ] && small=0
    local dir=$bench/data/$n
    mkdir -p "$dir"
    scratch=$dir
    if [ ! -f "$dir/cards.done" ]; then
        say "generating $n cards"
        rm -rf "$dir/cards"
        "$pactgraph" generate --releases "$n" --seed 1 --output "$dir/cards" -q
        touch "$dir/cards.done"
    fi
    cd "$dir"
    rm -rf store ostore out.* conv.* dump.nq
    # Page cache in the same state for everyone: inputs read once before timing.
    BEFORE=""
    LIMIT=""
    find cards -type f -print0 | xargs -0 cat >/dev/null
    if [ "${QUERIES_ONLY:-0}" = 1 ]; then
        "$pactgraph" build cards --store store -q
        "$pactgraph" export --store store -f nquads --with-ontology -o out.nq
        "$oxigraph" load --location ostore --file out.nq 2>/dev/null
        write_queries
        our_queries
        [ "$small" = 1 ] && our_inprocess
        oxigraph_queries
        [ "$small" = 1 ] && pyoxigraph_queries
        rm -rf ostore
        return 0
    fi

    if [ "$small" = 1 ]; then
        measure "$n" "pactgraph build (memory)" "$runs" "$pactgraph" build cards -q
    else
        note "$n" "pactgraph build (memory)" "not run above PEERS_MAX: the in-memory store of $n releases does not fit in RAM"
    fi
    BEFORE="rm -rf store"
    measure "$n" "pactgraph build --store" "$runs" "$pactgraph" build cards --store store -q
    BEFORE=""
    note "$n" "store MB" "$(du -sm store | cut -f1)"
    note "$n" "quads" "$("$pactgraph" stats --store store | awk '$1 == "quads" && NF == 2 {print $2}')"
    measure "$n" "pactgraph build --store, nothing changed" 1 "$pactgraph" build cards --store store -q
    measure "$n" "pactgraph export nquads" "$runs" "$pactgraph" export --store store -f nquads --with-ontology -o out.nq
    note "$n" "nq MB" "$(du -m out.nq | cut -f1)"
    note "$n" "nq lines" "$(wc -l <out.nq)"
    measure "$n" "pactgraph export turtle" "$runs" "$pactgraph" export --store store -f turtle -o out.ttl
    if [ "$small" = 1 ]; then
        cp out.ttl first.ttl
        "$pactgraph" export --store store -f turtle -o out.ttl
        if cmp -s first.ttl out.ttl; then note "$n" "turtle byte-identical" yes; else note "$n" "turtle byte-identical" NO; fi
        rm -f first.ttl
    else
        note "$n" "turtle byte-identical" "not checked above PEERS_MAX (a second export takes minutes)"
    fi
    rm -f out.ttl
    measure "$n" "pactgraph export graphml" "$runs" "$pactgraph" export --store store -f graphml -o out.graphml
    if [ -f out.graphml ]; then
        note "$n" "graphml MB" "$(du -m out.graphml | cut -f1)"
        note "$n" "graphml nodes" "$(grep -c '<node ' out.graphml)"
        note "$n" "graphml edges" "$(grep -c '<edge ' out.graphml)"
        rm -f out.graphml
    fi

    write_queries
    our_queries
    # N-Triples last of the exports: at N = 1,000,000 the disk holds it and the GraphML
    # export's output only one at a time.
    measure "$n" "pactgraph export ntriples" "$runs" "$pactgraph" export --store store -f ntriples --with-ontology -o out.nt
    note "$n" "nt lines" "$(wc -l <out.nt)"

    if [ "$small" = 1 ]; then
        our_inprocess
    else
        note "$n" "in-process queries" "not run above PEERS_MAX: the store does not fit in memory (the processes above read it on disk)"
        # The peers' turn: the disk cannot hold both stores and the N-Quads.
        rm -rf store
    fi

    # The I/O ceiling.
    measure "$n" "cat nq" "$runs" sh -c 'exec cat out.nq >/dev/null'
    measure "$n" "dd nq" "$runs" dd if=out.nq of=/dev/null bs=1M

    # Oxigraph CLI.
    if [ -x "$oxigraph" ]; then
        measure "$n" "oxigraph convert nt->nt" "$runs" "$oxigraph" convert --from-file out.nt --to-file conv.nt
        rm -f conv.nt
        measure "$n" "oxigraph convert nq->nq" "$runs" "$oxigraph" convert --from-file out.nq --to-file conv.nq
        rm -f conv.nq
    fi
    # Apache Jena, streaming (constant memory, fine at any size).
    measure "$n" "jena riot --stream=turtle" "$runs" "$jena" riotcmd.riot --stream=turtle out.nt
    if [ "$small" = 1 ]; then
        measure "$n" "jena riot --formatted=turtle" "$runs" "$jena" riotcmd.riot --formatted=turtle out.nt
    else
        note "$n" "jena riot --formatted=turtle" "not run above PEERS_MAX: it holds the graph in memory (3.4 GB at 100,000 releases)"
        rm -f out.nt
    fi
    if [ -x "$oxigraph" ]; then
        BEFORE="rm -rf ostore"
        measure "$n" "oxigraph load" "$runs" "$oxigraph" load --location ostore --file out.nq
        BEFORE=""
        if [ "$small" = 0 ]; then
            # pactgraph's export wrote a file as large: make room for the dump.
            rm -f out.nq
        fi
        measure "$n" "oxigraph dump" "$runs" "$oxigraph" dump --location ostore --file dump.nq
        rm -f dump.nq
        oxigraph_queries
    else
        note "$n" "oxigraph CLI" "not installed"
    fi
    if [ "$small" = 0 ]; then
        note "$n" "pyoxigraph, Jena arq, RDFLib" "not run above PEERS_MAX: they hold the graph in memory (pyoxigraph 2.9 GB and arq about 11 GB at 100,000 releases)"
        rm -rf ostore
        return 0
    fi

    pyoxigraph_queries

    # Jena arq loads the whole N-Quads file into memory for every query (11 GB and minutes at
    # N = 100,000), so it runs the benchmark's own queries only, each stopped after ARQ_LIMIT s.
    # One run each from N = 100,000 on (they take minutes).
    local arq_runs=$runs
    [ "$n" -ge 100000 ] && arq_runs=1
    LIMIT=$arq_limit
    for q in "$repo"/benches/queries/*.rq; do
        measure "$n" "jena arq $(basename "$q" .rq)" "$arq_runs" "$jena" arq.sparql --data out.nq --query "$q"
    done
    LIMIT=""

    # RDFLib, small sizes only.
    if [ "$n" -le "$rdflib_max" ]; then
        measure "$n" "rdflib load+serialize+queries" "$runs" "$py" "$repo/benches/peers.py" rdflib out.nq "$repo"/benches/queries/*.rq
        while read -r step secs rest; do note "$n" "rdflib $step s" "$secs"; done <"$scratch/cmd.out"
    else
        note "$n" "rdflib" "skipped: RDFLib parses ~18 k triples/s and needs ~6 GB for 5 M triples"
    fi
}

install
# KEEP=1 adds to the results of an earlier run (another size) instead of starting afresh.
[ "${KEEP:-0}" = 1 ] || : >"$tsv"
for n in $sizes; do run_size "$n"; done
"$py" "$repo/benches/report.py" "$tsv" >"$repo/benches/RESULTS.md"
say "wrote benches/RESULTS.md"

//! Crash consistency: `build --store` killed with SIGKILL at several moments of a build of a few
//! thousand generated cards leaves a store that opens, whose release graphs are each whole (as
//! many triples as a clean build gives that graph) or absent; the rerun leaves no stray file in
//! the store or in `$TMPDIR` and exports byte for byte what a clean build exports.

use std::collections::BTreeMap;
use std::time::Instant;

use crate::util::Env;

const CARDS: u64 = 2_000;

/// Each named graph of the store and its number of triples.
fn graph_sizes(env: &Env, store: &str) -> BTreeMap<String, u64> {
    let csv = env
        .run(&[
            "query",
            "--store",
            store,
            "--results",
            "csv",
            "-e",
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
        ])
        .ok();
    csv.lines()
        .skip(1)
        .map(|line| {
            let (g, n) = line.rsplit_once(',').expect("two columns");
            (g.to_owned(), n.trim().parse().expect("a count"))
        })
        .collect()
}

/// Everything in a store, ontology included, as N-Quads.
fn dump(env: &Env, store: &str) -> String {
    env.run(&[
        "export",
        "--store",
        store,
        "--format",
        "nq",
        "--with-ontology",
    ])
    .ok()
}

/// Files in a directory tree, relative to it, sorted.
fn files_under(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path.clone());
            }
            out.push(path.strip_prefix(dir).unwrap().display().to_string());
        }
    }
    out.sort();
    out
}

#[test]
fn a_build_killed_at_any_moment_leaves_whole_graphs_and_its_rerun_equals_a_clean_build() {
    let env = Env::new();
    env.run(&[
        "generate",
        "--releases",
        &CARDS.to_string(),
        "--output",
        "cards",
        "-q",
    ])
    .ok();
    let tmp = env.path("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let build = |store: &str| {
        let mut command = env.command(&["build", "--store", store, "-q", "cards"]);
        command.env("TMPDIR", &tmp);
        command
    };

    let started = Instant::now();
    let status = build("clean").status().unwrap();
    assert!(status.success());
    let clean_time = started.elapsed();
    let clean_sizes = graph_sizes(&env, "clean");
    let releases = clean_sizes
        .keys()
        .filter(|g| g.contains("/graph/release-"))
        .count();
    assert_eq!(releases, CARDS as usize);
    let clean = dump(&env, "clean");

    // Kill points spread over the build: reading and mapping, the bulk load, its ingestion and
    // the last transactions.
    let mut partial_states = Vec::new();
    for (i, fraction) in [0.1, 0.3, 0.55, 0.8].into_iter().enumerate() {
        let store = format!("killed-{i}");
        let mut child = build(&store).spawn().unwrap();
        std::thread::sleep(clean_time.mul_f64(fraction));
        let finished = child.try_wait().unwrap().is_some();
        child.kill().unwrap_or_default(); // SIGKILL
        child.wait().unwrap();

        // The store opens, and every release graph in it is whole.
        if env.path(&store).join("CURRENT").exists() {
            let sizes = graph_sizes(&env, &store);
            let whole = sizes
                .iter()
                .filter(|(g, n)| g.contains("/graph/release-") && clean_sizes.get(*g) == Some(n));
            for (g, n) in &sizes {
                assert_eq!(
                    clean_sizes.get(g),
                    Some(n),
                    "kill at {fraction}: graph {g} has {n} triples, a clean build gives it {:?}",
                    clean_sizes.get(g)
                );
            }
            partial_states.push((fraction, finished, whole.count()));
        } else {
            partial_states.push((fraction, finished, 0));
        }

        // The rerun finishes the job and cleans up after the killed build.
        let status = build(&store).status().unwrap();
        assert!(
            status.success(),
            "the rerun after a kill at {fraction} failed"
        );
        let stray: Vec<String> = files_under(&env.path(&store))
            .into_iter()
            .filter(|f| f.starts_with("bulk-") || f.contains(".pactgraph-"))
            .collect();
        assert!(
            stray.is_empty(),
            "kill at {fraction}: stray files {stray:?}"
        );
        assert_eq!(graph_sizes(&env, &store), clean_sizes, "kill at {fraction}");
        assert!(
            dump(&env, &store) == clean,
            "kill at {fraction}: the export differs from a clean build's"
        );
    }

    // A rebuild after some cards changed replaces graphs by transactions: killed half way, the
    // store holds each graph old or new (whole), and the rerun equals a clean build of the
    // changed cards.
    let mut edited = 0;
    for file in files_under(&env.path("cards")) {
        let path = env.path("cards").join(&file);
        // One card in ten keeps the replacements (slower than new graphs) short.
        if path.is_file() && file.ends_with("7.json") {
            edited += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(
                &path,
                text.replacen("\"title\": \"", "\"title\": \"Changed: ", 1),
            )
            .unwrap();
        }
    }
    assert!(build("changed").status().unwrap().success());
    let changed = dump(&env, "changed");
    assert_ne!(changed, clean);
    assert!(edited > 100, "{edited} cards changed");
    let started_replace = Instant::now();
    assert!(build("killed-1").status().unwrap().success());
    let replace_time = started_replace.elapsed();
    assert!(
        dump(&env, "killed-1") == changed,
        "an uninterrupted rebuild differs from a clean build"
    );
    let mut child = build("killed-0").spawn().unwrap();
    std::thread::sleep(replace_time.mul_f64(0.6));
    let replace_finished = child.try_wait().unwrap().is_some();
    child.kill().unwrap_or_default();
    child.wait().unwrap();
    let sizes = graph_sizes(&env, "killed-0");
    for (g, n) in &sizes {
        assert_eq!(
            clean_sizes.get(g),
            Some(n),
            "killed rebuild: graph {g} is not whole"
        );
    }
    let titles = |store: &str| {
        env.run(&[
            "query",
            "--store",
            store,
            "--results",
            "csv",
            "-e",
            "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?r ?p ?t FILTER STRSTARTS(STR(?t), \"Changed: \") } }",
        ])
        .ok()
    };
    let replaced_before_kill = titles("killed-0");
    assert!(build("killed-0").status().unwrap().success());
    assert!(
        files_under(&env.path("killed-0"))
            .iter()
            .all(|f| !f.starts_with("bulk-")),
        "stray bulk files after the rebuild's rerun"
    );
    assert!(
        dump(&env, "killed-0") == changed,
        "the rerun of a killed rebuild differs from a clean build"
    );
    eprintln!(
        "rebuild of {edited} changed cards {replace_time:?}, killed at 0.6 (finished: {replace_finished}), nodes with the new title then: {}",
        replaced_before_kill.lines().nth(1).unwrap_or_default()
    );

    assert!(
        files_under(&tmp).is_empty(),
        "files left in TMPDIR: {:?}",
        files_under(&tmp)
    );
    // The kills came before the builds finished, and at least one left part of the graphs.
    assert!(
        partial_states
            .iter()
            .filter(|(_, finished, _)| !finished)
            .count()
            >= 3,
        "{partial_states:?} (clean build {clean_time:?})"
    );
    eprintln!(
        "clean build {clean_time:?}; kills (fraction, finished, whole release graphs): {partial_states:?}; total {:?}",
        started.elapsed()
    );
}

//! Scale: the synthetic corpus, the streaming build (bulk loader, incremental, bad input late in
//! the stream) and streaming exports that match the in-memory ones byte for byte.

use crate::util::Env;

/// Generates `n` cards with seed 1 into `dir`.
fn generate(env: &Env, dir: &str, n: u64) {
    env.run(&[
        "generate",
        "--releases",
        &n.to_string(),
        "--output",
        dir,
        "-q",
    ])
    .ok();
}

fn files(env: &Env, dir: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for shard in std::fs::read_dir(env.path(dir)).unwrap() {
        for file in std::fs::read_dir(shard.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            let name = path
                .strip_prefix(env.path(dir))
                .unwrap()
                .display()
                .to_string();
            out.push((name, std::fs::read(&path).unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn the_generator_is_deterministic_and_its_cards_are_valid() {
    let env = Env::new();
    generate(&env, "a", 1_500);
    generate(&env, "b", 1_500);
    let a = files(&env, "a");
    assert_eq!(a.len(), 1_500);
    assert_eq!(a, files(&env, "b"), "the same seed gives the same bytes");
    assert_eq!(a[0].0, "0000/gen-1-0000000.json");
    assert_eq!(a[1_499].0, "0001/gen-1-0001499.json");
    let all: String = a
        .iter()
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    for needle in [
        "&",
        "\\\"",
        "ā",
        "Ō",
        "茂木",
        "entry_into_force",
        "negotiations",
    ] {
        assert!(all.contains(needle), "no {needle:?} in the corpus");
    }
    env.run(&["check", "a"]).ok();
}

#[test]
fn a_streamed_store_exports_the_same_bytes_as_the_in_memory_build() {
    let env = Env::new();
    // More cards than one chunk of the streaming build.
    generate(&env, "cards", 2_500);
    let run = env.run(&["build", "cards", "--store", "db"]);
    run.ok();
    let line = run.stderr.trim();
    assert!(
        line.starts_with("built 2500 releases into db: 2500 written, 0 unchanged, ")
            && line.ends_with(" quads/s)"),
        "{line}"
    );
    let stats = env.run(&["stats", "--store", "db"]).ok();
    assert!(
        stats.starts_with("releases                 2500\n"),
        "{stats}"
    );
    for format in ["nquads", "turtle"] {
        let stored = env.run(&["export", "--store", "db", "-f", format]).ok();
        let memory = env.run(&["export", "cards", "-f", format]).ok();
        assert_eq!(stored, memory, "{format}");
        assert!(stored.contains("Reciprocal Access Agreement"));
    }
}

#[test]
fn a_rebuild_writes_only_the_changed_release() {
    let env = Env::new();
    generate(&env, "cards", 300);
    env.run(&["build", "cards", "--store", "db", "-q"]).ok();
    let card = env.path("cards/0000/gen-1-0000042.json");
    let text = std::fs::read_to_string(&card).unwrap();
    std::fs::write(
        &card,
        text.replacen("\"title\": \"", "\"title\": \"Revised: ", 1),
    )
    .unwrap();
    let run = env.run(&["build", "cards", "--store", "db"]);
    run.ok();
    assert!(
        run.stderr.contains(": 1 written, 299 unchanged, "),
        "{}",
        run.stderr
    );
    let graph = env
        .run(&[
            "export",
            "--store",
            "db",
            "--graph",
            "gen-1-0000042",
            "-f",
            "nquads",
        ])
        .ok();
    assert!(
        graph.contains("\"Revised: "),
        "the release graph was replaced"
    );
    assert_eq!(graph.matches("/ontology#NewsArticle").count(), 0);
    assert_eq!(graph.matches("<http://schema.org/NewsArticle>").count(), 1);
}

#[test]
fn a_bad_card_at_the_end_of_a_large_build_changes_nothing() {
    let env = Env::new();
    generate(&env, "cards", 2_200);
    env.run(&["build", "--store", "db", "-q"]).ok();
    let before = env.run(&["export", "--store", "db", "-f", "nquads"]).ok();
    let last = env.path("cards/0002/gen-1-0002199.json");
    let text = std::fs::read_to_string(&last).unwrap();
    std::fs::write(&last, text.replacen("\"kind\": \"", "\"kind\": \"x", 1)).unwrap();
    let error = env.run(&["build", "cards", "--store", "db"]).error();
    assert!(
        error.contains("gen-1-0002199.json") && error.contains("kind"),
        "{error}"
    );
    let after = env.run(&["export", "--store", "db", "-f", "nquads"]).ok();
    assert_eq!(before, after, "the store is unchanged");
}

#[test]
fn validate_gives_the_same_verdict_from_the_in_memory_copy_and_from_disk() {
    let env = Env::new();
    generate(&env, "cards", 400);
    env.run(&["build", "cards", "--store", "db", "-q"]).ok();
    let validate = |limit_mb: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_pactgraph"))
            .args(["validate", "--store", "db"])
            .current_dir(env.dir.path())
            .env("PACTGRAPH_MEMORY_COPY_MB", limit_mb)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let copied = validate("100000");
    let on_disk = validate("0");
    assert_eq!(copied, on_disk);
    assert!(copied.starts_with("conforms: "), "{copied}");
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_pactgraph"))
        .args(["validate", "--store", "db"])
        .current_dir(env.dir.path())
        .env("PACTGRAPH_MEMORY_COPY_MB", "lots")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("PACTGRAPH_MEMORY_COPY_MB"));
}

#[test]
fn a_query_on_a_store_on_disk_answers_as_the_same_cards_built_in_memory() {
    let env = Env::new();
    generate(&env, "cards", 300);
    env.run(&["build", "cards", "--store", "db", "-q"]).ok();
    for name in ["signatories", "partner_timeline"] {
        let on_disk = env.run(&["query", name, "--store", "db", "-r", "tsv"]).ok();
        let in_memory = env.run(&["query", name, "cards", "-r", "tsv"]).ok();
        assert_eq!(on_disk, in_memory, "{name}");
        // A header and answers from the generated releases, not an empty table.
        assert!(on_disk.lines().count() > 5, "{name}: {on_disk}");
    }
    // Every shared node has one name across the releases that describe it (a government once
    // took its country's slug as its name where a person's country was minted); agreements
    // excepted, which publishers name differently by design (their synonyms resolve to one node:
    // README, "Identity").
    let twice = env
        .run(&[
            "query",
            "--store",
            "db",
            "-r",
            "tsv",
            "-e",
            "SELECT ?node WHERE { ?node rdfs:label ?name FILTER (LANG(?name) = \"en\") \
             FILTER NOT EXISTS { ?node a pg:Agreement } } \
             GROUP BY ?node HAVING (COUNT(DISTINCT ?name) > 1)",
        ])
        .ok();
    assert_eq!(twice, "?node\n", "nodes with two English names");
}

//! Bad input: one line naming the file, line and field; exit code 2; the store as it was.

use crate::util::{Env, seed_card};

/// Everything in the store `kg`, ontology included, as N-Quads.
fn dump(env: &Env) -> String {
    let args = [
        "export",
        "--store",
        "kg",
        "--format",
        "nq",
        "--with-ontology",
    ];
    env.run(&args).ok()
}

/// Builds the seed into the store `kg` and returns its dump.
fn baseline(env: &Env) -> String {
    let seed = seed_card();
    env.run(&["build", "--store", "kg", seed.to_str().unwrap()])
        .ok();
    dump(env)
}

fn unchanged(env: &Env, before: &str) {
    assert!(dump(env) == before, "the store changed");
}

const GOOD: &str = "release:\n  id: good\n  title: A good card\n  date: 2024-01-02\nkind: signing\nevents:\n  - key: s\n    kind: signing\n    date: 2024-01-02\n    agreements: [a]\n    signatories: [p]\nagreements:\n  - key: a\n    short_name: Some Agreement\n    parties: [Japan, Australia]\npeople:\n  - key: p\n    name: Jane Doe\n";

#[test]
fn each_bad_card_is_refused_with_its_place_and_the_store_kept() {
    let env = Env::new();
    let before = baseline(&env);
    let cases: &[(&str, String, &str)] = &[
        (
            "malformed.yaml",
            "release:\n  title: [unclosed\nkind: signing\n".into(),
            "malformed.yaml:",
        ),
        (
            "malformed.json",
            "{\"release\": {\"title\": \"x\"},\n \"kind\": \"signing\",\n \"events\": [}\n".into(),
            "malformed.json:3",
        ),
        (
            "unknown-field.yaml",
            GOOD.replace("    signatories: [p]\n", "    signatory: [p]\n"),
            "unknown-field.yaml:11: events[0].signatory: unknown field `signatory`, expected one of",
        ),
        (
            "undefined-key.yaml",
            GOOD.replace("agreements: [a]", "agreements: [acsa]"),
            "undefined-key.yaml:10: events[0].agreements: unknown agreement key \"acsa\", expected one of: a",
        ),
        (
            "bad-date.yaml",
            GOOD.replace(
                "    date: 2024-01-02\n    agreements",
                "    date: 2023-02-29\n    agreements",
            ),
            "bad-date.yaml:9: events[0].date: impossible date \"2023-02-29\", expected a day that exists in the calendar",
        ),
        (
            "bad-time.yaml",
            GOOD.replace(
                "    date: 2024-01-02\n    agreements",
                "    date: 2024-01-02\n    time: \"24:10\"\n    agreements",
            ),
            "bad-time.yaml:10: events[0].time: impossible time \"24:10\", expected HH:MM or HH:MM:SS on a 24-hour clock",
        ),
        (
            "bad-zone.yaml",
            GOOD.replace(
                "    date: 2024-01-02\n    agreements",
                "    date: 2024-01-02\n    timezone: JST\n    agreements",
            ),
            "bad-zone.yaml:10: events[0].timezone: invalid time zone \"JST\", expected an offset such as +09:00 or Z",
        ),
        (
            "bad-kind.yaml",
            GOOD.replace("kind: signing\nevents", "kind: treaty\nevents"),
            "bad-kind.yaml:5: kind: unknown variant `treaty`, expected one of",
        ),
        (
            "bad-url.yaml",
            GOOD.replace(
                "  date: 2024-01-02\nkind",
                "  date: 2024-01-02\n  url: not a url\nkind",
            ),
            "bad-url.yaml:5: release.url: invalid URL \"not a url\", expected an absolute IRI",
        ),
        (
            "card.txt.yml",
            "- just\n- a list\n".into(),
            "card.txt.yml:1: invalid type: sequence, expected struct Card",
        ),
    ];
    for (name, text, expected) in cases {
        let path = env.write(name, text);
        let good = env.write("good.yaml", GOOD);
        // A good card beside the bad one: nothing of either is written.
        let run = env.run(&[
            "build",
            "--store",
            "kg",
            good.to_str().unwrap(),
            path.to_str().unwrap(),
        ]);
        let line = run.error();
        assert!(
            line.starts_with(&format!(
                "pactgraph: {}",
                env.path(expected.split(':').next().unwrap()).display()
            )),
            "{name}: {line}"
        );
        let rest = expected.split_once(':').map(|(_, r)| r).unwrap_or_default();
        assert!(
            line.contains(rest),
            "{name}: expected {expected:?} in {line:?}"
        );
        unchanged(&env, &before);
        std::fs::remove_file(path).unwrap();
    }
}

#[test]
fn missing_files_unknown_formats_and_sentences_out_of_range() {
    let env = Env::new();
    let before = baseline(&env);
    let run = env.run(&["build", "--store", "kg", "nowhere.yaml"]);
    assert!(
        run.error()
            .starts_with("pactgraph: nowhere.yaml: cannot read: "),
        "{}",
        run.stderr
    );
    let run = env.run(&["export", "--store", "kg", "--format", "docx"]);
    assert!(
        run.error().starts_with(
            "pactgraph: unknown format \"docx\", expected one of: turtle, ntriples, nquads, trig, rdfxml, jsonld, canonical"
        ),
        "{}",
        run.stderr
    );
    let run = env.run(&["export", "--store", "kg", "--output", "graph.docx"]);
    assert!(
        run.error()
            .starts_with("pactgraph: graph.docx: cannot tell the format from the extension"),
        "{}",
        run.stderr
    );
    env.write("src.txt", "One sentence. Two sentences.\n");
    env.write(
        "cited.yaml",
        GOOD.replace(
            "  date: 2024-01-02\nkind",
            "  date: 2024-01-02\n  source: src.txt\nkind",
        )
        .replace(
            "    signatories: [p]\n",
            "    signatories: [p]\n    evidence: [3]\n",
        ),
    );
    let run = env.run(&["build", "--store", "kg", "cited.yaml"]);
    assert_eq!(
        run.error(),
        "pactgraph: cited.yaml:13: events[0].evidence[0]: sentence 3 is cited, expected a number from 1 to 2 (the sentences of the source text)"
    );
    env.write(
        "sha.yaml",
        GOOD.replace(
            "  date: 2024-01-02\nkind",
            &format!(
                "  date: 2024-01-02\n  source: src.txt\n  text_sha256: {}\nkind",
                "0".repeat(64)
            ),
        ),
    );
    let run = env.run(&["build", "--store", "kg", "sha.yaml"]);
    assert!(
        run.error()
            .starts_with("pactgraph: sha.yaml: release.text_sha256: the source text's SHA-256 is "),
        "{}",
        run.stderr
    );
    env.write("dup1.yaml", GOOD);
    env.write(
        "dup2.json",
        r#"{"release": {"id": "good"}, "kind": "other"}"#,
    );
    let run = env.run(&["build", "--store", "kg", "dup1.yaml", "dup2.json"]);
    assert_eq!(
        run.error(),
        "pactgraph: dup2.json: release id \"good\" is also the id of dup1.yaml, expected one card per release"
    );
    let run = env.run(&["export", "--store", "nothing-here"]);
    assert!(
        run.error()
            .starts_with("pactgraph: nothing-here: cannot open the store"),
        "{}",
        run.stderr
    );
    unchanged(&env, &before);
}

#[test]
fn rebuilding_replaces_a_release_and_skips_unchanged_cards() {
    let env = Env::new();
    baseline(&env);
    let good = env.write("good.yaml", GOOD);
    let run = env.run(&["build", "--store", "kg", good.to_str().unwrap()]);
    run.ok();
    assert!(
        run.stderr.contains("1 written, 0 unchanged"),
        "{}",
        run.stderr
    );
    let run = env.run(&["build", "--store", "kg", good.to_str().unwrap()]);
    assert!(
        run.stderr.contains("0 written, 1 unchanged"),
        "{}",
        run.stderr
    );
    // A corrected card replaces its release graph: the old name is gone.
    env.write("good.yaml", GOOD.replace("Jane Doe", "Janet Doe"));
    env.run(&["build", "--store", "kg", good.to_str().unwrap()])
        .ok();
    let out = env
        .run(&[
            "export", "--store", "kg", "--format", "nq", "--graph", "good",
        ])
        .ok();
    assert!(out.contains("\"Janet Doe\""));
    assert!(!out.contains("\"Jane Doe\""));
    // The seed built earlier is still there.
    let stats = env.run(&["stats", "--store", "kg"]).ok();
    assert!(
        stats
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["releases", "2"]),
        "{stats}"
    );
}

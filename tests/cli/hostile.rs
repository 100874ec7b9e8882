//! What a hostile or careless user does (issue 16): nothing lost, nothing leaked, nothing
//! crashes. Each test is named for what it protects.

use std::io::Read;
use std::process::Stdio;

use crate::util::{Env, fixture, seed_card};

/// Everything in the store `kg`, ontology included, as N-Quads.
fn dump(env: &Env) -> String {
    env.run(&[
        "export",
        "--store",
        "kg",
        "--format",
        "nq",
        "--with-ontology",
    ])
    .ok()
}

fn build_seed(env: &Env) {
    let seed = seed_card();
    env.run(&["build", "--store", "kg", "-q", seed.to_str().unwrap()])
        .ok();
}

const GOOD: &str = "release:\n  id: good\n  title: A good card\n  date: 2024-01-02\nkind: signing\nevents:\n  - key: s\n    kind: signing\n    date: 2024-01-02\n    agreements: [a]\n    signatories: [p]\nagreements:\n  - key: a\n    short_name: Some Agreement\n    parties: [Japan, Australia]\npeople:\n  - key: p\n    name: Jane Doe\n";

// ---------------------------------------------------------------------------------------------
// Data loss: --output

#[cfg(unix)]
#[test]
fn export_never_replaces_a_fifo_or_a_directory() {
    let env = Env::new();
    let fifo = env.path("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::fs::create_dir(env.path("dir")).unwrap();
    for (target, what) in [("pipe", "a FIFO"), ("dir", "a directory")] {
        let line = env
            .run(&["export", "--format", "ttl", "--output", target])
            .error();
        assert!(line.contains(target) && line.contains(what), "{line}");
        assert!(line.contains("--output"), "{line}");
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(env.path("dir").is_dir());
    assert_eq!(std::fs::read_dir(env.path("dir")).unwrap().count(), 0);
    // No temporary file is left beside them either.
    let names: Vec<String> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".pactgraph-"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[cfg(unix)]
#[test]
fn export_never_replaces_a_device_node_behind_a_link() {
    let env = Env::new();
    std::os::unix::fs::symlink("/dev/null", env.path("null.ttl")).unwrap();
    let line = env.run(&["export", "--output", "null.ttl"]).error();
    assert!(line.contains("not a regular file"), "{line}");
    assert!(
        std::fs::symlink_metadata(env.path("null.ttl"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[cfg(unix)]
#[test]
fn export_writes_through_a_symlink_and_keeps_it() {
    let env = Env::new();
    let target = env.write("real/graph.ttl", "old\n");
    std::os::unix::fs::symlink(&target, env.path("graph.ttl")).unwrap();
    env.run(&["export", "--output", "graph.ttl"]).ok();
    let link = std::fs::symlink_metadata(env.path("graph.ttl")).unwrap();
    assert!(link.file_type().is_symlink(), "the link became a file");
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.contains("person:judith-collins"), "{written}");
}

#[test]
fn export_to_dash_or_dev_stdout_writes_standard_output() {
    let env = Env::new();
    let plain = env.run(&["export", "--format", "nt"]).ok();
    for target in ["-", "/dev/stdout"] {
        let out = env
            .run(&["export", "--format", "nt", "--output", target])
            .ok();
        assert_eq!(out, plain, "--output {target}");
    }
    assert!(
        std::fs::symlink_metadata("/dev/stdout")
            .map(|m| !m.file_type().is_file())
            .unwrap_or(true),
        "/dev/stdout was replaced by a file"
    );
}

#[test]
fn export_refuses_an_output_inside_the_store_it_reads() {
    let env = Env::new();
    build_seed(&env);
    let before = dump(&env);
    let current = std::fs::read(env.path("kg/CURRENT")).unwrap();
    for target in ["kg/CURRENT", "kg/new.ttl", "./kg/../kg/CURRENT"] {
        let line = env
            .run(&[
                "export", "--store", "kg", "--format", "ttl", "--output", target,
            ])
            .error();
        assert!(line.contains("inside the store"), "{line}");
    }
    let line = env
        .run(&["query", "q8", "--store", "kg", "--output", "kg/q8.tsv"])
        .error();
    assert!(line.contains("inside the store"), "{line}");
    assert_eq!(std::fs::read(env.path("kg/CURRENT")).unwrap(), current);
    assert!(!env.path("kg/new.ttl").exists());
    assert_eq!(dump(&env), before);
}

#[test]
fn a_killed_exports_temporary_files_are_removed_by_the_next() {
    let env = Env::new();
    let old = env.write("out/.pactgraph-killed", "half an export");
    std::fs::create_dir(env.path("out/.pactgraph-killeddir")).unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for path in [&old, &env.path("out/.pactgraph-killeddir")] {
        std::fs::File::open(path)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
    }
    // A fresh one may belong to an export still running: it stays.
    let fresh = env.write("out/.pactgraph-running", "");
    env.run(&["export", "--output", "out/graph.ttl"]).ok();
    assert!(!old.exists());
    assert!(!env.path("out/.pactgraph-killeddir").exists());
    assert!(fresh.exists());
    assert!(env.path("out/graph.ttl").is_file());
}

// ---------------------------------------------------------------------------------------------
// Release id collisions

#[test]
fn a_build_never_replaces_a_release_from_another_source() {
    let env = Env::new();
    std::fs::create_dir_all(env.path("a")).unwrap();
    std::fs::create_dir_all(env.path("b")).unwrap();
    std::fs::copy(
        fixture("releases/date-without-year.txt"),
        env.path("a/release.txt"),
    )
    .unwrap();
    std::fs::copy(
        fixture("releases/entry-into-force-uk.txt"),
        env.path("b/release.txt"),
    )
    .unwrap();
    env.run(&["build", "--store", "kg", "-q", "a/release.txt"])
        .ok();
    let before = dump(&env);
    let line = env
        .run(&["build", "--store", "kg", "-q", "b/release.txt"])
        .error();
    assert!(
        line.starts_with("pactgraph: b/release.txt: release id \"release\" is already in the store from another source"),
        "{line}"
    );
    assert!(line.contains("--replace"), "{line}");
    assert_eq!(dump(&env), before, "the store changed");
    // The same release again, and an edit of it, are no conflict.
    env.run(&["build", "--store", "kg", "-q", "a/release.txt"])
        .ok();
    // Asked to, the build replaces it.
    env.run(&["build", "--store", "kg", "-q", "--replace", "b/release.txt"])
        .ok();
    let after = dump(&env);
    assert_ne!(after, before);
    assert!(after.contains("United Kingdom") || after.contains("united-kingdom"));
}

// ---------------------------------------------------------------------------------------------
// release.source

#[test]
fn release_source_reads_only_regular_files_under_the_card_folder() {
    let env = Env::new();
    env.write("cards/inner/ok.txt", "A text.\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc/hostname", env.path("cards/escape.txt")).unwrap();
    let cases = [
        ("/proc/self/environ", "not a path inside the card's folder"),
        ("/dev/zero", "not a path inside the card's folder"),
        ("../../etc/passwd", "not a path inside the card's folder"),
        ("inner", "not a regular file"),
        #[cfg(unix)]
        ("escape.txt", "leads out of the card's folder"),
    ];
    for (source, expected) in cases {
        let card = GOOD.replace(
            "  date: 2024-01-02\nkind",
            &format!("  date: 2024-01-02\n  source: {source}\nkind"),
        );
        let path = env.write("cards/card.yaml", card);
        let line = env.run(&["check", path.to_str().unwrap()]).error();
        assert!(
            line.contains("card.yaml:5: release.source:") && line.contains(expected),
            "{source}: {line}"
        );
        assert!(!line.contains("PATH="), "{line}");
    }
}

#[test]
fn a_card_beside_its_bom_prefixed_text_is_accepted() {
    let env = Env::new();
    let mut text = "\u{feff}".as_bytes().to_vec();
    text.extend(std::fs::read(fixture("releases/date-without-year.txt")).unwrap());
    env.write("r/release.txt", &text);
    let card = env.run(&["extract", "r/release.txt"]).ok();
    env.write("r/release.yaml", card);
    let out = env.run(&["check", "r/release.yaml"]).ok();
    assert!(out.contains("ok, release release"), "{out}");
    // And the directory, where the card is read instead of the text.
    env.run(&["build", "-q", "r"]).ok();
}

// ---------------------------------------------------------------------------------------------
// One card, one node per key; no empty slug; one JSON card per file

#[test]
fn two_people_whose_names_slug_alike_never_share_a_node() {
    let env = Env::new();
    for (a, b) in [
        ("Jane O'Neil", "Jane ONeil"),
        ("José García", "Jose Garcia"),
    ] {
        let card = GOOD.replace(
            "    name: Jane Doe\n",
            &format!("    name: {a}\n  - key: q\n    name: {b}\n"),
        );
        let path = env.write("alike.yaml", card);
        let line = env.run(&["check", path.to_str().unwrap()]).error();
        assert!(
            line.contains("people \"p\" and \"q\" would be one node"),
            "{line}"
        );
    }
}

#[test]
fn names_without_letters_are_refused_not_minted_as_empty_slugs() {
    let env = Env::new();
    let cases = [
        (
            GOOD.replace("name: Jane Doe", "name: \"!!!\""),
            "people[0].name",
        ),
        (
            GOOD.replace("parties: [Japan, Australia]", "parties: [Japan, \"--\"]"),
            "agreements[0].parties[1]",
        ),
    ];
    for (card, field) in cases {
        let path = env.write("empty-slug.yaml", card);
        let line = env.run(&["check", path.to_str().unwrap()]).error();
        assert!(
            line.contains(&format!("{field}: ")) && line.contains("no letter or digit"),
            "{line}"
        );
    }
}

#[test]
fn trailing_data_after_a_json_card_is_refused() {
    let env = Env::new();
    let good = env
        .run(&[
            "extract",
            fixture("releases/date-without-year.txt").to_str().unwrap(),
            "--format",
            "json",
        ])
        .ok();
    env.write("one.json", &good);
    std::fs::copy(
        fixture("releases/date-without-year.txt"),
        env.path("date-without-year.txt"),
    )
    .unwrap();
    env.run(&["check", "one.json"]).ok();
    for (name, tail) in [
        ("two.json", good.clone()),
        ("garbage.json", "garbage\n".into()),
    ] {
        env.write(name, format!("{good}{tail}"));
        let line = env.run(&["check", name]).error();
        assert!(
            line.contains(name) && line.contains("data after the card"),
            "{line}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Crashes

/// Runs pactgraph with its standard output closed before it writes.
fn run_into_closed_pipe(env: &Env, args: &[&str]) -> (i32, String) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_pactgraph"))
        .args(args)
        .current_dir(env.dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (child.wait().unwrap().code().unwrap_or(-1), stderr)
}

#[test]
fn stats_validate_and_check_exit_0_when_stdout_closes() {
    let env = Env::new();
    let seed = seed_card();
    for args in [
        vec!["stats"],
        vec!["validate"],
        vec!["check", seed.to_str().unwrap()],
    ] {
        let (code, stderr) = run_into_closed_pipe(&env, &args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn absurd_timeouts_are_one_line_errors() {
    let env = Env::new();
    for value in ["1e20", "inf", "NaN", "-1", "0"] {
        let run = env.run(&["query", "q1", &format!("--timeout={value}")]);
        let line = run.error();
        assert!(
            line.starts_with("pactgraph: --timeout: "),
            "{value}: {line}"
        );
    }
    // A long one within the limit is fine.
    env.run(&["query", "q1", "--timeout", "86400"]).ok();
}

#[test]
fn deeply_nested_sparql_is_refused_before_the_parser() {
    let env = Env::new();
    let n = 10_000;
    let queries = [
        format!("SELECT * WHERE {}?s ?p ?o{}", "{".repeat(n), "}".repeat(n)),
        format!(
            "SELECT * WHERE {{ ?s ?p ?o FILTER({}1{}) }}",
            "(".repeat(n),
            ")".repeat(n)
        ),
        format!(
            "SELECT * WHERE {{ ?s ?p ?o {} }}",
            "FILTER NOT EXISTS { ?s ?p ?o ".repeat(n) + &"}".repeat(n)
        ),
    ];
    for q in &queries {
        env.write("deep.rq", q);
        let line = env.run(&["query", "--file", "deep.rq"]).error();
        assert!(line.contains("nested more than 128 deep"), "{line}");
        assert!(line.len() < 300, "{line}");
    }
    // Brackets inside strings, IRIs and comments do not count.
    let q = format!(
        "SELECT * WHERE {{ ?s ?p \"{}\" # {}\n FILTER(?s != <http://e/{}>) }}",
        "{".repeat(500),
        "(".repeat(500),
        "a".repeat(10)
    );
    env.run(&["query", "-e", &q]).ok();
}

// ---------------------------------------------------------------------------------------------
// Outputs other tools can read

#[test]
fn control_characters_and_noncharacters_in_card_text_are_refused_by_field() {
    let env = Env::new();
    let cases = [
        (
            "title: A good card",
            "title: \"A \\a good card\"",
            "release.title",
            "U+0007",
        ),
        (
            "title: A good card",
            "title: \"A \\e[31m card\"",
            "release.title",
            "U+001B",
        ),
        (
            "title: A good card",
            "title: \"A \\0 card\"",
            "release.title",
            "U+0000",
        ),
        (
            "name: Jane Doe",
            "name: \"Jane \\uFFFE Doe\"",
            "people[0].name",
            "U+FFFE",
        ),
        (
            "short_name: Some Agreement",
            "short_name: \"Some \\x01 Agreement\"",
            "agreements[0].short_name",
            "U+0001",
        ),
    ];
    for (from, to, field, code) in cases {
        let path = env.write("ctl.yaml", GOOD.replace(from, to));
        for command in ["check", "build"] {
            let line = env.run(&[command, path.to_str().unwrap()]).error();
            assert!(
                line.contains(&format!(": {field}: ")) && line.contains(code),
                "{command} {to}: {line}"
            );
            assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
        }
    }
    // Tabs and line breaks stay allowed in text.
    let path = env.write(
        "tab.yaml",
        GOOD.replace("title: A good card", "title: \"A\\tgood\\ncard\""),
    );
    env.run(&["check", path.to_str().unwrap()]).ok();
}

#[test]
fn a_line_separator_in_a_url_is_refused() {
    let env = Env::new();
    let card = GOOD.replace(
        "  date: 2024-01-02\nkind",
        "  date: 2024-01-02\n  url: \"https://example.org/a\\Lb\"\nkind",
    );
    let path = env.write("url.yaml", card);
    let line = env.run(&["check", path.to_str().unwrap()]).error();
    assert!(line.contains("url.yaml:5: release.url: "), "{line}");
    assert!(!line.contains('\u{2028}'), "{line:?}");
}

// ---------------------------------------------------------------------------------------------
// Stray files

#[test]
fn a_killed_builds_bulk_files_are_removed_by_the_next_build() {
    let env = Env::new();
    build_seed(&env);
    let stray = env.write("kg/bulk-123456789.sst", vec![0u8; 4096]);
    let before = dump(&env);
    build_seed(&env);
    assert!(!stray.exists(), "the bulk file of a killed build stayed");
    assert_eq!(dump(&env), before);
}

// ---------------------------------------------------------------------------------------------
// Messages

#[test]
fn card_errors_name_their_line() {
    let env = Env::new();
    let cases = [
        (
            GOOD.replace(
                "  date: 2024-01-02\nkind",
                "  date: 2024-01-02\n  url: not a url\nkind",
            ),
            "5: release.url: ",
        ),
        (GOOD.replace("id: good", "id: Not Good"), "2: release.id: "),
        (
            GOOD.replace("id: good", &format!("id: {}", "a".repeat(200))),
            "2: release.id: the id has 200 characters, expected at most 128",
        ),
        (
            GOOD.replace(
                "  date: 2024-01-02\nkind",
                "  date: 2024-01-02\n  language: \"en us!\"\nkind",
            ),
            "5: release.language: ",
        ),
        (
            GOOD.replace(
                "  - key: p\n    name: Jane Doe\n",
                "  - key: p\n    name: Jane Doe\n  - key: p\n    name: John Doe\n",
            ),
            "19: people[1].key: ",
        ),
        (
            GOOD.replace(
                "    signatories: [p]\n",
                "    signatories: [p]\n    evidence: [0]\n",
            ),
            "12: events[0].evidence: ",
        ),
    ];
    for (card, expected) in cases {
        let path = env.write("lines.yaml", card);
        let line = env.run(&["check", path.to_str().unwrap()]).error();
        assert!(
            line.contains(&format!("lines.yaml:{expected}")),
            "{expected}: {line}"
        );
    }
    // Evidence past the source text's sentences, with the source at hand.
    env.write("cards/text.txt", "One sentence here.\n");
    let card = GOOD
        .replace(
            "  date: 2024-01-02\nkind",
            "  date: 2024-01-02\n  source: text.txt\nkind",
        )
        .replace(
            "    name: Jane Doe\n",
            "    name: Jane Doe\n    evidence: [1, 7]\n",
        );
    let path = env.write("cards/cited.yaml", card);
    let line = env.run(&["check", path.to_str().unwrap()]).error();
    assert!(
        line.contains("cited.yaml:20: people[0].evidence[1]: sentence 7"),
        "{line}"
    );
}

#[test]
fn errors_escape_the_control_characters_they_quote() {
    let env = Env::new();
    let card = GOOD.replace(
        "  date: 2024-01-02\nkind",
        "  date: 2024-01-02\n  url: \"http://a\\e[2Jb\\r\"\nkind",
    );
    let path = env.write("esc.yaml", card);
    let run = env.run(&["check", path.to_str().unwrap()]);
    let line = run.error();
    assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
    assert!(line.contains("\\u{1b}"), "{line}");
    let run = env.run(&["query", "-e", "SELECT * WHERE { ?s ?p \u{1b}[2J }"]);
    let line = run.error();
    assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
}

#[test]
fn an_unknown_graph_gives_a_short_error() {
    let env = Env::new();
    let mut inputs = Vec::new();
    for i in 0..40 {
        let card = GOOD.replace("id: good", &format!("id: release-number-{i}"));
        inputs.push(env.write(&format!("cards/{i}.yaml"), card));
    }
    env.run(&["build", "--store", "kg", "-q", "cards"]).ok();
    let line = env
        .run(&["export", "--store", "kg", "--graph", "nope"])
        .error();
    assert!(line.len() < 600, "{} bytes: {line}", line.len());
    assert!(line.contains("40 releases"), "{line}");
}

// ---------------------------------------------------------------------------------------------
// Limits

#[test]
fn card_limits_on_nesting_field_length_and_file_kind_are_enforced() {
    let env = Env::new();
    // Deep flow nesting is refused at once, not parsed in quadratic time.
    let deep = GOOD.replace(
        "    parties: [Japan, Australia]\n",
        &format!(
            "    parties: [Japan, Australia]\n    forces: {}x{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    );
    let path = env.write("deep.yaml", deep);
    let started = std::time::Instant::now();
    let line = env.run(&["check", path.to_str().unwrap()]).error();
    assert!(
        line.contains("deep.yaml:16: brackets nested 17 deep, expected at most 16"),
        "{line}"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    // A field of more than 100,000 characters.
    let long = GOOD.replace(
        "title: A good card",
        &format!("title: {}", "a".repeat(100_001)),
    );
    let path = env.write("long.yaml", long);
    let line = env.run(&["check", path.to_str().unwrap()]).error();
    assert!(
        line.contains("long.yaml:3: release.title: 100001 characters, expected at most 100000"),
        "{line}"
    );
    // Quotes, apostrophes and comments do not count as nesting.
    let fine = GOOD
        .replace(
            "name: Jane Doe",
            "name: \"Jane [[[[[[[[[[[[[[[[[[ Doe\" # {{{{{{{{{{{{{{{{{{",
        )
        .replace(
            "short_name: Some Agreement",
            "short_name: O'Neil's [Agreement]",
        );
    let path = env.write("fine.yaml", fine);
    env.run(&["check", path.to_str().unwrap()]).ok();
    #[cfg(unix)]
    {
        let fifo = env.path("fifo.yaml");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let line = env.run(&["check", "fifo.yaml"]).error();
        assert!(line.contains("fifo.yaml: not a regular file"), "{line}");
    }
}

#[test]
fn an_export_keeps_no_named_spill_files_a_kill_could_leak() {
    let env = Env::new();
    // Enough releases that the merged triples spill to sorted runs (400,000 a run).
    env.run(&["generate", "--releases", "12000", "--output", "cards"])
        .ok();
    env.run(&["build", "--store", "kg", "-q", "cards"]).ok();
    let tmp = env.path("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_pactgraph"))
        .args([
            "export", "--store", "kg", "--format", "nt", "--output", "all.nt",
        ])
        .current_dir(env.dir.path())
        .env("TMPDIR", &tmp)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Whatever moment a kill -9 came at, the temporary directory would hold nothing.
    let mut seen = Vec::new();
    while child.try_wait().unwrap().is_none() {
        for entry in std::fs::read_dir(&tmp).unwrap() {
            seen.push(entry.unwrap().file_name());
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(child.wait().unwrap().success());
    assert!(seen.is_empty(), "spill files in $TMPDIR: {seen:?}");
    let lines = std::fs::read_to_string(env.path("all.nt"))
        .unwrap()
        .lines()
        .count();
    assert!(lines > 400_000, "{lines} triples: no spill happened");
}

#[test]
fn a_graph_tool_export_keeps_no_named_spool_files_a_kill_could_leak() {
    let env = Env::new();
    env.run(&["generate", "--releases", "3000", "--output", "cards", "-q"])
        .ok();
    env.run(&["build", "--store", "kg", "-q", "cards"]).ok();
    let tmp = env.path("tmp");
    std::fs::create_dir(&tmp).unwrap();
    for (format, output) in [("gexf", "all.gexf"), ("neo4j", "neo4j")] {
        let mut child = env
            .command(&[
                "export", "--store", "kg", "--format", format, "--output", output,
            ])
            .env("TMPDIR", &tmp)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Whatever moment a kill -9 came at, the temporary directory would hold nothing.
        let mut seen = Vec::new();
        let mut looks = 0;
        while child.try_wait().unwrap().is_none() {
            for entry in std::fs::read_dir(&tmp).unwrap() {
                seen.push(entry.unwrap().file_name());
            }
            looks += 1;
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert!(child.wait().unwrap().success());
        assert!(
            seen.is_empty(),
            "{format}: spool files in $TMPDIR: {seen:?}"
        );
        assert!(
            looks > 10,
            "{format}: the export ended before it could be watched"
        );
        assert!(env.path(output).exists());
    }
}

//! The test harness: a temporary directory, the binary, and helpers to run it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A scratch directory with the pactgraph binary at hand.
pub struct Env {
    pub dir: tempfile::TempDir,
}

/// What a run printed and how it exited.
pub struct Run {
    pub code: i32,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Run {
    pub fn text(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }

    /// Asserts success and returns standard output as text.
    #[track_caller]
    pub fn ok(&self) -> String {
        assert_eq!(self.code, 0, "expected success, stderr: {}", self.stderr);
        self.text()
    }

    /// Asserts exit code 2 with a one-line error and returns it.
    #[track_caller]
    pub fn error(&self) -> String {
        assert_eq!(
            self.code,
            2,
            "expected exit code 2, stdout: {}, stderr: {}",
            self.text(),
            self.stderr
        );
        let lines: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(
            lines.len(),
            1,
            "expected a one-line error, got: {}",
            self.stderr
        );
        lines[0].to_owned()
    }
}

impl From<Output> for Run {
    fn from(out: Output) -> Self {
        Self {
            code: out.status.code().unwrap_or(-1),
            stdout: out.stdout,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

impl Env {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file into the scratch directory and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// Runs pactgraph with these arguments in the scratch directory.
    pub fn run(&self, args: &[&str]) -> Run {
        self.command(args).output().expect("pactgraph runs").into()
    }

    /// Runs pactgraph with these arguments, `input` on its standard input.
    pub fn run_with_input(&self, args: &[&str], input: &[u8]) -> Run {
        use std::io::Write;
        use std::process::Stdio;
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("pactgraph runs");
        child
            .stdin
            .take()
            .expect("a piped standard input")
            .write_all(input)
            .expect("pactgraph reads its input");
        child.wait_with_output().expect("pactgraph runs").into()
    }

    /// The command that runs pactgraph with these arguments in the scratch directory.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_pactgraph"));
        command
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("SOURCE_DATE_EPOCH");
        command
    }
}

/// A fixture file of this crate.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The seed card shipped in releases/.
pub fn seed_card() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("releases/mofa-2025-12-19-jp-nz-acsa-isa.yaml")
}

/// `../shared`, when it is beside the checkout; tests that need it print why they skip.
pub fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.join("corpus").is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: ../shared/corpus is not beside the checkout");
        None
    }
}

/// The seed release built into an in-memory store through the library.
pub fn seed_store() -> pactgraph::store::GraphStore {
    store_of(&[])
}

/// These cards (none: the seed) built into an in-memory store through the library.
pub fn store_of(cards: &[PathBuf]) -> pactgraph::store::GraphStore {
    let iris = pactgraph::iri::Iris::default();
    let graphs = pactgraph::inputs::load_all(cards, &iris, None).expect("the cards load");
    let store = pactgraph::store::GraphStore::in_memory(iris).unwrap();
    store.load(&graphs, true).unwrap();
    store
}

/// Runs a SELECT and returns each row as the values of `vars`, in N-Triples form for IRIs and
/// as plain values for literals; rows sorted.
pub fn rows(store: &pactgraph::store::GraphStore, query: &str, vars: &[&str]) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = pactgraph::query::select(store, query, "test")
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(|s| {
            vars.iter()
                .map(|v| match s.get(*v) {
                    Some(oxigraph::model::Term::Literal(l)) => l.value().to_owned(),
                    Some(oxigraph::model::Term::NamedNode(n)) => n.as_str().to_owned(),
                    Some(other) => other.to_string(),
                    None => String::new(),
                })
                .collect()
        })
        .collect();
    rows.sort();
    rows
}

/// `https://w3id.org/pactgraph/id/{path}`.
pub fn id(path: &str) -> String {
    format!("https://w3id.org/pactgraph/id/{path}")
}

/// Checks that the seed release and a second release about the same signing (id
/// `other_release`, whose signing starts at `other_start`) meet on the same nodes: two
/// ministers, two agreements, one signing, both governments and forces, each agreement with two
/// sources, and each release's own time in its own graph.
pub fn assert_one_seed_event(
    store: &pactgraph::store::GraphStore,
    other_release: &str,
    other_start: &str,
) {
    let in_releases = |class: &str| {
        rows(
            store,
            &format!(
                "SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x a {class} }} FILTER(STRSTARTS(STR(?g), '{}')) }}",
                id("graph/release-")
            ),
            &["x"],
        )
    };
    assert_eq!(
        in_releases("schema:Person"),
        vec![
            vec![id("person/judith-collins")],
            vec![id("person/toshimitsu-motegi")]
        ]
    );
    assert_eq!(
        in_releases("pg:Agreement"),
        vec![
            vec![id("agreement/acsa-japan_new-zealand-2025")],
            vec![id("agreement/information-security-japan_new-zealand-2025")]
        ]
    );
    assert_eq!(
        in_releases("pg:Signing"),
        vec![vec![id("event/2025-12-19-signing-japan_new-zealand")]]
    );
    let objects = |p: &str| {
        rows(
            store,
            &format!("SELECT DISTINCT ?o WHERE {{ ?a a pg:Agreement ; {p} ?o }}"),
            &["o"],
        )
    };
    assert_eq!(
        objects("pg:party"),
        vec![
            vec![id("government/japan")],
            vec![id("government/new-zealand")]
        ]
    );
    assert_eq!(
        objects("pg:concernsForce"),
        vec![
            vec![id("force/japan-self-defense-forces")],
            vec![id("force/new-zealand-defence-force")]
        ]
    );
    let sources = rows(
        store,
        "SELECT ?a (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r schema:mentions ?a } GROUP BY ?a",
        &["a", "n"],
    );
    assert_eq!(
        sources,
        vec![
            vec![id("agreement/acsa-japan_new-zealand-2025"), "2".into()],
            vec![
                id("agreement/information-security-japan_new-zealand-2025"),
                "2".into()
            ]
        ]
    );
    let posts = rows(
        store,
        "SELECT DISTINCT ?p ?post WHERE { ?h a pg:PostHolding ; org:member ?p ; org:holds ?post }",
        &["p", "post"],
    );
    assert_eq!(
        posts,
        vec![
            vec![
                id("person/judith-collins"),
                id("post/new-zealand-minister-of-defence")
            ],
            vec![
                id("person/toshimitsu-motegi"),
                id("post/japan-minister-for-foreign-affairs")
            ],
        ]
    );
    // Where the two disagree, each keeps its own statement in its own graph.
    let times = rows(
        store,
        "SELECT ?g ?t WHERE { GRAPH ?g { ?e a pg:Signing ; schema:startDate ?t } }",
        &["g", "t"],
    );
    assert_eq!(
        times,
        vec![
            vec![
                id("graph/release-mofa-2025-12-19-jp-nz-acsa-isa"),
                "2025-12-19T11:40:00+09:00".into()
            ],
            vec![
                id(&format!("graph/release-{other_release}")),
                other_start.into()
            ],
        ]
    );
}

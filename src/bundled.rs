//! The queries shipped in `queries/`, one per competency question, embedded at compile time so
//! the binary answers them from any directory.
//!
//! Each file starts with a header of `#` comment lines that `pactgraph queries` lists and the
//! README's table is generated from:
//!
//! ```text
//! # Q8: Who signed each agreement, holding which post, on behalf of which government?
//! # (optional lines of notes)
//! #
//! # Columns:
//! #   agreement   the agreement
//! # Parameters:
//! #   agreement   an agreement IRI (default: every agreement)
//! ```

/// A query file of `queries/`: its name (the file stem) and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundledQuery {
    /// The name, as `pactgraph query NAME` takes it.
    pub name: &'static str,
    /// The SPARQL text, header included.
    pub text: &'static str,
}

macro_rules! bundled {
    ($($name:literal),* $(,)?) => {
        /// Every bundled query, in the order of the competency questions.
        pub const BUNDLED: &[BundledQuery] = &[
            $(BundledQuery { name: $name, text: include_str!(concat!("../queries/", $name, ".rq")) }),*
        ];
    };
}

bundled![
    "signed_agreements",
    "agreement_signings",
    "agreement_parties",
    "agreement_types",
    "agreement_summaries",
    "agreement_forces",
    "signing_places",
    "signatories",
    "post_at_event",
    "post_timeline",
    "release_events",
    "meeting_outcomes",
    "indo_pacific_meetings",
    "partner_timeline",
    "force_agreements",
    "signing_cities",
    "fact_sources",
    "graph_provenance",
    "foreign_minister_signings",
    "repeat_signatories",
    "entry_into_force_lag",
    "corroborated_facts",
];

/// What a query's header says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Header {
    /// The competency question's number (8 for Q8).
    pub number: u32,
    /// The question, as `competency-questions.md` asks it.
    pub question: String,
    /// Notes after the question, joined into one paragraph.
    pub notes: String,
    /// Each column and what it means.
    pub columns: Vec<(String, String)>,
    /// Each parameter (a variable `--param` binds) and what it takes.
    pub params: Vec<(String, String)>,
}

impl BundledQuery {
    /// The query's header, read from its leading comment lines.
    pub fn header(&self) -> Header {
        parse_header(self.text)
    }

    /// Where the query comes from, for messages: `queries/NAME.rq`.
    pub fn origin(&self) -> String {
        format!("queries/{}.rq", self.name)
    }
}

/// Reads the header of a query text (see the module documentation).
pub fn parse_header(text: &str) -> Header {
    let mut header = Header::default();
    let mut section = "";
    let mut notes = Vec::new();
    for line in text.lines() {
        let Some(comment) = line.strip_prefix('#') else {
            break;
        };
        let comment = comment.trim_end();
        let trimmed = comment.trim();
        if header.question.is_empty() {
            if let Some((q, question)) = trimmed.split_once(':')
                && let Some(n) = q.strip_prefix('Q').and_then(|n| n.parse().ok())
            {
                header.number = n;
                header.question = question.trim().to_owned();
            }
            continue;
        }
        match trimmed {
            "" => continue,
            "Columns:" => section = "columns",
            "Parameters:" => section = "params",
            _ => {
                let item = || {
                    let (name, what) = trimmed
                        .split_once(char::is_whitespace)
                        .unwrap_or((trimmed, ""));
                    (name.to_owned(), what.trim().to_owned())
                };
                match section {
                    "columns" => header.columns.push(item()),
                    "params" => header.params.push(item()),
                    _ => notes.push(trimmed.to_owned()),
                }
            }
        }
    }
    header.notes = notes.join(" ");
    header
}

/// The bundled query a name means: its name, or its question (`q8`, `Q08`).
pub fn find(name: &str) -> Option<BundledQuery> {
    if let Some(q) = BUNDLED.iter().find(|q| q.name == name) {
        return Some(*q);
    }
    let number: u32 = name.strip_prefix(['q', 'Q']).and_then(|n| n.parse().ok())?;
    BUNDLED
        .iter()
        .find(|q| q.header().number == number)
        .copied()
}

/// The names of every bundled query, for messages.
pub fn names() -> Vec<&'static str> {
    BUNDLED.iter().map(|q| q.name).collect()
}

fn escape_markdown(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The README's table of bundled queries, generated from their headers.
pub fn markdown() -> String {
    let mut out = String::from("| query | question | columns | parameters |\n|---|---|---|---|\n");
    for q in BUNDLED {
        let h = q.header();
        let columns: Vec<String> = h.columns.iter().map(|(c, _)| format!("`{c}`")).collect();
        let params: Vec<String> = h
            .params
            .iter()
            .map(|(p, what)| format!("`{p}`: {}", escape_markdown(what)))
            .collect();
        out.push_str(&format!(
            "| `{}` | Q{}: {} | {} | {} |\n",
            q.name,
            h.number,
            escape_markdown(&h.question),
            columns.join(", "),
            if params.is_empty() {
                "none".to_owned()
            } else {
                params.join("; ")
            }
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_queries_is_bundled_once_and_in_question_order() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        files.sort();
        let mut bundled: Vec<String> = BUNDLED.iter().map(|q| format!("{}.rq", q.name)).collect();
        bundled.sort();
        assert_eq!(files, bundled);
        let numbers: Vec<u32> = BUNDLED.iter().map(|q| q.header().number).collect();
        assert_eq!(numbers, (1..=22).collect::<Vec<_>>());
    }

    #[test]
    fn every_header_names_its_question_columns_and_parameters() {
        for q in BUNDLED {
            let h = q.header();
            assert!(h.question.contains('?'), "{}: {h:?}", q.name);
            assert!(!h.columns.is_empty(), "{}: no columns", q.name);
            for (name, what) in h.columns.iter().chain(&h.params) {
                assert!(!what.is_empty(), "{}: {name} is not described", q.name);
            }
            for (param, _) in &h.params {
                assert!(
                    q.text.contains(&format!("?{param}")),
                    "{}: parameter {param} is not a variable of the query",
                    q.name
                );
            }
        }
    }

    #[test]
    fn names_and_question_numbers_find_queries() {
        assert_eq!(find("signatories").unwrap().name, "signatories");
        assert_eq!(find("q8").unwrap().name, "signatories");
        assert_eq!(find("Q08").unwrap().name, "signatories");
        assert!(find("q99").is_none());
        assert!(find("nothing").is_none());
    }
}

//! From command-line inputs to mapped release graphs: expanding directories, reading cards and
//! their source texts, mapping in parallel. Nothing touches a store here, so a bad card stops
//! the run before anything is written.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::card::{Card, CardFormat};
use crate::iri::Iris;
use crate::mapping::{MapOptions, ReleaseGraph, map_card};
use crate::reference::Reference;
use crate::text::{SourceText, sha256_hex};

/// The seed release card, compiled in as the default input.
pub const SEED_CARD: &str = include_str!("../releases/mofa-2025-12-19-jp-nz-acsa-isa.yaml");

/// The seed release's source text (Ministry of Foreign Affairs of Japan, press release of
/// 19 December 2025, <https://www.mofa.go.jp/press/release/pressite_000001_01940.html>).
pub const SEED_TEXT: &str = include_str!("../releases/mofa-2025-12-19-jp-nz-acsa-isa.txt");

/// How the seed is named in messages.
pub const SEED_ORIGIN: &str = "<embedded seed>";

/// Why an input could not be used.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// A path that does not exist or cannot be read.
    #[error("{path}: {message}")]
    Path {
        /// The path.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// A malformed card.
    #[error(transparent)]
    Card(#[from] crate::card::CardError),
    /// A card that cannot be mapped.
    #[error(transparent)]
    Map(#[from] crate::mapping::MapError),
    /// A press release that cannot be read.
    #[error(transparent)]
    Extract(#[from] crate::extract::ExtractError),
    /// Two cards with the same release id.
    #[error("{second}: release id {id:?} is also the id of {first}, expected one card per release")]
    Duplicate {
        /// The id.
        id: String,
        /// The first card.
        first: String,
        /// The second card.
        second: String,
    },
}

/// One card as read: where from, its bytes' hash, the card and its source text.
#[derive(Debug, Clone)]
pub struct LoadedCard {
    /// The file, or [`SEED_ORIGIN`].
    pub origin: String,
    /// SHA-256 of the card's bytes.
    pub sha256: String,
    /// The card.
    pub card: Card,
    /// The source text, when the card names one.
    pub source: Option<SourceText>,
}

/// Whether a path names a press release as published (`.txt`, `.html`, `.htm`) rather than a
/// card.
pub fn is_release_text(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "html" | "htm"))
}

/// The card files named by the inputs: files as given, directories searched (recursively) for
/// cards (`.yaml`, `.yml`, `.json`) and press releases (`.txt`, `.html`, `.htm`), in sorted
/// order. In a directory, a release text with a card of the same name beside it is read
/// through that card (it is the card's source), not extracted again.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, InputError> {
    let mut files = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|err| InputError::Path {
            path: input.display().to_string(),
            message: format!("cannot read: {err}"),
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(input, &mut found)?;
            found.sort();
            files.extend(found);
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), InputError> {
    let entries = std::fs::read_dir(dir).map_err(|err| InputError::Path {
        path: dir.display().to_string(),
        message: format!("cannot list: {err}"),
    })?;
    for entry in entries {
        let path = entry
            .map_err(|err| InputError::Path {
                path: dir.display().to_string(),
                message: err.to_string(),
            })?
            .path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if CardFormat::from_path(&path).is_some() {
            out.push(path);
        } else if is_release_text(&path) {
            let has_card = ["yaml", "yml", "json"]
                .iter()
                .any(|ext| path.with_extension(ext).is_file());
            if !has_card {
                out.push(path);
            }
        }
    }
    Ok(())
}

/// Reads a press release (`-` is standard input) and drafts its card: the release id is the
/// file name's, `release.source` names the file (so a card saved beside it finds its text).
pub fn extract_file(path: &Path) -> Result<crate::extract::Extracted, InputError> {
    let (text, _) = crate::extract::read_input(path)?;
    let stdin = path.as_os_str() == "-";
    let id = if stdin {
        None
    } else {
        path.file_stem()
            .and_then(|s| s.to_str())
            .and_then(crate::extract::id_from_file_name)
    };
    let mut extracted = crate::extract::extract_text(text, id);
    if !stdin {
        extracted.card.release.source =
            path.file_name().and_then(|n| n.to_str()).map(str::to_owned);
    }
    Ok(extracted)
}

/// Reads a press release and drafts its card for a build: the card is checked as any card is,
/// its hash is the hash of the drafted card, and the text travels with it for the quotes.
fn read_release_text(path: &Path) -> Result<LoadedCard, InputError> {
    let origin = path.display().to_string();
    let extracted = extract_file(path)?;
    let json = extracted.card.to_string(CardFormat::Json);
    let card = Card::parse(&json, CardFormat::Json, &format!("{origin} (drafted card)"))?;
    Ok(LoadedCard {
        origin,
        sha256: sha256_hex(json.as_bytes()),
        card,
        source: Some(extracted.source),
    })
}

/// Reads one card file and the source text it names.
pub fn read_card(path: &Path) -> Result<LoadedCard, InputError> {
    if is_release_text(path) {
        return read_release_text(path);
    }
    let origin = path.display().to_string();
    let cannot = |err: std::io::Error| InputError::Path {
        path: origin.clone(),
        message: format!("cannot read: {err}"),
    };
    // Looked at before opening: a FIFO would wait for a writer, a device never end.
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if !meta.is_file() {
        return Err(InputError::Path {
            path: origin,
            message: "not a regular file, expected a release card".into(),
        });
    }
    let max = crate::card::MAX_CARD_BYTES;
    if meta.len() > max {
        return Err(InputError::Path {
            path: origin,
            message: format!(
                "{} bytes, expected a card of at most {max} bytes",
                meta.len()
            ),
        });
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::fs::File::open(path).map_err(cannot)?, max + 1),
        &mut bytes,
    )
    .map_err(cannot)?;
    let format = CardFormat::from_path(path).ok_or_else(|| InputError::Path {
        path: origin.clone(),
        message: "expected a release card with the extension .yaml, .yml or .json".into(),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| InputError::Path {
        path: origin.clone(),
        message: "not UTF-8 text, expected a release card in YAML or JSON".into(),
    })?;
    let card = Card::parse(&text, format, &origin)?;
    let source = match &card.release.source {
        Some(rel) => Some(read_source(path, rel, &origin, &text)?),
        None => None,
    };
    if let Some(source) = &source
        && let Some((field, n)) = card.citation_beyond(source.sentences.len())
    {
        return Err(crate::card::CardError {
            origin: origin.clone(),
            line: crate::card::line_of_path(&text, &field),
            field: Some(field),
            message: format!(
                "sentence {n} is cited, expected a number from 1 to {} (the sentences of the source text)",
                source.sentences.len()
            ),
        }
        .into());
    }
    Ok(LoadedCard {
        origin,
        sha256: sha256_hex(text.as_bytes()),
        card,
        source,
    })
}

/// Reads the source text a card names in `release.source`: a regular file under the card's
/// folder (no absolute path, no `..`, no link out of it), at most
/// [`crate::extract::MAX_INPUT_BYTES`], read as `extract` reads it (a byte-order mark
/// dropped, HTML turned into its readable text) so that its hash is the one `extract` wrote.
fn read_source(
    card: &Path,
    rel: &str,
    origin: &str,
    card_text: &str,
) -> Result<SourceText, InputError> {
    let line = crate::card::line_of_field(card_text, "source");
    let at = match line {
        Some(n) => format!("{origin}:{n}: release.source"),
        None => format!("{origin}: release.source"),
    };
    let fail = |message: String| InputError::Path {
        path: at.clone(),
        message,
    };
    let quoted = crate::card::escape_quoted(rel);
    let relative = Path::new(rel);
    let plain = relative.components().all(|c| {
        matches!(
            c,
            std::path::Component::Normal(_) | std::path::Component::CurDir
        )
    });
    if rel.is_empty() || !plain {
        return Err(fail(format!(
            "{quoted} is not a path inside the card's folder, expected a file name relative to the card, without .. or a leading /"
        )));
    }
    let folder = card
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let full = folder.join(relative);
    let cannot = |err: std::io::Error| fail(format!("cannot read the source text {quoted}: {err}"));
    let (real_folder, real) = (
        std::fs::canonicalize(folder).map_err(cannot)?,
        std::fs::canonicalize(&full).map_err(cannot)?,
    );
    if !real.starts_with(&real_folder) {
        return Err(fail(format!(
            "{quoted} leads out of the card's folder (a symbolic link), expected a file inside it"
        )));
    }
    // Looked at before opening: opening a FIFO would wait for a writer.
    if !std::fs::metadata(&real).map_err(cannot)?.is_file() {
        return Err(fail(format!(
            "{quoted} is not a regular file, expected the release's text"
        )));
    }
    let file = std::fs::File::open(&real).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    let max = crate::extract::MAX_INPUT_BYTES;
    if meta.len() > max {
        return Err(fail(format!(
            "{quoted} has {} bytes, more than the limit of {max}",
            meta.len()
        )));
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(file, max + 1), &mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > max {
        return Err(fail(format!(
            "{quoted} is larger than the limit of {max} bytes"
        )));
    }
    let raw = String::from_utf8(bytes).map_err(|_| fail(format!("{quoted} is not UTF-8 text")))?;
    let raw = raw
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(raw);
    // An HTML source is cited through its readable text, as `extract` read it.
    let html = full
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "html" | "htm" | "xhtml"))
        || crate::extract::html::looks_like_html(&raw);
    let raw = if html {
        crate::extract::html::html_to_text(&raw)
    } else {
        raw
    };
    Ok(SourceText::new(raw))
}

/// The embedded seed card with its source text.
pub fn seed() -> LoadedCard {
    let card = Card::parse(SEED_CARD, CardFormat::Yaml, SEED_ORIGIN)
        .expect("the embedded seed card is valid");
    LoadedCard {
        origin: SEED_ORIGIN.to_owned(),
        sha256: sha256_hex(SEED_CARD.as_bytes()),
        card,
        source: Some(SourceText::new(SEED_TEXT)),
    }
}

/// Reads every input (or the seed when there is none), in parallel, and maps each card. The
/// first error in input order is returned; nothing is partially kept.
pub fn load_all(
    inputs: &[PathBuf],
    iris: &Iris,
    build_time: Option<String>,
) -> Result<Vec<(ReleaseGraph, String)>, InputError> {
    let cards: Vec<LoadedCard> = if inputs.is_empty() {
        vec![seed()]
    } else {
        expand(inputs)?
            .par_iter()
            .map(|p| read_card(p))
            .collect::<Result<_, _>>()?
    };
    map_all(&cards, iris, build_time)
}

/// Maps loaded cards in parallel; rejects two cards with one release id.
pub fn map_all(
    cards: &[LoadedCard],
    iris: &Iris,
    build_time: Option<String>,
) -> Result<Vec<(ReleaseGraph, String)>, InputError> {
    let options = MapOptions {
        iris,
        reference: Reference::get(),
        build_time,
    };
    let graphs: Vec<(ReleaseGraph, String)> = cards
        .par_iter()
        .map(|c| {
            map_card(&c.card, &c.origin, &c.sha256, c.source.as_ref(), &options)
                .map(|g| (g, c.sha256.clone()))
        })
        .collect::<Result<_, _>>()?;
    check_unique(
        graphs
            .iter()
            .zip(cards)
            .map(|((graph, _), card)| (graph.release_id.as_str(), card.origin.as_str())),
    )?;
    Ok(graphs)
}

/// Rejects two cards with one release id; `ids` gives each card's release id and origin, in
/// input order.
pub fn check_unique<'a>(ids: impl Iterator<Item = (&'a str, &'a str)>) -> Result<(), InputError> {
    let mut seen: std::collections::BTreeMap<&str, &str> = std::collections::BTreeMap::new();
    for (id, origin) in ids {
        if let Some(first) = seen.insert(id, origin) {
            return Err(InputError::Duplicate {
                id: id.to_owned(),
                first: first.to_owned(),
                second: origin.to_owned(),
            });
        }
    }
    Ok(())
}

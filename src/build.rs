//! The streaming build: card files -> release graphs -> the store, in bounded memory.
//!
//! Cards are read, parsed and mapped in parallel, [`CHUNK`] at a time, in input order, and the
//! quads of new release graphs flow straight into Oxigraph's bulk loader; no list of every quad
//! is ever held. What is kept per card is its release id and file name (to reject two cards with
//! one id) and, for a card whose release graph is already in the store but out of date, the
//! card as read (to replace that graph afterwards from the same bytes: each input is read once).
//!
//! What is guaranteed:
//!
//! - **Bad input changes nothing.** Every card is read, checked and mapped before anything is
//!   written. The bulk loader keeps what it prepares in sorted files beside the store and adds
//!   them in one RocksDB ingestion at the end, so a bad card anywhere, or two cards with one
//!   release id, stops the build with the store exactly as it was. Each card and source text is
//!   read once: the graphs replaced afterwards are mapped from the cards as first read (held
//!   for the changed cards only), so a card edited or removed during the build cannot stop it
//!   half way; an input error (exit 2) means nothing changed.
//! - **Each release graph is whole.** New graphs become visible together, in that one
//!   ingestion. Graphs already in the store whose card changed are replaced afterwards, by
//!   transactions of up to [`CHUNK`] releases (clear, then insert), so a reader or a crash sees
//!   the old graph or the new one, never a mix. The reference and ontology graphs are refreshed
//!   in a last transaction.
//! - **Unchanged cards are skipped.** A release graph records the SHA-256 of its card (see
//!   [`GraphStore::is_current`]); a rebuild maps every card (to check it) but writes only the
//!   graphs whose card changed, or every graph with `force`.
//!
//! - **The default graph is the merge.** Each new graph's triples also go to the default graph
//!   in the same ingestion, and a replaced graph's triples leave it only when no other graph
//!   states them (see [`replace_graph`]), so plain SPARQL counts each triple once.
//!
//! An interrupted build (a crash between the ingestion and the replacements) leaves graphs that
//! are old or new, each whole; running the build again finishes the job.

use std::collections::HashMap;
use std::path::PathBuf;

use oxigraph::model::{NamedNode, NamedOrBlankNodeRef, Quad, Term};
use rayon::prelude::*;

use crate::inputs::{InputError, LoadedCard, read_card, seed};
use crate::mapping::{MapOptions, ReleaseGraph, map_card};
use crate::reference::Reference;
use crate::store::{GraphStore, LoadSummary, StoreError, merged, replace_graph};
use crate::vocab::{pg, schema};

/// Cards read and mapped per parallel step (and releases per replacement transaction).
pub const CHUNK: usize = 2_048;

/// The bulk loader's memory target in megabytes (Oxigraph's default is 2 GB per thread): with
/// 2 threads, batches of 750,000 quads, which keeps a build in less memory than
/// `oxigraph load` of the same quads while costing little speed.
pub const LOADER_MEMORY_MB: usize = 1_500;

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A card could not be read, checked or mapped.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<oxigraph::store::StorageError> for BuildError {
    fn from(err: oxigraph::store::StorageError) -> Self {
        Self::Store(StoreError::Storage(err))
    }
}

/// How a build runs.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The build time to record, if any.
    pub build_time: Option<String>,
    /// Rewrite every release graph, even those whose card has not changed.
    pub force: bool,
    /// Replace a release graph built from another source (another text or URL under the same
    /// release id); without it the build is refused.
    pub replace: bool,
}

/// Where the cards come from: files (in order), or the embedded seed when there are none.
#[derive(Debug, Clone)]
pub struct CardSource {
    files: Vec<PathBuf>,
}

impl CardSource {
    /// The card files the inputs name (directories expanded, sorted), or the seed when none.
    pub fn from_inputs(inputs: &[PathBuf]) -> Result<Self, InputError> {
        Ok(Self {
            files: crate::inputs::expand(inputs)?,
        })
    }

    /// How many cards there are.
    pub fn len(&self) -> usize {
        self.files.len().max(1)
    }

    /// Whether there are none (never: no files means the seed).
    pub fn is_empty(&self) -> bool {
        false
    }

    fn read(&self, range: std::ops::Range<usize>) -> Vec<Result<LoadedCard, InputError>> {
        if self.files.is_empty() {
            return if range.start == 0 {
                vec![Ok(seed())]
            } else {
                Vec::new()
            };
        }
        self.files[range.start..range.end.min(self.files.len())]
            .par_iter()
            .map(|p| read_card(p))
            .collect()
    }
}

/// What happened to one mapped card.
enum Fate {
    /// Its graph is new: bulk-load it.
    New,
    /// Its graph is in the store and up to date.
    Unchanged,
    /// Its graph is in the store but out of date: replace it afterwards.
    Replace,
}

/// Streams the cards into the store as described in the module documentation. `progress` is
/// called with the number of cards done after each chunk.
pub fn build(
    store: &GraphStore,
    source: &CardSource,
    options: &BuildOptions,
    progress: &dyn Fn(usize),
) -> Result<LoadSummary, BuildError> {
    let iris = store.iris().clone();
    let map_options = MapOptions {
        iris: &iris,
        reference: Reference::get(),
        build_time: options.build_time.clone(),
    };
    let total = source.len();
    let had_merge = store.has_merge()? || store.store().named_graphs().next().is_none();
    let mut summary = LoadSummary::default();
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut replace: Vec<LoadedCard> = Vec::new();
    let mut failure: Option<BuildError> = None;

    // One pass: map each chunk in parallel, decide each release's fate in input order, hand
    // the quads of new graphs to the bulk loader.
    let mut next = 0;
    let mut stream = std::iter::from_fn(|| {
        while failure.is_none() && next < total {
            let start = next;
            next = (start + CHUNK).min(total);
            let mapped: Vec<Result<(ReleaseGraph, LoadedCard), InputError>> = source
                .read(start..next)
                .into_par_iter()
                .map(|card| {
                    let card = card?;
                    let graph = map_card(
                        &card.card,
                        &card.origin,
                        &card.sha256,
                        card.source.as_ref(),
                        &map_options,
                    )?;
                    Ok((graph, card))
                })
                .collect();
            let mut quads: Vec<Quad> = Vec::new();
            for result in mapped {
                let (graph, card) = match result {
                    Ok(ok) => ok,
                    Err(err) => {
                        failure = Some(err.into());
                        return None;
                    }
                };
                let origin = card.origin.clone();
                if let Some(first) = seen.insert(graph.release_id.clone(), origin.clone()) {
                    failure = Some(
                        InputError::Duplicate {
                            id: graph.release_id.clone(),
                            first,
                            second: origin,
                        }
                        .into(),
                    );
                    return None;
                }
                if !options.replace
                    && let Err(err) = check_same_source(store, &graph, &origin)
                {
                    failure = Some(err);
                    return None;
                }
                match fate(store, &graph, &card.sha256, options.force) {
                    Ok(Fate::New) => {
                        summary.written += 1;
                        summary.quads += graph.quads.len();
                        // The default graph keeps the merge: the loader drops the copies of a
                        // triple that another graph already put there.
                        quads.extend(graph.quads.iter().cloned().map(merged));
                        quads.extend(graph.quads);
                    }
                    Ok(Fate::Unchanged) => summary.unchanged += 1,
                    // Kept as first read, so the replacement maps the very bytes that were
                    // checked: a card edited during the build cannot fail it half way.
                    Ok(Fate::Replace) => replace.push(card),
                    Err(err) => {
                        failure = Some(err.into());
                        return None;
                    }
                }
            }
            progress(next - start);
            if !quads.is_empty() {
                return Some(quads);
            }
        }
        None
    })
    .flatten();

    let mut loader = store
        .store()
        .bulk_loader()
        .with_max_memory_size_in_megabytes(LOADER_MEMORY_MB);
    loader.load_quads(&mut stream)?;
    drop(stream);
    if let Some(err) = failure {
        // Dropping the loader removes the files it prepared: the store is unchanged.
        drop(loader);
        return Err(err);
    }
    loader.commit()?;

    // Graphs already in the store whose card changed: mapped again from the cards as read in
    // the first pass (never read twice), and replaced chunk by chunk.
    for chunk in replace.chunks(CHUNK) {
        let graphs: Vec<ReleaseGraph> = chunk
            .par_iter()
            .map(|card| {
                Ok(map_card(
                    &card.card,
                    &card.origin,
                    &card.sha256,
                    card.source.as_ref(),
                    &map_options,
                )?)
            })
            .collect::<Result<_, InputError>>()?;
        let mut transaction = store.store().start_transaction()?;
        for graph in &graphs {
            replace_graph(&mut transaction, graph.graph.as_ref(), &graph.quads)?;
            summary.written += 1;
            summary.quads += graph.quads.len();
        }
        transaction.commit()?;
    }

    // The reference and ontology graphs, refreshed.
    let mut transaction = store.store().start_transaction()?;
    store.refresh_base(&mut transaction)?;
    transaction.commit()?;
    // A store built before the default graph kept the merge gets it whole, once.
    if !had_merge {
        store.merge_all()?;
    }
    Ok(summary)
}

/// What identifies the release a graph came from: its text's SHA-256 and its URL, as the
/// release node of the graph records them.
fn source_of(
    quads: impl Iterator<Item = Quad>,
    release: &NamedNode,
) -> (Option<String>, Option<String>) {
    let (mut sha, mut url) = (None, None);
    for q in quads {
        if q.subject.as_ref() != NamedOrBlankNodeRef::NamedNode(release.as_ref()) {
            continue;
        }
        if q.predicate.as_ref() == pg::TEXT_SHA256 {
            if let Term::Literal(l) = &q.object {
                sha = Some(l.value().to_owned());
            }
        } else if q.predicate.as_ref() == schema::URL
            && let Term::NamedNode(n) = &q.object
        {
            url = Some(n.as_str().to_owned());
        }
    }
    (sha, url)
}

fn describe_source((sha, url): &(Option<String>, Option<String>)) -> String {
    match (sha, url) {
        (Some(sha), Some(url)) => {
            format!("text sha256 {}..., url {url}", &sha[..sha.len().min(12)])
        }
        (Some(sha), None) => format!("text sha256 {}...", &sha[..sha.len().min(12)]),
        (None, Some(url)) => format!("url {url}"),
        (None, None) => "no text or url".to_owned(),
    }
}

/// Refuses to replace a release graph that came from another source: a graph already in the
/// store under this release id whose text hash or URL differs from the new card's (two
/// different releases whose ids came out alike, such as two files named `release.txt`).
fn check_same_source(
    store: &GraphStore,
    graph: &ReleaseGraph,
    origin: &str,
) -> Result<(), BuildError> {
    if !store.store().contains_named_graph(graph.graph.as_ref())? {
        return Ok(());
    }
    let release = store.iris().id("release", &graph.release_id);
    let old = source_of(
        store
            .store()
            .quads_for_pattern(
                Some(release.as_ref().into()),
                None,
                None,
                Some(graph.graph.as_ref().into()),
            )
            .collect::<Result<Vec<_>, _>>()?
            .into_iter(),
        &release,
    );
    let new = source_of(graph.quads.iter().cloned(), &release);
    let differs = |a: &Option<String>, b: &Option<String>| matches!((a, b), (Some(a), Some(b)) if !a.eq_ignore_ascii_case(b));
    if differs(&old.0, &new.0) || differs(&old.1, &new.1) {
        return Err(BuildError::Input(InputError::Path {
            path: origin.to_owned(),
            message: format!(
                "release id {:?} is already in the store from another source ({}), this card's is {}; give this release its own release.id, or pass --replace to replace it",
                graph.release_id,
                describe_source(&old),
                describe_source(&new),
            ),
        }));
    }
    Ok(())
}

fn fate(
    store: &GraphStore,
    graph: &ReleaseGraph,
    sha: &str,
    force: bool,
) -> Result<Fate, StoreError> {
    if !store.store().contains_named_graph(graph.graph.as_ref())? {
        return Ok(Fate::New);
    }
    if !force && store.is_current(graph, sha)? {
        Ok(Fate::Unchanged)
    } else {
        Ok(Fate::Replace)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::iri::Iris;

    fn cards(dir: &std::path::Path, n: u64) -> CardSource {
        crate::generate::generate(dir, n, 3, &|_| {}).unwrap();
        CardSource::from_inputs(&[dir.to_path_buf()]).unwrap()
    }

    fn options(force: bool) -> BuildOptions {
        BuildOptions {
            build_time: None,
            force,
            replace: false,
        }
    }

    #[test]
    fn streams_the_same_graph_as_the_one_transaction_load() {
        let dir = tempfile::tempdir().unwrap();
        let source = cards(dir.path(), 3 * CHUNK as u64 / 2);
        let streamed = GraphStore::in_memory(Iris::default()).unwrap();
        let summary = build(&streamed, &source, &options(false), &|_| {}).unwrap();
        let whole = GraphStore::in_memory(Iris::default()).unwrap();
        let graphs =
            crate::inputs::load_all(&[dir.path().to_path_buf()], &Iris::default(), None).unwrap();
        let expected = whole.load(&graphs, false).unwrap();
        assert_eq!(summary, expected);
        assert_eq!(summary.written, 3 * CHUNK / 2);
        assert_eq!(
            streamed.store().len().unwrap(),
            whole.store().len().unwrap()
        );
        for q in whole.store().iter() {
            assert!(streamed.store().contains(&q.unwrap()).unwrap());
        }
    }

    #[test]
    fn a_rebuild_skips_unchanged_cards_and_replaces_changed_ones() {
        let dir = tempfile::tempdir().unwrap();
        let source = cards(dir.path(), 40);
        let db = tempfile::tempdir().unwrap();
        let store = GraphStore::open(db.path(), Iris::default()).unwrap();
        build(&store, &source, &options(false), &|_| {}).unwrap();
        let before = store.store().len().unwrap();
        // Change one card's title.
        let path = crate::generate::card_path(dir.path(), 3, 5);
        let text = std::fs::read_to_string(&path).unwrap();
        let changed = text.replacen("\"title\": \"", "\"title\": \"Changed: ", 1);
        assert_ne!(text, changed);
        std::fs::write(&path, changed).unwrap();
        let summary = build(&store, &source, &options(false), &|_| {}).unwrap();
        assert_eq!((summary.written, summary.unchanged), (1, 39));
        assert_eq!(store.store().len().unwrap(), before);
        let forced = build(&store, &source, &options(true), &|_| {}).unwrap();
        assert_eq!((forced.written, forced.unchanged), (40, 0));
        assert_eq!(store.store().len().unwrap(), before);
    }

    /// The default graph holds exactly the triples of the named graphs, each once.
    fn assert_merge(store: &GraphStore) {
        use oxigraph::model::{GraphNameRef, Triple};
        use std::collections::BTreeSet;
        let mut named = BTreeSet::new();
        let mut merged = BTreeSet::new();
        for q in store.store().iter() {
            let q = q.unwrap();
            if q.graph_name.is_default_graph() {
                merged.insert(Triple::from(q).to_string());
            } else {
                named.insert(Triple::from(q).to_string());
            }
        }
        assert!(!merged.is_empty());
        assert_eq!(merged, named, "the default graph is the merge");
        let count = store
            .store()
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .count();
        assert_eq!(count, named.len());
    }

    #[test]
    fn the_default_graph_stays_the_merge_through_rebuilds_and_is_made_for_an_older_store() {
        let dir = tempfile::tempdir().unwrap();
        let source = cards(dir.path(), 40);
        let db = tempfile::tempdir().unwrap();
        let store = GraphStore::open(db.path(), Iris::default()).unwrap();
        build(&store, &source, &options(false), &|_| {}).unwrap();
        assert_merge(&store);
        // A changed card: its old triples leave the merge unless another graph states them.
        let path = crate::generate::card_path(dir.path(), 3, 5);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replacen("\"title\": \"", "\"title\": \"Changed: ", 2),
        )
        .unwrap();
        build(&store, &source, &options(false), &|_| {}).unwrap();
        assert_merge(&store);
        // A store built before the merge was kept: its default graph is empty; the next build
        // makes it whole.
        store
            .store()
            .clear_graph(oxigraph::model::GraphNameRef::DefaultGraph)
            .unwrap();
        assert!(!store.has_merge().unwrap());
        build(&store, &source, &options(false), &|_| {}).unwrap();
        assert_merge(&store);
    }

    /// A card edited while the build runs (here: broken in every changed card right after the
    /// first pass read them, before their graphs are replaced) does not stop the build: the
    /// replacements use the cards as first read, and the store holds exactly those versions.
    #[test]
    fn cards_edited_during_the_build_are_not_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let n = 12;
        let source = cards(dir.path(), n);
        let db = tempfile::tempdir().unwrap();
        let store = GraphStore::open(db.path(), Iris::default()).unwrap();
        build(&store, &source, &options(false), &|_| {}).unwrap();
        let paths: Vec<_> = (0..n)
            .map(|i| crate::generate::card_path(dir.path(), 3, i))
            .collect();
        for path in &paths {
            let text = std::fs::read_to_string(path).unwrap();
            let changed = text.replacen("\"title\": \"", "\"title\": \"Changed: ", 1);
            assert_ne!(text, changed);
            std::fs::write(path, changed).unwrap();
        }
        let expected = GraphStore::in_memory(Iris::default()).unwrap();
        build(&expected, &source, &options(false), &|_| {}).unwrap();
        // The progress callback runs once the first pass has read, checked and mapped the cards,
        // and before the changed graphs are replaced: break every card there.
        let broken = std::sync::atomic::AtomicBool::new(false);
        let summary = build(&store, &source, &options(false), &|_| {
            for path in &paths {
                std::fs::write(path, "release: [unclosed\n").unwrap();
            }
            broken.store(true, std::sync::atomic::Ordering::SeqCst);
        })
        .unwrap_or_else(|e| panic!("the build read a card again: {e}"));
        assert!(broken.load(std::sync::atomic::Ordering::SeqCst));
        assert_eq!((summary.written, summary.unchanged), (n as usize, 0));
        let sorted = |s: &GraphStore| {
            let mut q: Vec<String> = s
                .store()
                .iter()
                .map(|q| q.unwrap().to_string())
                .filter(|q| {
                    !q.contains("/build/")
                        && !q.contains("dateCreated")
                        && !q.contains("generatedAtTime")
                })
                .collect();
            q.sort();
            q
        };
        let (got, want) = (sorted(&store), sorted(&expected));
        assert_eq!(got.len(), want.len());
        assert_eq!(got, want);
        assert!(got.iter().any(|q| q.contains("Changed: ")));
        // The cards as they are now are refused, as before.
        assert!(build(&store, &source, &options(false), &|_| {}).is_err());
    }

    #[test]
    fn a_bad_card_late_in_the_stream_leaves_the_store_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let source = cards(dir.path(), CHUNK as u64 + 10);
        let db = tempfile::tempdir().unwrap();
        let store = GraphStore::open(db.path(), Iris::default()).unwrap();
        let seed_only = CardSource::from_inputs(&[]).unwrap();
        build(&store, &seed_only, &options(false), &|_| {}).unwrap();
        let before: Vec<_> = store.store().iter().map(Result::unwrap).collect();
        let path = crate::generate::card_path(dir.path(), 3, CHUNK as u64 + 5);
        let text = std::fs::read_to_string(&path).unwrap();
        let start = text.find("\"date\": \"").unwrap() + 9;
        let bad = format!("{}2025-13-01{}", &text[..start], &text[start + 10..]);
        std::fs::write(&path, bad).unwrap();
        let err = build(&store, &source, &options(false), &|_| {}).unwrap_err();
        assert!(err.to_string().contains("release.date"), "{err}");
        let after: Vec<_> = store.store().iter().map(Result::unwrap).collect();
        assert_eq!(before, after);
    }
}

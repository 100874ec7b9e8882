//! Extraction speed: releases per second on one core over the project's own release fixtures
//! (and the seed), and the time to draft a card from a 1 MB release. Run with
//! `cargo bench --bench extract`; it prints its figures, it does not assert them.

use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts: Vec<(String, String)> = Vec::new();
    for dir in ["tests/fixtures/releases", "releases"] {
        let mut names: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("the fixtures are there")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| pactgraph::inputs::is_release_text(p))
            .collect();
        names.sort();
        for path in names {
            let bytes = std::fs::read(&path).expect("a fixture reads");
            let (text, _) = pactgraph::extract::text_from_bytes(&bytes, "bench", false)
                .expect("a fixture is a release");
            texts.push((path.display().to_string(), text));
        }
    }
    // Warm the gazetteers and patterns (built once per process).
    let _ = pactgraph::extract::extract_text(texts[0].1.clone(), None);
    rate("the project's release fixtures", &texts);

    // The development corpus, when it is beside the checkout.
    let corpus = root.join("../shared/corpus");
    if corpus.is_dir() {
        let mut names: Vec<_> = std::fs::read_dir(&corpus)
            .expect("the corpus lists")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        let corpus_texts: Vec<(String, String)> = names
            .iter()
            .map(|p| {
                let text = std::fs::read_to_string(p).expect("a corpus text reads");
                (p.display().to_string(), text)
            })
            .collect();
        rate("the development corpus", &corpus_texts);
    } else {
        println!("extract: ../shared/corpus is not beside the checkout, corpus rate skipped");
    }

    // One 1 MB release: the seed's body repeated under its header.
    let seed = pactgraph::inputs::SEED_TEXT;
    let (header, body) = seed.split_at(seed.find("\n\n").map_or(0, |i| i + 2));
    let mut big = header.to_owned();
    while big.len() < 1_000_000 {
        big.push_str(body);
        big.push('\n');
    }
    let runs = 5;
    let mut times = Vec::new();
    let mut sentences = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let drafted = pactgraph::extract::extract_text(big.clone(), None);
        times.push(t.elapsed().as_secs_f64());
        sentences = drafted.source.sentences.len();
        std::hint::black_box(&drafted.card);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "extract: a {:.2} MB release ({sentences} sentences): median {:.3} s of {runs} runs (min {:.3} s, max {:.3} s)",
        big.len() as f64 / 1e6,
        times[runs / 2],
        times[0],
        times[runs - 1]
    );
}

/// Drafts the texts over and over for three seconds and prints the rate.
fn rate(what: &str, texts: &[(String, String)]) {
    let budget = Duration::from_secs(3);
    let started = Instant::now();
    let mut releases = 0u64;
    let mut bytes = 0u64;
    while started.elapsed() < budget {
        for (_, text) in texts {
            let drafted = pactgraph::extract::extract_text(text.clone(), None);
            std::hint::black_box(&drafted.card);
            releases += 1;
            bytes += text.len() as u64;
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "extract: {what}: {releases} releases ({} distinct, mean {:.1} KB) in {seconds:.2} s on one thread: {:.0} releases/s, {:.1} MB/s",
        texts.len(),
        bytes as f64 / releases as f64 / 1000.0,
        releases as f64 / seconds,
        bytes as f64 / seconds / 1e6
    );
}

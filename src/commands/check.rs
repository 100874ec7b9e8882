//! `pactgraph check`: read and check cards, write nothing.

use std::process::ExitCode;

use anyhow::Result;
use rayon::prelude::*;

use crate::cli::CheckArgs;
use crate::inputs::{LoadedCard, check_unique, expand, read_card};
use crate::iri::Iris;
use crate::mapping::{MapOptions, map_card};
use crate::reference::Reference;

/// Runs the command. Each card is mapped to be sure it maps, but only its release id and quad
/// count are kept, so checking a large corpus takes little memory.
pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let cards: Vec<LoadedCard> = expand(&args.inputs)?
        .iter()
        .map(|p| read_card(p))
        .collect::<Result<_, _>>()?;
    let iris = Iris::default();
    let options = MapOptions {
        iris: &iris,
        reference: Reference::get(),
        build_time: None,
    };
    let mapped: Vec<(String, usize)> = cards
        .par_iter()
        .map(|c| {
            map_card(&c.card, &c.origin, &c.sha256, c.source.as_ref(), &options)
                .map(|g| (g.release_id, g.quads.len()))
        })
        .collect::<Result<_, _>>()?;
    check_unique(
        mapped
            .iter()
            .zip(&cards)
            .map(|((id, _), card)| (id.as_str(), card.origin.as_str())),
    )?;
    crate::export::write_output::<std::io::Error>(None, |out| {
        for (card, (id, quads)) in cards.iter().zip(&mapped) {
            writeln!(
                out,
                "{}: ok, release {id} ({} events, {} agreements, {} people, {quads} quads)",
                card.origin,
                card.card.events.len(),
                card.card.agreements.len(),
                card.card.people.len(),
            )?;
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

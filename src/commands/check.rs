//! `pactgraph check`: read and check cards, write nothing.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::CheckArgs;
use crate::inputs::{LoadedCard, expand, map_all, read_card};
use crate::iri::Iris;

/// Runs the command.
pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let cards: Vec<LoadedCard> = expand(&args.inputs)?
        .iter()
        .map(|p| read_card(p))
        .collect::<Result<_, _>>()?;
    let graphs = map_all(&cards, &Iris::default(), None)?;
    for (card, (graph, _)) in cards.iter().zip(&graphs) {
        println!(
            "{}: ok, release {} ({} events, {} agreements, {} people, {} quads)",
            card.origin,
            graph.release_id,
            card.card.events.len(),
            card.card.agreements.len(),
            card.card.people.len(),
            graph.quads.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

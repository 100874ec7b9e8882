#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

pub mod build;
pub mod bundled;
pub mod card;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod export;
pub mod extract;
pub mod format;
pub mod generate;
pub mod inputs;
pub mod iri;
pub mod mapping;
pub mod projection;
pub mod query;
pub mod reference;
pub mod spill;
pub mod store;
pub mod text;
pub mod validate;
pub mod vocab;

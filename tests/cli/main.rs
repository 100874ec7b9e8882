//! Command-line tests: each runs the real `pactgraph` binary in a temporary directory.

mod util;

mod bad_input;
mod crash;
mod extract;
mod graph_tools;
mod hostile;
mod identity;
mod lifecycle;
mod queries;
mod rdf_export;
mod scale;
mod seed;

//! The pactgraph binary: parse the command line, run the library, map errors to exit codes
//! (0 success, 1 the answer is no, 2 error; a closed pipe is not an error).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = pactgraph::cli::Cli::parse();
    match pactgraph::commands::run(cli) {
        Ok(code) => code,
        Err(err) if pactgraph::export::is_broken_pipe(err.as_ref()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("pactgraph: {}", pactgraph::one_line(&format!("{err:#}")));
            ExitCode::from(2)
        }
    }
}

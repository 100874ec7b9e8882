//! `pactgraph build`: cards -> release graphs -> the store, streamed (see [`crate::build`]).

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Result, bail};

use crate::build::{BuildOptions, CardSource, build};
use crate::cli::BuildArgs;
use crate::iri::Iris;
use crate::store::GraphStore;

/// Runs the command.
pub fn run(args: &BuildArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let iris = Iris::new(&args.base).map_err(anyhow::Error::msg)?;
    let build_time = build_time(args.build_time.as_deref())?;
    let source = CardSource::from_inputs(&args.inputs)?;
    let progress = if std::io::stderr().is_terminal() && !args.quiet {
        indicatif::ProgressBar::new(source.len() as u64).with_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} releases, {per_sec}, {eta} left",
            )
            .expect("a valid progress template"),
        )
    } else {
        indicatif::ProgressBar::hidden()
    };
    // A store this build creates is removed again if the build fails: nothing is left behind.
    let created = args.store.as_deref().filter(|dir| !dir.exists());
    let store = match &args.store {
        Some(dir) => GraphStore::open(dir, iris)?,
        None => GraphStore::in_memory(iris)?,
    };
    let options = BuildOptions {
        build_time,
        force: args.force,
        replace: args.replace,
    };
    let result = build(&store, &source, &options, &|done| progress.inc(done as u64));
    progress.finish_and_clear();
    // Writes after the bulk load (replaced graphs, the reference data, card hashes) sit in
    // RocksDB's memtable and write-ahead log; flushing them to table files spares every later
    // read-only open a log replay and every term lookup a memtable probe.
    let result = result.and_then(|summary| {
        if args.store.is_some() {
            store.store().flush()?;
        }
        Ok(summary)
    });
    let summary = match result {
        Ok(summary) => summary,
        Err(err) => {
            if let Some(dir) = created {
                drop(store);
                // Best effort: the error to report is the build's, not the clean-up's.
                let _ = std::fs::remove_dir_all(dir);
            }
            return Err(err.into());
        }
    };
    if !args.quiet {
        let seconds = started.elapsed().as_secs_f64();
        let rate = summary.quads as f64 / seconds.max(1e-9);
        let place = args
            .store
            .as_ref()
            .map_or("memory (not kept; use --store DIR)".to_owned(), |d| {
                d.display().to_string()
            });
        eprintln!(
            "built {} releases into {place}: {} written, {} unchanged, {} quads in {seconds:.2} s ({rate:.0} quads/s)",
            source.len(),
            summary.written,
            summary.unchanged,
            summary.quads,
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The build time to record: `--build-time` (RFC 3339 or `now`), else SOURCE_DATE_EPOCH, else
/// none.
fn build_time(flag: Option<&str>) -> Result<Option<String>> {
    match flag {
        Some("now") => {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)?
                .as_secs();
            Ok(Some(rfc3339(now)))
        }
        Some(value) => {
            if !is_date_time(value) {
                bail!(
                    "--build-time: invalid time {value:?}, expected RFC 3339 such as 2025-12-19T11:40:00+09:00, or now"
                );
            }
            Ok(Some(value.to_owned()))
        }
        None => {
            match std::env::var("SOURCE_DATE_EPOCH") {
                Ok(epoch) => {
                    let secs: u64 = epoch.trim().parse().map_err(|_| {
                    anyhow::anyhow!("SOURCE_DATE_EPOCH: invalid value {epoch:?}, expected seconds since 1970")
                })?;
                    Ok(Some(rfc3339(secs)))
                }
                Err(_) => Ok(None),
            }
        }
    }
}

fn is_date_time(value: &str) -> bool {
    let Some((date, rest)) = value.split_once('T') else {
        return false;
    };
    let (time, zone) = if let Some(t) = rest.strip_suffix('Z') {
        (t, "Z")
    } else if rest.len() > 6 {
        rest.split_at(rest.len() - 6)
    } else {
        return false;
    };
    let time = time.split('.').next().unwrap_or(time);
    crate::card::check_date(date).is_ok()
        && time.len() == 8
        && crate::card::check_time(time).is_ok()
        && crate::card::check_offset(zone).is_ok()
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ`.
fn rfc3339(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(i64::MAX);
    let rem = secs % 86_400;
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        crate::extract::dates::civil_from_days(days),
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_times() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_766_112_000), "2025-12-19T02:40:00Z");
        assert!(is_date_time("2025-12-19T11:40:00+09:00"));
        assert!(is_date_time("2025-12-19T02:40:00.5Z"));
        assert!(!is_date_time("2025-12-19 11:40"));
        assert!(build_time(Some("yesterday")).is_err());
    }
}

//! Dates and times as releases print them.
//!
//! Dates: "December 19, 2025", "December 19" (the year is the release's), "Thursday, May 17",
//! "26 January 2017", "22.03.2021", "2025-12-19"; "today" is the release date and "yesterday"
//! the day before. Times: "11:40 a.m.", "3 p.m.", "15:30", "15.30 hrs" as 24-hour `HH:MM`.
//! Time zones: "Japan time" or "JST" (+09:00), "GMT"/"UTC" (Z), "BST" (+01:00), "CET" (+01:00),
//! "CEST" (+02:00), "AEDT" (+11:00), "AEST" (+10:00), "NZDT" (+13:00), "NZST" (+12:00); "local
//! time" and otherwise the place's fixed offset from the reference data.

use std::sync::OnceLock;

use regex::Regex;

/// Month names, lower case.
pub(super) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, lower case, Monday first.
pub(super) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a word names a weekday or a month, in any case ("Tuesday", "march").
pub(super) fn is_day_or_month(word: &str) -> bool {
    WEEKDAYS
        .iter()
        .chain(MONTHS.iter())
        .any(|d| d.eq_ignore_ascii_case(word))
}

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// `YYYY-MM-DD`, or `None` when the year is neither printed nor known.
    pub date: Option<String>,
    /// Byte offset of the match in the text searched.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
    /// Whether the year was printed.
    pub year_printed: bool,
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == lower || (lower.len() >= 3 && m.starts_with(&lower)))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn date_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        const MONTH: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";
        let pattern = format!(
            r"(?-u:\b)(?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))(?-u:\b)|(?-u:\b)(?P<dot>(?P<dd>\d{{1,2}})\.(?P<dm>\d{{1,2}})\.(?P<dy>\d{{4}}))(?-u:\b)|(?-u:\b)(?P<mdy>(?P<mm>{MONTH})(?-u:\b)\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<my>\d{{4}})(?-u:\b))?)|(?-u:\b)(?P<dmy>(?P<xd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<xm>{MONTH})(?-u:\b)\.?(?:,?\s+(?P<xy>\d{{4}})(?-u:\b))?)"
        );
        Regex::new(&pattern).expect("the date pattern is valid")
    })
}

/// Every date in `text`, in order; `year` fills in a date printed without one.
pub fn dates_in(text: &str, year: Option<i32>) -> Vec<FoundDate> {
    let mut out = Vec::new();
    for caps in date_regex().captures_iter(text) {
        let whole = caps.get(0).expect("a match");
        let (y, m, d, printed): (Option<i32>, Option<u32>, Option<u32>, bool) =
            if caps.name("iso").is_some() {
                (
                    caps["iy"].parse().ok(),
                    caps["im"].parse().ok(),
                    caps["id"].parse().ok(),
                    true,
                )
            } else if caps.name("dot").is_some() {
                (
                    caps["dy"].parse().ok(),
                    caps["dm"].parse().ok(),
                    caps["dd"].parse().ok(),
                    true,
                )
            } else if caps.name("mdy").is_some() {
                let y = caps.name("my").and_then(|y| y.as_str().parse().ok());
                (
                    y.or(year),
                    month_number(caps["mm"].trim_end_matches('.')),
                    caps["md"].parse().ok(),
                    y.is_some(),
                )
            } else {
                let y = caps.name("xy").and_then(|y| y.as_str().parse().ok());
                (
                    y.or(year),
                    month_number(caps["xm"].trim_end_matches('.')),
                    caps["xd"].parse().ok(),
                    y.is_some(),
                )
            };
        let date = match (y, m, d) {
            (Some(y), Some(m), Some(d)) => {
                let s = format!("{y:04}-{m:02}-{d:02}");
                crate::card::check_date(&s).ok().map(|()| s)
            }
            _ => None,
        };
        if m.is_none() || d.is_none() {
            continue;
        }
        out.push(FoundDate {
            date,
            start: whole.start(),
            end: whole.end(),
            year_printed: printed,
        });
    }
    out
}

/// The first `YYYY-MM-DD` date (or any printed date with a year) in a metadata value.
pub fn header_date(value: &str) -> Option<String> {
    dates_in(value, None)
        .into_iter()
        .find(|d| d.year_printed)
        .and_then(|d| d.date)
}

/// The year of a `YYYY-MM-DD` date.
pub fn year_of(date: &str) -> Option<i32> {
    date.get(0..4)?.parse().ok()
}

/// The day before a `YYYY-MM-DD` date.
pub fn day_before(date: &str) -> Option<String> {
    let y: i32 = date.get(0..4)?.parse().ok()?;
    let m: u32 = date.get(5..7)?.parse().ok()?;
    let d: u32 = date.get(8..10)?.parse().ok()?;
    if d > 1 {
        return Some(format!("{y:04}-{m:02}-{:02}", d - 1));
    }
    let (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
    (28..=31)
        .rev()
        .map(|d| format!("{y:04}-{m:02}-{d:02}"))
        .find(|s| crate::card::check_date(s).is_ok())
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian).
fn days_from_civil(date: &str) -> Option<i64> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The `YYYY-MM-DD` date of a day counted from 1970-01-01 (proleptic Gregorian).
pub fn civil_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The date a weekday named in a release means ("on Monday"): that weekday in the week up to
/// and including the release date.
pub fn weekday_on_or_before(date: &str, weekday: &str) -> Option<String> {
    let wanted = i64::try_from(
        WEEKDAYS
            .iter()
            .position(|d| d.eq_ignore_ascii_case(weekday))?,
    )
    .ok()?;
    let days = days_from_civil(date)?;
    // 1970-01-01 was a Thursday (3 with Monday as 0).
    let today = (days + 3).rem_euclid(7);
    Some(civil_from_days(days - (today - wanted).rem_euclid(7)))
}

fn time_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?ix)
            (?-u:\b)(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*
            (?: (?P<ampm>a\.m\.|p\.m\.|am(?-u:\b)|pm(?-u:\b)) | (?P<hrs>hrs(?-u:\b)|h(?-u:\b)|hours(?-u:\b)) )
            | (?-u:\b)(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?-u:\b)",
        )
        .expect("the time pattern is valid")
    })
}

/// The first clock time in `text` as 24-hour `HH:MM`, with its byte range.
pub fn time_in(text: &str) -> Option<(String, usize, usize)> {
    for caps in time_regex().captures_iter(text) {
        let whole = caps.get(0)?;
        let (h, m): (u32, u32) = if let Some(h) = caps.name("h24") {
            (h.as_str().parse().ok()?, caps["m24"].parse().ok()?)
        } else {
            let h: u32 = caps["h"].parse().ok()?;
            let m: u32 = caps
                .name("m")
                .map_or(Some(0), |m| m.as_str().parse().ok())?;
            match caps.name("ampm").map(|a| a.as_str().to_ascii_lowercase()) {
                Some(a) if (1..=12).contains(&h) => {
                    let pm = a.starts_with('p');
                    ((h % 12) + if pm { 12 } else { 0 }, m)
                }
                Some(_) => continue,
                None => (h, m),
            }
        };
        if h < 24 && m < 60 {
            return Some((format!("{h:02}:{m:02}"), whole.start(), whole.end()));
        }
    }
    None
}

/// A time zone the text names ("Japan time", "JST", "GMT"), as an offset.
pub fn zone_in(text: &str) -> Option<&'static str> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)(Japan(?:ese)? (?:Standard )?time|JST|Tokyo time|GMT|UTC|BST|CEST|CET|AEDT|AEST|NZDT|NZST|KST)(?-u:\b)")
            .expect("the zone pattern is valid")
    });
    let found = re.find(text)?.as_str();
    Some(match found {
        "GMT" | "UTC" => "Z",
        "BST" | "CET" => "+01:00",
        "CEST" => "+02:00",
        "AEDT" => "+11:00",
        "AEST" => "+10:00",
        "NZDT" => "+13:00",
        "NZST" => "+12:00",
        _ => "+09:00",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str, year: Option<i32>) -> Option<String> {
        dates_in(text, year).into_iter().next().and_then(|d| d.date)
    }

    #[test]
    fn printed_dates() {
        assert_eq!(
            first("On December 19, commencing", Some(2025)).as_deref(),
            Some("2025-12-19")
        );
        assert_eq!(
            first("On Thursday, May 17, Mr.", Some(2012)).as_deref(),
            Some("2012-05-17")
        );
        assert_eq!(
            first("today (26 January 2017) signed", None).as_deref(),
            Some("2017-01-26")
        );
        assert_eq!(
            first("22.03.2021 - Article", None).as_deref(),
            Some("2021-03-22")
        );
        assert_eq!(
            first("September 15, 2023", Some(1999)).as_deref(),
            Some("2023-09-15")
        );
        assert_eq!(
            first("On 22 March 2021, Japan", None).as_deref(),
            Some("2021-03-22")
        );
        assert_eq!(first("in May, they met", Some(2020)), None);
        assert_eq!(first("On February 30", Some(2020)), None);
        assert_eq!(
            header_date("2025-12-18 (publication date from the URL)").as_deref(),
            Some("2025-12-18")
        );
        assert_eq!(day_before("2025-03-01").as_deref(), Some("2025-02-28"));
        assert_eq!(day_before("2024-01-01").as_deref(), Some("2023-12-31"));
        assert_eq!(
            weekday_on_or_before("2024-01-29", "Monday").as_deref(),
            Some("2024-01-29")
        );
        assert_eq!(
            weekday_on_or_before("2024-01-29", "friday").as_deref(),
            Some("2024-01-26")
        );
        assert_eq!(
            weekday_on_or_before("2025-12-19", "Friday").as_deref(),
            Some("2025-12-19")
        );
    }

    #[test]
    fn clock_times() {
        assert_eq!(
            time_in("commencing at 11:40 a.m. in Tokyo")
                .map(|t| t.0)
                .as_deref(),
            Some("11:40")
        );
        assert_eq!(
            time_in("at 3 p.m. local time").map(|t| t.0).as_deref(),
            Some("15:00")
        );
        assert_eq!(
            time_in("at 12:05 a.m.").map(|t| t.0).as_deref(),
            Some("00:05")
        );
        assert_eq!(time_in("at 15:30").map(|t| t.0).as_deref(), Some("15:30"));
        assert_eq!(time_in("on 19 December 2025"), None);
        assert_eq!(zone_in("11:40 a.m. Japan time"), Some("+09:00"));
    }
}

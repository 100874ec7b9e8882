//! `pactgraph extract` and `build` on raw press releases: each style the extractor reads, the
//! card it drafts, bad input, and releases from different publishers merged into one graph.

use std::path::{Path, PathBuf};

use pactgraph::card::{AgreementAction, AgreementType, Card, CardFormat, EventKind, ReleaseKind};
use pactgraph::text::SourceText;

use crate::util::{Env, fixture, id, rows, shared, store_of};

fn release(name: &str) -> PathBuf {
    fixture(&format!("releases/{name}"))
}

/// Runs `extract --format json` on one file and parses the card.
fn extract(env: &Env, path: &Path) -> Card {
    let out = env
        .run(&["extract", path.to_str().unwrap(), "--format", "json"])
        .ok();
    Card::parse(&out, CardFormat::Json, "extracted").expect("extract prints a valid card")
}

/// The text of sentence `n` of a file, as the card's evidence counts.
fn sentence(path: &Path, n: u32) -> String {
    let text = SourceText::new(std::fs::read_to_string(path).unwrap());
    text.sentence(n).unwrap().text.clone()
}

fn person<'a>(card: &'a Card, key: &str) -> &'a pactgraph::card::Person {
    card.people
        .iter()
        .find(|p| p.key == key)
        .unwrap_or_else(|| panic!("no person {key} in {:?}", card.people))
}

#[test]
fn japanese_ministry_style_family_name_first_and_quoted_short_name() {
    let env = Env::new();
    let path = release("mofa-style-canada-isa.txt");
    let card = extract(&env, &path);
    assert_eq!(card.kind, ReleaseKind::Signing);
    assert_eq!(
        card.release.title.as_deref(),
        Some("Signing of the Japan-Canada Information Security Agreement")
    );
    assert_eq!(card.release.date.as_deref(), Some("2024-07-18"));
    assert_eq!(
        card.release.publisher.as_deref(),
        Some("Ministry of Foreign Affairs of Japan")
    );
    let signing = &card.events[0];
    assert_eq!(signing.kind, EventKind::Signing);
    assert_eq!(signing.date.as_deref(), Some("2024-07-18"));
    assert_eq!(signing.time.as_deref(), Some("15:15"));
    assert_eq!(signing.timezone.as_deref(), Some("+09:00"));
    assert_eq!(signing.place.as_deref(), Some("Tokyo"));
    assert_eq!(signing.signatories, ["tanaka", "fontaine"]);
    assert_eq!(signing.evidence, [4]);
    assert!(sentence(&path, 4).starts_with("On July 18, commencing at 3:15 p.m. in Tokyo"));

    assert_eq!(card.agreements.len(), 1);
    let isa = &card.agreements[0];
    assert_eq!(
        isa.title.as_deref(),
        Some(
            "Agreement between the Government of Japan and the Government of Canada on the Security of Information"
        )
    );
    assert_eq!(
        isa.short_name.as_deref(),
        Some("Japan-Canada Information Security Agreement")
    );
    assert_eq!(isa.abbreviation.as_deref(), Some("ISA"));
    assert_eq!(isa.agreement_type, AgreementType::InformationSecurity);
    assert_eq!(isa.parties, ["Government of Japan", "Government of Canada"]);
    assert_eq!(isa.action, AgreementAction::Signed);
    assert_eq!(isa.evidence, [2, 4, 6]);

    let tanaka = person(&card, "tanaka");
    assert_eq!(tanaka.name, "TANAKA Hiroshi");
    assert_eq!(tanaka.family_name.as_deref(), Some("TANAKA"));
    assert_eq!(tanaka.given_name.as_deref(), Some("Hiroshi"));
    assert_eq!(tanaka.honorific.as_deref(), Some("Mr."));
    assert_eq!(tanaka.post.as_deref(), Some("Minister for Foreign Affairs"));
    assert_eq!(tanaka.country.as_deref(), Some("Japan"));
    let fontaine = person(&card, "fontaine");
    assert_eq!(fontaine.honorific.as_deref(), Some("H.E. Ms."));
    assert_eq!(
        fontaine.post.as_deref(),
        Some("Minister of Foreign Affairs")
    );
    assert_eq!(fontaine.country.as_deref(), Some("Canada"));

    let meeting = &card.events[1];
    assert_eq!(meeting.kind, EventKind::Meeting);
    assert_eq!(meeting.after.as_deref(), Some("signing"));
    assert_eq!(meeting.participants, ["tanaka", "fontaine"]);
    assert_eq!(
        meeting.topics,
        [
            "the security environment in the Indo-Pacific",
            "economic security",
            "cooperation in multilateral fora"
        ]
    );
    assert_eq!(
        meeting.concurred,
        ["the importance of a \"Free and Open Indo-Pacific\""]
    );
    assert_eq!(meeting.evidence, [5, 7, 8]);
}

#[test]
fn another_ministrys_news_names_the_post_before_the_name() {
    let env = Env::new();
    let card = extract(&env, &release("nz-defence-news-acsa-isa.txt"));
    assert_eq!(card.kind, ReleaseKind::Signing);
    let signing = &card.events[0];
    // "today" is the publication date of the header.
    assert_eq!(signing.date.as_deref(), Some("2025-12-19"));
    assert_eq!(signing.place.as_deref(), Some("Tokyo"));
    assert_eq!(signing.time, None);
    // "signed two agreements": the two the next sentences name.
    assert_eq!(signing.agreements, ["acsa", "isa"]);
    assert_eq!(signing.signatories, ["collins", "motegi"]);
    let collins = person(&card, "collins");
    assert_eq!(collins.post.as_deref(), Some("Defence Minister"));
    assert_eq!(collins.country.as_deref(), Some("New Zealand"));
    assert_eq!(collins.family_name.as_deref(), Some("Collins"));
    let motegi = person(&card, "motegi");
    assert_eq!(motegi.post.as_deref(), Some("Foreign Minister"));
    assert_eq!(motegi.country.as_deref(), Some("Japan"));
    let acsa = &card.agreements[0];
    assert_eq!(acsa.agreement_type, AgreementType::Acsa);
    assert_eq!(acsa.parties, ["Japan", "New Zealand"]);
    assert_eq!(
        acsa.forces,
        ["New Zealand Defence Force", "Japan Self-Defence Forces"]
    );
    assert_eq!(
        card.agreements[1].agreement_type,
        AgreementType::InformationSecurity
    );
    assert!(
        card.agreements
            .iter()
            .all(|a| a.action == AgreementAction::Signed)
    );
}

#[test]
fn a_prime_ministers_transcript_reports_a_meeting() {
    let env = Env::new();
    let card = extract(&env, &release("pm-transcript-meeting.txt"));
    assert_eq!(card.kind, ReleaseKind::Meeting);
    assert_eq!(card.events.len(), 1, "{:?}", card.events);
    let meeting = &card.events[0];
    assert_eq!(meeting.kind, EventKind::Meeting);
    assert_eq!(meeting.date.as_deref(), Some("2023-10-05"));
    assert_eq!(meeting.place.as_deref(), Some("Canberra"));
    assert_eq!(meeting.participants, ["harper", "sato"]);
    assert!(meeting.signatories.is_empty());
    // The RAA entered into force months ago; the trade agreement is no defence agreement.
    assert_eq!(card.agreements.len(), 1, "{:?}", card.agreements);
    assert_eq!(card.agreements[0].action, AgreementAction::Mentioned);
    assert_eq!(
        card.agreements[0].forces,
        ["Australian Defence Force", "Japan Self-Defense Forces"]
    );
}

#[test]
fn a_passive_signing_names_no_signatory() {
    let env = Env::new();
    let card = extract(&env, &release("passive-no-signatory.txt"));
    assert_eq!(card.kind, ReleaseKind::Signing);
    assert!(card.people.is_empty(), "{:?}", card.people);
    let signing = &card.events[0];
    assert!(signing.signatories.is_empty());
    assert_eq!(signing.date.as_deref(), Some("2024-05-03"));
    assert_eq!(signing.place.as_deref(), Some("Berlin"));
    let a = &card.agreements[0];
    assert_eq!(
        a.short_name.as_deref(),
        Some("German-French Agreement on Reciprocal Provision of Supplies and Services")
    );
    assert_eq!(a.agreement_type, AgreementType::Acsa);
    assert_eq!(a.parties, ["Germany", "France"]);
    assert_eq!(a.title, None);
    assert_eq!(a.abbreviation, None);
}

#[test]
fn a_meeting_that_only_mentions_an_agreement() {
    let env = Env::new();
    let card = extract(&env, &release("meeting-mentions-agreement.txt"));
    assert_eq!(card.kind, ReleaseKind::Meeting);
    let meeting = &card.events[0];
    assert_eq!(meeting.time.as_deref(), Some("09:30"));
    // The text names no zone: Manila's fixed offset from the reference data.
    assert_eq!(meeting.timezone.as_deref(), Some("+08:00"));
    assert_eq!(meeting.place.as_deref(), Some("Manila, Philippines"));
    assert_eq!(meeting.participants, ["suzuki", "cruz"]);
    assert_eq!(
        meeting.topics,
        ["the situation in the South China Sea and North Korea"]
    );
    assert_eq!(card.events.len(), 1);
    let raa = &card.agreements[0];
    assert_eq!(raa.short_name.as_deref(), Some("Japan-Philippines RAA"));
    assert_eq!(raa.abbreviation.as_deref(), Some("RAA"));
    assert_eq!(raa.action, AgreementAction::Mentioned);
    assert_eq!(
        person(&card, "cruz").post.as_deref(),
        Some("Secretary of Foreign Affairs")
    );
    assert_eq!(
        person(&card, "cruz").country.as_deref(),
        Some("Philippines")
    );
}

#[test]
fn an_entry_into_force() {
    let env = Env::new();
    let card = extract(&env, &release("entry-into-force-uk.txt"));
    assert_eq!(card.kind, ReleaseKind::EntryIntoForce);
    assert_eq!(card.events[0].kind, EventKind::EntryIntoForce);
    assert_eq!(card.events[0].date.as_deref(), Some("2024-11-01"));
    let a = &card.agreements[0];
    assert_eq!(a.agreement_type, AgreementType::EquipmentTransfer);
    assert_eq!(a.action, AgreementAction::EnteredIntoForce);
    assert_eq!(
        a.parties,
        [
            "Government of Japan",
            "Government of the United Kingdom of Great Britain and Northern Ireland"
        ]
    );
}

#[test]
fn a_date_without_a_year_takes_the_releases_year_and_none_is_invented() {
    let env = Env::new();
    let path = release("date-without-year.txt");
    let card = extract(&env, &path);
    assert_eq!(card.events[0].date.as_deref(), Some("2023-03-08"));
    assert_eq!(card.events[0].place.as_deref(), Some("The Hague"));
    let de_vries = person(&card, "de-vries");
    assert_eq!(de_vries.name, "Anna de Vries");
    assert_eq!(de_vries.family_name.as_deref(), Some("de Vries"));
    // Without the header nothing gives the year: the date stays empty.
    let text = std::fs::read_to_string(&path).unwrap();
    let body = text.split_once("\n\n").unwrap().1;
    let bare = env.write("bare.txt", body);
    let card = extract(&env, &bare);
    assert_eq!(card.release.date, None);
    assert_eq!(card.events[0].date, None);
    assert_eq!(card.events[0].signatories, ["de-vries", "mori"]);
}

#[test]
fn html_keeps_the_release_and_drops_the_navigation() {
    let env = Env::new();
    let card = extract(&env, &release("html-with-navigation.html"));
    assert_eq!(
        card.release.url.as_deref(),
        Some("https://example.org/pactgraph-fixtures/html-release")
    );
    assert_eq!(card.release.date.as_deref(), Some("2022-01-06"));
    assert_eq!(
        card.release.publisher.as_deref(),
        Some("Ministry of Foreign Affairs of Japan")
    );
    assert_eq!(
        card.release.title.as_deref(),
        Some("Signing of the Japan-Australia Reciprocal Access Agreement")
    );
    // Only the release's own agreement: not the menu's, not the sidebar's.
    assert_eq!(card.agreements.len(), 1, "{:?}", card.agreements);
    let raa = &card.agreements[0];
    assert_eq!(raa.abbreviation.as_deref(), Some("RAA"));
    assert_eq!(
        raa.forces,
        ["Self-Defense Forces of Japan", "Australian Defence Force"]
    );
    let names: Vec<&str> = card.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["YAMADA Taro", "Peter O’Brien"]);
    assert_eq!(card.events[0].signatories, ["yamada", "obrien"]);
}

#[test]
fn the_seed_text_gives_the_hand_written_seed_card() {
    let env = Env::new();
    let text =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("releases/mofa-2025-12-19-jp-nz-acsa-isa.txt");
    let drafted = extract(&env, &text);
    let hand = Card::parse(pactgraph::inputs::SEED_CARD, CardFormat::Yaml, "seed").unwrap();
    assert_eq!(drafted.release.id, hand.release.id);
    assert_eq!(drafted.release.text_sha256, hand.release.text_sha256);
    assert_eq!(drafted.kind, hand.kind);
    assert_eq!(drafted.events.len(), 2);
    // The meeting "following the signing ceremony" prints no date of its own: the draft leaves
    // it empty (the hand-written card fills it in); the mapping dates it by the signing.
    assert_eq!(drafted.events[1].date, None);
    assert_eq!(drafted.events[1].after.as_deref(), Some("signing"));
    let mut hand_events = hand.events.clone();
    hand_events[1].date = None;
    for (d, h) in drafted.events.iter().zip(&hand_events) {
        assert_eq!(
            (d.kind, &d.date, &d.time, &d.timezone, &d.place),
            (h.kind, &h.date, &h.time, &h.timezone, &h.place),
        );
        assert_eq!(d.agreements, h.agreements);
        assert_eq!(d.signatories, h.signatories);
        assert_eq!(d.participants, h.participants);
        assert_eq!(d.topics, h.topics);
        assert_eq!(d.concurred, h.concurred);
    }
    assert_eq!(drafted.events[0].evidence, hand.events[0].evidence);
    for (d, h) in drafted.agreements.iter().zip(&hand.agreements) {
        assert_eq!(
            (
                &d.key,
                &d.title,
                &d.short_name,
                &d.abbreviation,
                d.agreement_type,
                &d.parties,
                &d.forces,
                d.action
            ),
            (
                &h.key,
                &h.title,
                &h.short_name,
                &h.abbreviation,
                h.agreement_type,
                &h.parties,
                &h.forces,
                h.action
            )
        );
    }
    for (d, h) in drafted.people.iter().zip(&hand.people) {
        assert_eq!(
            (
                &d.key,
                &d.name,
                &d.family_name,
                &d.given_name,
                &d.honorific,
                &d.post,
                &d.country,
                &d.evidence
            ),
            (
                &h.key,
                &h.name,
                &h.family_name,
                &h.given_name,
                &h.honorific,
                &h.post,
                &h.country,
                &h.evidence
            )
        );
    }
}

#[test]
fn several_files_are_a_yaml_stream_or_json_lines_and_stdin_works() {
    let env = Env::new();
    let a = release("passive-no-signatory.txt");
    let b = release("entry-into-force-uk.txt");
    let yaml = env
        .run(&["extract", a.to_str().unwrap(), b.to_str().unwrap()])
        .ok();
    let docs: Vec<&str> = yaml.split("---\n").filter(|d| !d.is_empty()).collect();
    assert_eq!(docs.len(), 2);
    let first = Card::parse(docs[0], CardFormat::Yaml, "a").unwrap();
    let second = Card::parse(docs[1], CardFormat::Yaml, "b").unwrap();
    assert_eq!(first.release.id.as_deref(), Some("passive-no-signatory"));
    assert_eq!(second.kind, ReleaseKind::EntryIntoForce);
    let json = env
        .run(&[
            "extract",
            "--format",
            "json",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ])
        .ok();
    let lines: Vec<&str> = json.lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        Card::parse(lines[1], CardFormat::Json, "b").unwrap(),
        second
    );

    let stdin = env.run_with_input(
        &["extract", "-", "--format", "json"],
        &std::fs::read(&a).unwrap(),
    );
    let piped = Card::parse(&stdin.ok(), CardFormat::Json, "-").unwrap();
    assert_eq!(piped.release.id, None);
    assert_eq!(piped.release.source, None);
    assert_eq!(piped.agreements, first.agreements);
    // The same input gives the same bytes.
    assert_eq!(
        env.run(&["extract", a.to_str().unwrap()]).ok(),
        env.run(&["extract", a.to_str().unwrap()]).ok()
    );
}

#[test]
fn bad_input_gets_a_one_line_error() {
    let env = Env::new();
    let empty = env.write("empty.txt", "\n \n");
    assert_eq!(
        env.run(&["extract", empty.to_str().unwrap()]).error(),
        format!(
            "pactgraph: {}: empty file, expected the text of a press release",
            empty.display()
        )
    );
    let binary = env.write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let message = env.run(&["extract", binary.to_str().unwrap()]).error();
    assert!(message.ends_with("photo.txt: binary or non-UTF-8 data at byte 0, expected a press release as UTF-8 text or HTML"), "{message}");
    let japanese = env.write(
        "ja.txt",
        "日本国政府とニュージーランド政府との間の物品役務相互提供協定の署名が東京で行われました。両大臣は会談を行いました。",
    );
    let message = env.run(&["extract", japanese.to_str().unwrap()]).error();
    assert!(
        message.contains("ja.txt: the text does not read as English"),
        "{message}"
    );
    let german = env.write(
        "de.txt",
        "Das Abkommen über den Schutz von Verschlusssachen wurde heute in Tokio unterzeichnet. Es ermöglicht den Austausch vertraulicher Informationen zwischen Behörden und Unternehmen beider Länder und stärkt damit die sicherheitspolitische Zusammenarbeit zwischen Deutschland und Japan erheblich.",
    );
    let message = env.run(&["extract", german.to_str().unwrap()]).error();
    assert!(
        message.contains("de.txt: the text does not read as English"),
        "{message}"
    );
    let big = env.path("big.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let message = env.run(&["extract", big.to_str().unwrap()]).error();
    assert!(
        message.ends_with(
            "big.txt: 52428800 bytes, larger than the 16777216 bytes a press release can be"
        ),
        "{message}"
    );
    let missing = env.run(&["extract", "nowhere.txt"]).error();
    assert!(
        missing.starts_with("pactgraph: nowhere.txt: cannot read:"),
        "{missing}"
    );
    // A bad release among good ones stops the build before anything is stored.
    let good = release("passive-no-signatory.txt");
    let message = env
        .run(&[
            "build",
            "--store",
            "kg",
            good.to_str().unwrap(),
            empty.to_str().unwrap(),
        ])
        .error();
    assert!(message.contains("empty file"), "{message}");
    assert!(!env.path("kg").exists());
    assert!(
        env.run(&["extract", "--format", "xml", good.to_str().unwrap()])
            .error()
            .contains("--format: unknown card format \"xml\", expected yaml or json")
    );
}

/// Copies files into the scratch directory (so that no card sits beside them).
fn copy_in(env: &Env, files: &[PathBuf]) -> Vec<PathBuf> {
    files
        .iter()
        .map(|f| {
            env.write(
                f.file_name().unwrap().to_str().unwrap(),
                std::fs::read(f).unwrap(),
            )
        })
        .collect()
}

#[test]
fn two_publishers_one_event_meet_on_the_same_nodes() {
    let env = Env::new();
    let seed_text =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("releases/mofa-2025-12-19-jp-nz-acsa-isa.txt");
    let texts = copy_in(&env, &[seed_text, release("nz-defence-news-acsa-isa.txt")]);
    let store = store_of(&texts);
    crate::util::assert_one_seed_event(&store, "nz-defence-news-acsa-isa", "2025-12-19");
}

#[test]
fn build_on_raw_text_keeps_the_hash_and_the_quotes() {
    let env = Env::new();
    let texts = copy_in(
        &env,
        &[
            release("mofa-style-canada-isa.txt"),
            release("html-with-navigation.html"),
        ],
    );
    let out = env
        .run(&["build", "--store", "kg", env.dir.path().to_str().unwrap()])
        .ok();
    assert!(out.is_empty());
    let store = pactgraph::store::GraphStore::open_read_only(
        &env.path("kg"),
        pactgraph::iri::Iris::default(),
    )
    .unwrap();
    let hashes = rows(
        &store,
        "SELECT ?r ?h WHERE { ?r a schema:NewsArticle ; pg:textSha256 ?h }",
        &["r", "h"],
    );
    let html_text =
        pactgraph::extract::html::html_to_text(&std::fs::read_to_string(&texts[1]).unwrap());
    assert_eq!(
        hashes,
        vec![
            vec![
                id("release/html-with-navigation"),
                pactgraph::text::sha256_hex(html_text.as_bytes())
            ],
            vec![
                id("release/mofa-style-canada-isa"),
                pactgraph::text::sha256_hex(&std::fs::read(&texts[0]).unwrap())
            ],
        ]
    );
    // The signing's sentence, quoted with its offsets in the text.
    let quotes = rows(
        &store,
        "SELECT ?exact ?start ?end WHERE { ?e a pg:Signing ; prov:wasDerivedFrom ?s . ?s oa:hasSelector ?q , ?p . ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end . FILTER(CONTAINS(STR(?e), '2024-07-18')) }",
        &["exact", "start", "end"],
    );
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    let canada = SourceText::new(std::fs::read_to_string(&texts[0]).unwrap());
    let s4 = canada.sentence(4).unwrap();
    assert_eq!(
        quotes[0],
        vec![s4.text.clone(), s4.start.to_string(), s4.end.to_string()]
    );
    assert!(quotes[0][0].starts_with("On July 18, commencing at 3:15 p.m. in Tokyo"));
}

#[test]
fn in_a_directory_a_text_with_its_card_beside_it_is_read_through_the_card() {
    let env = Env::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("releases");
    let out = env.run(&["check", dir.to_str().unwrap()]).ok();
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.contains("mofa-2025-12-19-jp-nz-acsa-isa.yaml: ok"),
        "{out}"
    );
    let copied = copy_in(&env, &[dir.join("mofa-2025-12-19-jp-nz-acsa-isa.txt")]);
    let out = env.run(&["check", env.dir.path().to_str().unwrap()]).ok();
    assert!(
        out.starts_with(&format!(
            "{}: ok, release mofa-2025-12-19-jp-nz-acsa-isa (2 events, 2 agreements, 2 people",
            copied[0].display()
        )),
        "{out}"
    );
}

#[test]
fn the_corpus_builds_into_one_graph() {
    let Some(shared) = shared() else {
        return;
    };
    let mut texts: Vec<PathBuf> = std::fs::read_dir(shared.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    let store = store_of(&texts);
    let releases = rows(
        &store,
        "SELECT ?r WHERE { ?r a schema:NewsArticle }",
        &["r"],
    );
    assert_eq!(releases.len(), texts.len());
    // Japan is one government however each release prints it ("Government of Japan", "Japan",
    // "Japanese"), and so is every other party the reference data knows.
    let governments = rows(
        &store,
        "SELECT DISTINCT ?g WHERE { ?a pg:party ?g }",
        &["g"],
    );
    let japan = id("government/japan");
    assert!(
        governments.contains(&vec![japan.clone()]),
        "{governments:?}"
    );
    let japanese: Vec<&Vec<String>> = governments
        .iter()
        .filter(|g| g[0].contains("japan"))
        .collect();
    assert_eq!(japanese, [&vec![japan]], "{governments:?}");
    for party in [
        "australia",
        "germany",
        "new-zealand",
        "united-kingdom",
        "netherlands",
    ] {
        assert!(
            governments.contains(&vec![id(&format!("government/{party}"))]),
            "{party}: {governments:?}"
        );
    }
}

#[test]
fn local_time_is_the_places_and_a_zone_printed_later_is_not() {
    let env = Env::new();
    let path = env.write(
        "uk.txt",
        "date: 2023-01-11\n\nOn January 11, commencing at 5:30 p.m. local time (2:30 a.m. on January 12, Japan time), in London, the Agreement between Japan and the United Kingdom of Great Britain and Northern Ireland concerning the Facilitation of Reciprocal Access was signed by Mr. KISHIDA Fumio, Prime Minister of Japan, and the Rt Hon Rishi Sunak MP, Prime Minister of the United Kingdom of Great Britain and Northern Ireland.\n",
    );
    let card = extract(&env, &path);
    let signing = &card.events[0];
    assert_eq!(signing.date.as_deref(), Some("2023-01-11"));
    assert_eq!(signing.time.as_deref(), Some("17:30"));
    // London keeps no fixed offset (GMT/BST): no zone rather than Japan's.
    assert_eq!(signing.timezone, None);
    assert_eq!(signing.place.as_deref(), Some("London"));
    let sunak = person(&card, "sunak");
    assert_eq!(sunak.honorific.as_deref(), Some("the Rt Hon"));
    assert_eq!(sunak.post.as_deref(), Some("Prime Minister"));
    assert_eq!(sunak.country.as_deref(), Some("United Kingdom"));
}

#[test]
fn an_embassy_signing_with_ranks_and_a_caption() {
    let env = Env::new();
    let card = extract(&env, &release("mofa-style-embassy-signing.txt"));
    let signing = &card.events[0];
    assert_eq!(signing.date.as_deref(), Some("2024-03-07"));
    assert_eq!(signing.place.as_deref(), Some("Jakarta"));
    assert_eq!(card.agreements.len(), 1);
    assert_eq!(
        card.agreements[0].agreement_type,
        pactgraph::card::AgreementType::EquipmentTransfer
    );
    let signers: Vec<&pactgraph::card::Person> = signing
        .signatories
        .iter()
        .map(|k| card.people.iter().find(|p| &p.key == k).unwrap())
        .collect();
    let rows: Vec<(&str, Option<&str>, Option<&str>)> = signers
        .iter()
        .map(|p| (p.name.as_str(), p.post.as_deref(), p.country.as_deref()))
        .collect();
    // A capitalised family name first is Japan's style for its own nationals; a rank before the
    // honorific is not the post; the printed post wins over a caption's.
    assert_eq!(
        rows,
        [
            (
                "SUZUKI Kenta",
                Some("Ambassador to Indonesia"),
                Some("Japan")
            ),
            (
                "Budi Santoso",
                Some("Director General of Defence Strategy"),
                Some("Indonesia")
            ),
        ]
    );
    let tanaka = card.people.iter().find(|p| p.name == "TANAKA Emi").unwrap();
    assert_eq!(tanaka.post.as_deref(), Some("Minister for Foreign Affairs"));
}

//! Vocabulary terms as constants, one module per namespace.
//!
//! Every term the mapping, the queries and the exporters use is named here once; a test checks
//! that each one is declared in `ontology/pactgraph.ttl` with a label and a comment.

macro_rules! namespace {
    ($(#[$meta:meta])* $module:ident = $ns:literal { $($name:ident = $local:literal),* $(,)? }) => {
        $(#[$meta])*
        pub mod $module {
            use oxigraph::model::NamedNodeRef;

            /// The namespace IRI.
            pub const NAMESPACE: &str = $ns;
            $(
                #[doc = concat!("`", $ns, $local, "`")]
                pub const $name: NamedNodeRef<'static> =
                    NamedNodeRef::new_unchecked(concat!($ns, $local));
            )*
            /// Every term of this module.
            pub const ALL: &[NamedNodeRef<'static>] = &[$($name),*];
        }
    };
}

namespace! {
    /// The project vocabulary, `pg:`.
    pg = "https://w3id.org/pactgraph/ontology#" {
        AGREEMENT = "Agreement",
        GOVERNMENT = "Government",
        MINISTRY = "Ministry",
        ARMED_FORCE = "ArmedForce",
        EVENT = "Event",
        SIGNING = "Signing",
        MEETING = "Meeting",
        EXCHANGE_OF_NOTES = "ExchangeOfNotes",
        ENTRY_INTO_FORCE = "EntryIntoForce",
        NEGOTIATIONS = "Negotiations",
        POST_HOLDING = "PostHolding",
        SENTENCE = "Sentence",
        BUILD = "Build",
        PARTY = "party",
        CONCERNS_FORCE = "concernsForce",
        SIGNATORY = "signatory",
        CONCERNS_AGREEMENT = "concernsAgreement",
        SIGNED_INSTRUMENT = "signedInstrument",
        REPORTED_ACTION = "reportedAction",
        ON_BEHALF_OF = "onBehalfOf",
        FOLLOWS = "follows",
        ATTESTED_AT = "attestedAt",
        COUNTRY = "country",
        OUTCOME_OF = "outcomeOf",
        SHORT_NAME = "shortName",
        ABBREVIATION = "abbreviation",
        SENTENCE_NUMBER = "sentenceNumber",
        TEXT_SHA256 = "textSha256",
        CARD_SHA256 = "cardSha256",
        UTC_OFFSET = "utcOffset",
        INSTRUMENT = "instrument",
        INTERNATIONAL_ORGANIZATION = "InternationalOrganization",
        INSTRUMENT_FORMS = "InstrumentForms",
        AGREEMENT_TYPES = "AgreementTypes",
        AGREEMENT_ACTIONS = "AgreementActions",
        ROLES = "Roles",
        ROLE_SIGNATORY = "role-signatory",
        ORG_TYPES = "OrgTypes",
        ORGTYPE_ARMED_FORCES = "orgtype-armed-forces",
        ORGTYPE_FOREIGN_MINISTRY = "orgtype-foreign-ministry",
        ORGTYPE_DEFENCE_MINISTRY = "orgtype-defence-ministry",
        ORGTYPE_HEAD_OF_GOVERNMENT_OFFICE = "orgtype-head-of-government-office",
        ORGTYPE_HEAD_OF_STATE_OFFICE = "orgtype-head-of-state-office",
        ORGTYPE_DIPLOMATIC_MISSION = "orgtype-diplomatic-mission",
        ORGTYPE_INTERNATIONAL_ORGANISATION = "orgtype-international-organisation",
        ORGTYPE_NEWS_AGENCY = "orgtype-news-agency",
        RENEWAL_DATE = "renewalDate",
        WEB_DOMAIN = "webDomain",
        TOPICS = "Topics",
        GENRES = "Genres",
        PRESS_RELEASE = "PressRelease",
        PORTFOLIO = "portfolio",
        PORTFOLIOS = "Portfolios",
    }
}

namespace! {
    /// schema.org, in its `http:` form as Wikidata uses it.
    schema = "http://schema.org/" {
        LEGISLATION = "Legislation",
        GOVERNMENT_ORGANIZATION = "GovernmentOrganization",
        COUNTRY = "Country",
        CITY = "City",
        PLACE = "Place",
        PERSON = "Person",
        EVENT = "Event",
        NEWS_ARTICLE = "NewsArticle",
        NEWS_MEDIA_ORGANIZATION = "NewsMediaOrganization",
        AGREE_ACTION = "AgreeAction",
        SOFTWARE_APPLICATION = "SoftwareApplication",
        NAME = "name",
        ALTERNATE_NAME = "alternateName",
        DESCRIPTION = "description",
        FAMILY_NAME = "familyName",
        GIVEN_NAME = "givenName",
        HONORIFIC_PREFIX = "honorificPrefix",
        START_DATE = "startDate",
        LEGISLATION_DATE = "legislationDate",
        DATE_PUBLISHED = "datePublished",
        HEADLINE = "headline",
        IN_LANGUAGE = "inLanguage",
        TEXT = "text",
        SOFTWARE_VERSION = "softwareVersion",
        URL = "url",
        PUBLISHER = "publisher",
        ABOUT = "about",
        MENTIONS = "mentions",
        LOCATION = "location",
        ATTENDEE = "attendee",
        AGENT = "agent",
        CONTAINED_IN_PLACE = "containedInPlace",
        AREA_SERVED = "areaServed",
        LEGISLATION_PASSED_BY = "legislationPassedBy",
        LEGISLATION_TYPE = "legislationType",
        SAME_AS = "sameAs",
        EVENT_STATUS = "eventStatus",
        EVENT_SCHEDULED = "EventScheduled",
    }
}

namespace! {
    /// W3C Organization ontology, `org:`.
    org = "http://www.w3.org/ns/org#" {
        ORGANIZATION = "Organization",
        FORMAL_ORGANIZATION = "FormalOrganization",
        ORGANIZATIONAL_UNIT = "OrganizationalUnit",
        POST = "Post",
        MEMBERSHIP = "Membership",
        HOLDS = "holds",
        POST_IN = "postIn",
        MEMBER = "member",
        ORGANIZATION_PROP = "organization",
        MEMBER_DURING = "memberDuring",
        UNIT_OF = "unitOf",
        SUB_ORGANIZATION_OF = "subOrganizationOf",
        CLASSIFICATION = "classification",
    }
}

namespace! {
    /// PROV-O, `prov:`.
    prov = "http://www.w3.org/ns/prov#" {
        ENTITY = "Entity",
        ACTIVITY = "Activity",
        ASSOCIATION = "Association",
        SOFTWARE_AGENT = "SoftwareAgent",
        ROLE = "Role",
        WAS_DERIVED_FROM = "wasDerivedFrom",
        HAD_PRIMARY_SOURCE = "hadPrimarySource",
        WAS_GENERATED_BY = "wasGeneratedBy",
        WAS_ASSOCIATED_WITH = "wasAssociatedWith",
        USED = "used",
        QUALIFIED_ASSOCIATION = "qualifiedAssociation",
        AGENT = "agent",
        HAD_ROLE = "hadRole",
        STARTED_AT_TIME = "startedAtTime",
    }
}

namespace! {
    /// W3C Web Annotation vocabulary, `oa:`.
    oa = "http://www.w3.org/ns/oa#" {
        SPECIFIC_RESOURCE = "SpecificResource",
        TEXT_QUOTE_SELECTOR = "TextQuoteSelector",
        TEXT_POSITION_SELECTOR = "TextPositionSelector",
        HAS_SOURCE = "hasSource",
        HAS_SELECTOR = "hasSelector",
        EXACT = "exact",
        PREFIX = "prefix",
        SUFFIX = "suffix",
        START = "start",
        END = "end",
    }
}

namespace! {
    /// OWL-Time, `time:`.
    time = "http://www.w3.org/2006/time#" {
        INSTANT = "Instant",
        INTERVAL = "Interval",
        INSIDE = "inside",
        IN_XSD_DATE_TIME_STAMP = "inXSDDateTimeStamp",
        IN_XSD_DATE = "inXSDDate",
        IN_XSD_G_YEAR_MONTH = "inXSDgYearMonth",
        IN_XSD_G_YEAR = "inXSDgYear",
    }
}

namespace! {
    /// SKOS, `skos:`.
    skos = "http://www.w3.org/2004/02/skos/core#" {
        CONCEPT = "Concept",
        CONCEPT_SCHEME = "ConceptScheme",
        PREF_LABEL = "prefLabel",
        ALT_LABEL = "altLabel",
        IN_SCHEME = "inScheme",
        EXACT_MATCH = "exactMatch",
        CLOSE_MATCH = "closeMatch",
    }
}

namespace! {
    /// Simple Event Model, `sem:`.
    sem = "http://semanticweb.cs.vu.nl/2009/11/sem/" {
        HAS_EARLIEST_BEGIN_TIME_STAMP = "hasEarliestBeginTimeStamp",
    }
}

namespace! {
    /// ELI, `eli:`.
    eli = "http://data.europa.eu/eli/ontology#" {
        LEGAL_RESOURCE = "LegalResource",
        BASED_ON = "based_on",
        FIRST_DATE_ENTRY_IN_FORCE = "first_date_entry_in_force",
        DATE_NO_LONGER_IN_FORCE = "date_no_longer_in_force",
    }
}

namespace! {
    /// DCMI terms, `dcterms:`.
    dcterms = "http://purl.org/dc/terms/" {
        TYPE = "type",
        SOURCE = "source",
    }
}

/// The default base of pactgraph's data IRIs; `--base` replaces it.
pub const DEFAULT_BASE: &str = "https://w3id.org/pactgraph/";

/// The ontology IRI.
pub const ONTOLOGY_IRI: &str = "https://w3id.org/pactgraph/ontology";

/// Wikidata entities, `wd:`.
pub const WIKIDATA: &str = "http://www.wikidata.org/entity/";

/// The kinds of data IRI, each a path segment under `{base}id/` and a prefix in Turtle output.
pub const ID_KINDS: &[&str] = &[
    "agreement",
    "association",
    "build",
    "claim",
    "country",
    "event",
    "force",
    "government",
    "graph",
    "holding",
    "instant",
    "interval",
    "ministry",
    "organisation",
    "person",
    "place",
    "post",
    "release",
    "selector",
    "sentence",
    "software",
    "topic",
];

/// The vocabulary prefixes pactgraph declares in its output (only those used are written).
pub const VOCAB_PREFIXES: &[(&str, &str)] = &[
    ("dcterms", dcterms::NAMESPACE),
    ("eli", eli::NAMESPACE),
    ("oa", oa::NAMESPACE),
    ("org", org::NAMESPACE),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("pg", pg::NAMESPACE),
    ("prov", prov::NAMESPACE),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("schema", schema::NAMESPACE),
    ("sem", sem::NAMESPACE),
    ("sh", "http://www.w3.org/ns/shacl#"),
    ("skos", skos::NAMESPACE),
    ("time", time::NAMESPACE),
    ("wd", WIKIDATA),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// All prefixes for a data base: the vocabulary ones and one per kind of data IRI.
pub fn prefixes(base: &str) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = VOCAB_PREFIXES
        .iter()
        .map(|(p, ns)| ((*p).to_owned(), (*ns).to_owned()))
        .collect();
    all.extend(
        ID_KINDS
            .iter()
            .map(|kind| ((*kind).to_owned(), format!("{base}id/{kind}/"))),
    );
    all.sort();
    all
}

/// Every vocabulary term pactgraph writes, for the test against the ontology.
pub fn all_terms() -> impl Iterator<Item = oxigraph::model::NamedNodeRef<'static>> {
    [
        pg::ALL,
        schema::ALL,
        org::ALL,
        prov::ALL,
        oa::ALL,
        time::ALL,
        skos::ALL,
        sem::ALL,
        eli::ALL,
        dcterms::ALL,
    ]
    .into_iter()
    .flatten()
    .copied()
}

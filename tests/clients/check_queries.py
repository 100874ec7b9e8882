"""SPARQL answers read by RDFLib: the JSON and XML results of pactgraph query give the same rows,
and the CSV and TSV results agree with them; a CONSTRUCT answer parses as Turtle."""
import csv
import io
import json

import rdflib
from rdflib.query import Result

from harness import ROOT, check, finish, pactgraph, path

SEED = f"{ROOT}/releases/mofa-2025-12-19-jp-nz-acsa-isa.yaml"
CORPUS = f"{ROOT}/tests/fixtures/corpus"
# Other publishers' reports of the seed's agreements, so that some facts are corroborated (Q22).
LIFECYCLE = f"{ROOT}/tests/fixtures/lifecycle"
ESCAPES = f"{ROOT}/tests/fixtures/escapes.yaml"
NAMES = [line.split()[0] for line in pactgraph("queries").stdout.decode().splitlines() if not line.startswith(" ")]


def rows_of(result):
    """Rows as tuples of N-Triples-like strings (None for unbound), in order."""
    return [tuple(None if v is None else v.n3() for v in row) for row in result]


def answer(name, fmt, *cards):
    out = pactgraph("query", name, *cards, "--results", fmt).stdout
    return out


@check("every bundled query is listed (22)")
def _():
    assert len(NAMES) == 22, NAMES


for name in NAMES:
    for cards, label in (([], "seed"), ([SEED, CORPUS, LIFECYCLE], "corpus")):
        @check(f"RDFLib reads the JSON and XML answers of {name} ({label}) with the same rows")
        def _(name=name, cards=cards, label=label):
            from_json = Result.parse(io.BytesIO(answer(name, "json", *cards)), format="json")
            from_xml = Result.parse(io.BytesIO(answer(name, "xml", *cards)), format="xml")
            assert [str(v) for v in from_json.vars] == [str(v) for v in from_xml.vars]
            json_rows, xml_rows = rows_of(from_json), rows_of(from_xml)
            assert json_rows == xml_rows, (json_rows[:3], xml_rows[:3])
            # A single release has one publisher: it corroborates nothing.
            assert (len(json_rows) == 0) == (name == "corroborated_facts" and label == "seed"), (name, label)
            # The raw JSON agrees on the count, and the CSV has one line per row.
            raw = json.loads(answer(name, "json", *cards))
            assert len(raw["results"]["bindings"]) == len(json_rows)
            table = list(csv.reader(io.StringIO(answer(name, "csv", *cards).decode("utf-8"), newline="")))
            assert table[0] == [str(v) for v in from_json.vars], table[0]
            assert len(table) - 1 == len(json_rows)


@check("RDFLib reads the TSV answer of the signatories with the same terms as the JSON one")
def _():
    from_json = rows_of(Result.parse(io.BytesIO(answer("signatories", "json")), format="json"))
    tsv = answer("signatories", "tsv").decode("utf-8").splitlines()
    assert tsv[0] == "?agreement\t?person\t?name\t?post\t?government", tsv[0]
    from_tsv = [tuple(cell for cell in line.split("\t")) for line in tsv[1:]]
    assert from_tsv == [tuple(v or "" for v in row) for row in from_json], (from_tsv, from_json)


@check("Q8 through RDFLib: who signed, holding which post, for which government")
def _():
    result = Result.parse(io.BytesIO(answer("signatories", "json")), format="json")
    got = sorted((str(r["agreement"]).rsplit("/", 1)[1], str(r["name"]), str(r["post"]), str(r["government"])) for r in result)
    expected = sorted(
        (a, name, post, gov)
        for a in ("acsa-japan_new-zealand-2025", "information-security-japan_new-zealand-2025")
        for name, post, gov in (
            ("MOTEGI Toshimitsu", "Minister for Foreign Affairs", "Government of Japan"),
            ("Judith Collins", "Minister of Defence", "Government of New Zealand"),
        )
    )
    assert got == expected, got


@check("RDFLib reads escaped literals from the JSON and XML answers")
def _():
    query = "SELECT ?title WHERE { ?r a schema:NewsArticle ; schema:headline ?title }"
    expected = 'Signing of the "Quoted" <Agreement> & Friends\nsecond line'
    for fmt in ("json", "xml"):
        out = pactgraph("query", "-e", query, ESCAPES, "--results", fmt).stdout
        values = [str(r[0]) for r in Result.parse(io.BytesIO(out), format=fmt)]
        assert values == [expected], (fmt, values)


@check("RDFLib reads an ASK answer in JSON and XML")
def _():
    for fmt in ("json", "xml"):
        out = pactgraph("query", "-e", "ASK { ?a pg:party government:japan }", "--results", fmt).stdout
        assert Result.parse(io.BytesIO(out), format=fmt).askAnswer is True, fmt


@check("RDFLib parses a CONSTRUCT answer in Turtle with the statements it asked for")
def _():
    out = pactgraph("query", "-e", "CONSTRUCT { ?a pg:party ?g } WHERE { ?a pg:party ?g }").stdout
    g = rdflib.Graph().parse(data=out.decode("utf-8"), format="turtle")
    party = rdflib.URIRef("https://w3id.org/pactgraph/ontology#party")
    assert len(g) == 4 and all(p == party for _, p, _ in g), len(g)


# The seed and a generated corpus in which agreements, people, posts and topics recur across releases, so
# that the same triple sits in several release graphs. RDFLib's union of the graphs is a set;
# Oxigraph 0.5's repeats such a triple once per graph, which the bundled queries must absorb.
GENERATED = path("generated")
pactgraph("generate", "--releases", "60", "--seed", "5", "--output", GENERATED, "-q")
pactgraph("export", GENERATED, SEED, "-f", "nquads", "--with-ontology", "-o", path("generated.nq"))
DATASET = rdflib.Dataset(default_union=True)
DATASET.parse(path("generated.nq"), format="nquads")


def terms(rows):
    """Rows as a sorted list of tuples of N-Triples-like strings, with numbers by value."""
    def term(v):
        if v is None:
            return None
        if isinstance(v, rdflib.Literal) and v.datatype == rdflib.XSD.integer:
            return str(int(v))
        return v.n3()
    return sorted(tuple(term(v) for v in row) for row in rows)


# RDFLib evaluates a subquery with the bindings of the group it sits in, so in Q16 its second
# subquery (agreements per side) sees ?place and ?country from the first and counts one agreement
# per place. Q16's per-side totals are checked against that subquery run on its own instead.
SIDE_TOTALS = """PREFIX pg: <https://w3id.org/pactgraph/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX country: <https://w3id.org/pactgraph/id/country/>
SELECT ?side (COUNT(DISTINCT ?agreement) AS ?sideTotal)
WHERE {
  ?signing a pg:Signing ; pg:signedInstrument ?agreement ; schema:location ?place .
  OPTIONAL { ?place schema:containedInPlace ?country }
  BIND (IF(!BOUND(?country), "unknown", IF(?country = country:japan, "Japan", "partner country")) AS ?side)
}
GROUP BY ?side"""


for name in NAMES:
    @check(f"RDFLib, on a set union of the graphs, gives the answers of {name} on the seed and a generated corpus")
    def _(name=name):
        text = pactgraph("queries", name, "--standalone").stdout.decode("utf-8")
        theirs = terms(DATASET.query(text))
        ours = terms(Result.parse(io.BytesIO(answer(name, "json", GENERATED, SEED)), format="json"))
        if name == "signing_cities":
            totals = dict(terms(DATASET.query(SIDE_TOTALS)))
            assert all(row[4] == totals[row[2]] for row in ours), (ours, totals)
            ours, theirs = [row[:4] for row in ours], [row[:4] for row in theirs]
        assert len(ours) > 0, name
        assert ours == theirs, (name, len(ours), len(theirs), [r for r in ours if r not in theirs][:2],
                                [r for r in theirs if r not in ours][:2])


finish("check_queries")

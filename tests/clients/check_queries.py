"""SPARQL answers read by RDFLib: the JSON and XML results of pactgraph query give the same rows,
and the CSV and TSV results agree with them; a CONSTRUCT answer parses as Turtle."""
import csv
import io
import json

import rdflib
from rdflib.query import Result

from harness import ROOT, check, finish, pactgraph

SEED = f"{ROOT}/releases/mofa-2025-12-19-jp-nz-acsa-isa.yaml"
CORPUS = f"{ROOT}/tests/fixtures/corpus"
ESCAPES = f"{ROOT}/tests/fixtures/escapes.yaml"
NAMES = [line.split()[0] for line in pactgraph("queries").stdout.decode().splitlines() if not line.startswith(" ")]


def rows_of(result):
    """Rows as tuples of N-Triples-like strings (None for unbound), in order."""
    return [tuple(None if v is None else v.n3() for v in row) for row in result]


def answer(name, fmt, *cards):
    out = pactgraph("query", name, *cards, "--results", fmt).stdout
    return out


@check("every bundled query is listed (18)")
def _():
    assert len(NAMES) == 18, NAMES


for name in NAMES:
    for cards, label in (([], "seed"), ([SEED, CORPUS], "corpus")):
        @check(f"RDFLib reads the JSON and XML answers of {name} ({label}) with the same rows")
        def _(name=name, cards=cards):
            from_json = Result.parse(io.BytesIO(answer(name, "json", *cards)), format="json")
            from_xml = Result.parse(io.BytesIO(answer(name, "xml", *cards)), format="xml")
            assert [str(v) for v in from_json.vars] == [str(v) for v in from_xml.vars]
            json_rows, xml_rows = rows_of(from_json), rows_of(from_xml)
            assert json_rows == xml_rows, (json_rows[:3], xml_rows[:3])
            assert len(json_rows) > 0
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
        for a in ("acsa-japan_new-zealand", "information-security-japan_new-zealand")
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


finish("check_queries")

"""RDF outputs read by Raptor's rapper, RDFLib and pySHACL."""
import subprocess

import rdflib
from pyshacl import validate

from harness import ROOT, check, finish, pactgraph, path

ESCAPES = f"{ROOT}/tests/fixtures/escapes.yaml"
SHAPES = f"{ROOT}/ontology/shapes.ttl"
# format name, file, rapper's parser name (None: rapper has no parser for it), RDFLib's name
FORMATS = [
    ("turtle", "seed.ttl", "turtle", "turtle"),
    ("ntriples", "seed.nt", "ntriples", "nt"),
    ("nquads", "seed.nq", "nquads", "nquads"),
    ("trig", "seed.trig", "trig", "trig"),
    ("rdfxml", "seed.rdf", "rdfxml", "xml"),
    ("jsonld", "seed.jsonld", None, "json-ld"),
    ("canonical", "seed.c14n.nq", "nquads", "nquads"),
]


def expected_counts(*cards):
    """(triples after merging graphs, quads): the N-Triples and N-Quads line counts."""
    nt = pactgraph("export", *cards, "--format", "nt").stdout.decode().splitlines()
    nq = pactgraph("export", *cards, "--format", "nq").stdout.decode().splitlines()
    return len(nt), len(nq)


def rdflib_count(file, fmt):
    ds = rdflib.Dataset()
    ds.parse(file, format=fmt)
    quads = sum(1 for _ in ds.quads((None, None, None, None)))
    triples = len({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))})
    return triples, quads


for cards, label in (([], "seed"), ([ESCAPES], "escapes card")):
    triples, quads = expected_counts(*cards)
    for name, file, rapper_name, rdflib_name in FORMATS:
        keeps_graphs = name in ("nquads", "trig", "jsonld", "canonical")
        out = path(f"{label.replace(' ', '-')}-{file}")
        pactgraph("export", *cards, "--output", out)

        if rapper_name:
            @check(f"rapper reads {name} ({label}) with the same number of statements")
            def _(out=out, rapper_name=rapper_name, keeps_graphs=keeps_graphs):
                run = subprocess.run(["rapper", "-i", rapper_name, "-c", out], capture_output=True, text=True)
                assert run.returncode == 0, run.stderr
                assert "error" not in run.stderr.lower(), run.stderr
                count = int(run.stderr.split("returned ")[1].split(" ")[0])
                assert count == (quads if keeps_graphs else triples), (count, triples, quads)

        @check(f"RDFLib reads {name} ({label}) with the same number of statements")
        def _(out=out, rdflib_name=rdflib_name, keeps_graphs=keeps_graphs):
            got_triples, got_quads = rdflib_count(out, rdflib_name)
            if keeps_graphs:
                assert got_quads == quads, (got_quads, quads)
            assert got_triples == triples, (got_triples, triples)


@check("RDFLib keeps the escaped literals of the escapes card")
def _():
    g = rdflib.Graph()
    g.parse(path("escapes-card-seed.ttl"), format="turtle")
    values = {str(o) for o in g.objects() if isinstance(o, rdflib.Literal)}
    for text in ['Signing of the "Quoted" <Agreement> & Friends\nsecond line', "Q&A<>", "日本・ニュージーランド協定", "Te Ope Kātua o Aotearoa"]:
        assert text in values, text


@check("pySHACL: the seed with the ontology conforms to ontology/shapes.ttl")
def _():
    pactgraph("export", "--with-ontology", "--output", path("union.ttl"))
    data = rdflib.Graph().parse(path("union.ttl"), format="turtle")
    conforms, _, text = validate(data, shacl_graph=SHAPES, inference="none")
    assert conforms, text


def shacl_violations(*cards):
    """pySHACL's violations on the default export of these cards (the graph `pactgraph
    validate` checks: release and reference graphs, no ontology), and validate's verdict."""
    name = path(f"default-{len(cards)}.ttl")
    pactgraph("export", *cards, "--output", name)
    data = rdflib.Graph().parse(name, format="turtle")
    _, results, text = validate(data, shacl_graph=SHAPES, inference="none")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    found = list(results.subjects(rdflib.RDF.type, sh.ValidationResult))
    ours = pactgraph("validate", *cards, check=False)
    return len(found), text, ours.returncode, ours.stdout.decode()


@check("pySHACL: the default export has zero violations, as pactgraph validate says")
def _():
    for cards in [(), (f"{ROOT}/releases", f"{ROOT}/tests/fixtures/nz-defence-other-style.yaml"),
                  (f"{ROOT}/releases", f"{ROOT}/tests/fixtures/lifecycle")]:
        found, text, code, ours = shacl_violations(*cards)
        assert found == 0, (cards, text)
        assert code == 0 and ours.startswith("conforms: "), (cards, ours)


@check("pySHACL: a graph with a broken agreement does not conform, as pactgraph validate says")
def _():
    broken = path("broken.ttl")
    with open(path("seed-seed.ttl"), encoding="utf-8") as f:
        text = f.read()
    with open(broken, "w", encoding="utf-8") as f:
        f.write(text + "\n<urn:x> a <https://w3id.org/pactgraph/ontology#Agreement> ; "
                "<https://w3id.org/pactgraph/ontology#party> <urn:nobody> .\n")
    conforms, _, report = validate(rdflib.Graph().parse(broken, format="turtle"), shacl_graph=SHAPES, inference="none")
    assert not conforms
    assert "urn:x" in report


finish("check_rdf")

"""Graph-tool outputs read by the tools' own readers: networkx (GraphML, GEXF), Graphviz's dot
(DOT) and Kùzu, an embedded graph database that loads the Neo4j CSV files and answers Cypher."""
import csv
import os
import subprocess
import xml.etree.ElementTree as ET

import kuzu
import networkx as nx

from harness import ROOT, check, finish, pactgraph, path

ESCAPES = f"{ROOT}/tests/fixtures/escapes.yaml"
# The seed's projection, as the Rust tests count it (tests/cli/graph_tools.rs).
SEED_NODES, SEED_EDGES = 40, 92
PG = "https://w3id.org/pactgraph/id/"
ACSA = PG + "agreement/acsa-japan_new-zealand-2025"
ISA = PG + "agreement/information-security-japan_new-zealand-2025"


def export(fmt, out, *extra):
    pactgraph("export", "--format", fmt, "--output", path(out), *extra)
    return path(out)


def graphml_graph(file):
    """The GraphML as a networkx graph keyed by IRI (GraphML ids are n1, n2, ...)."""
    g = nx.read_graphml(file)
    return nx.relabel_nodes(g, {n: d["iri"] for n, d in g.nodes(data=True)})


def edge_set(g):
    return {(s, d["label"], t) for s, t, d in g.edges(data=True)}


for extra, label in (([], "seed"), (["--with-provenance"], "seed with provenance"), ([ESCAPES], "escapes card")):
    graphml = export("graphml", f"{label}.graphml", *extra)
    gexf = export("gexf", f"{label}.gexf", *extra)

    @check(f"networkx reads the GraphML and the GEXF ({label}) with the same nodes, edges and labels")
    def _(graphml=graphml, gexf=gexf, label=label):
        a, b = graphml_graph(graphml), nx.read_gexf(gexf)
        assert set(a.nodes) == set(b.nodes), set(a.nodes) ^ set(b.nodes)
        assert a.number_of_edges() == b.number_of_edges()
        assert edge_set(a) == edge_set(b)
        for n in a.nodes:
            assert a.nodes[n]["label"] == b.nodes[n]["label"], n
        if label == "seed":
            assert a.number_of_nodes() == SEED_NODES, a.number_of_nodes()
            assert a.number_of_edges() == SEED_EDGES, a.number_of_edges()

    @check(f"networkx finds the same attribute types in the GraphML and the GEXF ({label})")
    def _(graphml=graphml, gexf=gexf, label=label):
        a, b = graphml_graph(graphml), nx.read_gexf(gexf)
        compared = 0
        for n in a.nodes:
            for key, value in a.nodes[n].items():
                if key in b.nodes[n]:
                    assert type(value) is type(b.nodes[n][key]), (n, key, value, b.nodes[n][key])
                    compared += 1
        assert compared > 5 * a.number_of_nodes(), compared
        if label == "seed with provenance":
            numbers = [d["sentenceNumber"] for _, d in a.nodes(data=True) if "sentenceNumber" in d]
            assert numbers and all(isinstance(x, int) for x in numbers), numbers
            assert sorted(numbers) == [7, 8, 9, 10, 11, 12, 13, 14, 15], numbers


@check("networkx reads the yEd flavour with the same nodes and edges as the plain GraphML")
def _():
    yed = graphml_graph(export("graphml-yed", "seed.yed.graphml"))
    plain = graphml_graph(path("seed.graphml"))
    assert set(yed.nodes) == set(plain.nodes)
    assert edge_set(yed) == edge_set(plain)


@check("the Cytoscape tables, read as an edge list and a node table, give the same graph as the GraphML")
def _():
    directory = export("cytoscape", "cytoscape")
    with open(os.path.join(directory, "edges.csv"), newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    with open(os.path.join(directory, "nodes.csv"), newline="", encoding="utf-8") as f:
        nodes = {row["id"]: row for row in csv.DictReader(f)}
    g = nx.MultiDiGraph()
    g.add_nodes_from((n, {"label": row["label"]}) for n, row in nodes.items())
    g.add_edges_from((e["source"], e["target"], {"label": e["interaction"]}) for e in edges)
    plain = graphml_graph(path("seed.graphml"))
    assert set(g.nodes) == set(plain.nodes)
    assert edge_set(g) == edge_set(plain)
    assert nodes[PG + "person/judith-collins"]["kind"] == "person"


@check("networkx: the seed's key edges are there (Motegi and Collins sign the ACSA and ISA; the ACSA concerns the NZDF)")
def _():
    edges = edge_set(graphml_graph(path("seed.graphml")))
    for s, p, t in [
        (ACSA, "signatory", PG + "person/toshimitsu-motegi"),
        (ISA, "signatory", PG + "person/judith-collins"),
        (ACSA, "concernsForce", PG + "force/new-zealand-defence-force"),
    ]:
        assert (s, p, t) in edges, (s, p, t)


@check("networkx: the GEXF is dynamic, with the signing date as the agreements' start")
def _():
    g = nx.read_gexf(path("seed.gexf"))
    assert g.graph["mode"] == "dynamic"
    assert g.nodes[ACSA]["start"] == "2025-12-19"
    assert g.nodes[ISA]["start"] == "2025-12-19"


@check("networkx reads the escapes card's text back unchanged from GraphML and GEXF")
def _():
    title = 'Signing of the "Quoted" <Agreement> & Friends\nsecond line'
    summary = "line one\nline two with a tab\tand a backslash \\ and </script>"
    for g in (graphml_graph(path("escapes card.graphml")), nx.read_gexf(path("escapes card.gexf"))):
        assert g.nodes[PG + "release/escapes-test"]["label"] == title
        assert any(d.get("description") == summary for _, d in g.nodes(data=True))


for extra, label in (([], "seed"), ([ESCAPES], "escapes card")):
    dot_file = export("dot", f"{label}.dot", *extra)

    @check(f"Graphviz renders the DOT ({label}) to SVG with nothing on standard error")
    def _(dot_file=dot_file, label=label):
        run = subprocess.run(["dot", "-Tsvg", dot_file], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        assert run.stderr == "", run.stderr
        svg = ET.fromstring(run.stdout)
        ns = "{http://www.w3.org/2000/svg}"
        nodes = [g for g in svg.iter(f"{ns}g") if g.get("class") == "node"]
        edges = [g for g in svg.iter(f"{ns}g") if g.get("class") == "edge"]
        text = " ".join(t.text or "" for t in svg.iter(f"{ns}text"))
        if label == "seed":
            assert (len(nodes), len(edges)) == (SEED_NODES, SEED_EDGES), (len(nodes), len(edges))
            for name in ("Toshimitsu Motegi", "Judith Collins", "New Zealand Defence Force", "Tokyo"):
                assert name in text, name
        else:
            for piece in ('"Quoted"', "<Agreement> & Friends", "日本・ニュージーランド協定", 'Tāne "Tama" Mahuta'):
                assert piece in text, piece


@check("the committed picture of the seed (releases/*.svg) shows the graph as exported now")
def _():
    svg = ET.parse(f"{ROOT}/releases/mofa-2025-12-19-jp-nz-acsa-isa.svg").getroot()
    ns = "{http://www.w3.org/2000/svg}"
    titles = {g.find(f"{ns}title").text for g in svg.iter(f"{ns}g") if g.get("class") == "node"}
    edges = [g for g in svg.iter(f"{ns}g") if g.get("class") == "edge"]
    assert titles == set(graphml_graph(path("seed.graphml")).nodes), titles
    assert len(edges) == SEED_EDGES, len(edges)


KUZU_TYPES = {"string": "STRING", "long": "INT64", "int": "INT64", "double": "DOUBLE", "float": "DOUBLE",
              "boolean": "BOOLEAN", "date": "DATE"}


def kuzu_columns(header):
    """Kùzu columns for a neo4j-admin header: `name:type` typed where Kùzu reads the text as is;
    arrays and date-times (with offsets) stay strings."""
    columns = []
    for h in header:
        name, _, kind = h.partition(":")
        if h == "iri:ID":
            columns.append(("iri", "STRING"))
        elif h == ":LABEL":
            columns.append(("labels", "STRING"))
        elif kind.endswith("[]") or not kind:
            columns.append((name, "STRING"))
        else:
            columns.append((name, KUZU_TYPES.get(kind, "STRING")))
    return columns


def load_kuzu(directory):
    with open(os.path.join(directory, "nodes.csv"), newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    with open(os.path.join(directory, "relationships.csv"), newline="", encoding="utf-8") as f:
        rel_header = next(csv.reader(f))
    assert header[:2] == ["iri:ID", ":LABEL"], header
    assert rel_header[:3] == [":START_ID", ":END_ID", ":TYPE"], rel_header
    db = kuzu.Database(os.path.join(directory + "-kuzu"))
    conn = kuzu.Connection(db)
    columns = ", ".join(f"`{n}` {t}" for n, t in kuzu_columns(header))
    conn.execute(f"CREATE NODE TABLE Resource({columns}, PRIMARY KEY (iri))")
    conn.execute("CREATE REL TABLE Link(FROM Resource TO Resource, type STRING, id STRING, iri STRING, "
                 "graphs STRING, start DATE)")
    conn.execute(f"COPY Resource FROM '{directory}/nodes.csv' (header=true, parallel=false)")
    conn.execute(f"COPY Link FROM '{directory}/relationships.csv' (header=true, parallel=false)")
    return conn


def rows(conn, query):
    result = conn.execute(query)
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


neo4j_dir = export("neo4j", "neo4j")


@check("Kùzu loads the Neo4j CSV files: every node and relationship")
def _():
    conn = load_kuzu(neo4j_dir)
    assert rows(conn, "MATCH (n:Resource) RETURN count(n)") == [[SEED_NODES]]
    assert rows(conn, "MATCH ()-[r:Link]->() RETURN count(r)") == [[SEED_EDGES]]


@check("Kùzu: a Cypher query returns the two signatories of the ACSA")
def _():
    conn = kuzu.Connection(kuzu.Database(neo4j_dir + "-kuzu"))
    got = rows(conn, "MATCH (a:Resource)-[r:Link]->(p:Resource) "
                     "WHERE r.type = 'signatory' AND a.abbreviation = 'ACSA' "
                     "RETURN p.label, p.labels, a.legislationDate ORDER BY p.label")
    assert [r[0] for r in got] == ["Judith Collins", "Toshimitsu Motegi"], got
    assert all("Person" in r[1].split(";") for r in got), got
    assert str(got[0][2]) == "2025-12-19", got


finish("check_graph_tools")

//! GEXF 1.3, written with quick-xml: typed attributes (`long`, `double`, `boolean`, `anyURI`,
//! `string`; lists as `liststring`, written as JSON arrays of strings, `["a","b"]`, which keep
//! items with commas or bars whole), each node's colour by kind, edges with their property as
//! `kind` (so Gephi keeps parallel edges apart), and time:
//! nodes and edges with a date (signing, start or publication) carry it as `start`, so Gephi's
//! timeline plays the network in the order things happened. Dates themselves are `string`
//! attributes (readers such as networkx know no date type). Node ids are IRIs.

use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::ExportError;
use super::graph_tools::{GraphExporter, json_list, rgb, style, values_text, xml_attribute};
use crate::projection::{GraphView, ValueType};

const NS: &str = "http://gexf.net/1.3";

/// GEXF 1.3.
#[derive(Debug, Clone, Copy)]
pub struct Gexf;

fn gexf_type(value_type: ValueType, list: bool) -> &'static str {
    match (value_type, list) {
        (_, true) => "liststring",
        (ValueType::Integer, _) => "long",
        (ValueType::Double, _) => "double",
        (ValueType::Boolean, _) => "boolean",
        (ValueType::Uri, _) => "anyURI",
        _ => "string",
    }
}

impl GraphExporter for Gexf {
    fn write(
        &self,
        graph: &dyn GraphView,
        _file: &str,
        out: &mut dyn Write,
    ) -> Result<(), ExportError> {
        let mut w = Writer::new_with_indent(out, b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.write_event(Event::Start(BytesStart::new("gexf").with_attributes([
            ("xmlns", NS),
            ("xmlns:viz", "http://gexf.net/1.3/viz"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            ),
            ("version", "1.3"),
        ])))?;
        w.write_event(Event::Start(BytesStart::new("meta")))?;
        w.create_element("creator")
            .write_text_content(BytesText::new(&format!(
                "pactgraph {}",
                crate::mapping::TOOL_VERSION
            )))?;
        w.create_element("description")
            .write_text_content(BytesText::new(
                "defence and security agreements, projected from pactgraph's RDF graph",
            ))?;
        w.write_event(Event::End(BytesEnd::new("meta")))?;

        let dynamic = graph.dynamic();
        let mut g = BytesStart::new("graph");
        g.push_attribute(("defaultedgetype", "directed"));
        if dynamic {
            g.push_attribute(("mode", "dynamic"));
            g.push_attribute(("timeformat", "date"));
            g.push_attribute(("timerepresentation", "interval"));
        } else {
            g.push_attribute(("mode", "static"));
        }
        w.write_event(Event::Start(g))?;

        // Node attributes: kind, iri, types, graphs, then the projection's attributes.
        let mut node_attributes: Vec<(String, &str)> = vec![
            ("kind".into(), "string"),
            ("iri".into(), "anyURI"),
            ("types".into(), "liststring"),
            ("graphs".into(), "liststring"),
        ];
        for a in graph.attributes() {
            node_attributes.push((a.name.clone(), gexf_type(a.value_type, a.list)));
        }
        attributes(&mut w, "node", &node_attributes)?;
        attributes(
            &mut w,
            "edge",
            &[("iri".into(), "anyURI"), ("graphs".into(), "liststring")],
        )?;

        w.write_event(Event::Start(BytesStart::new("nodes")))?;
        for node in graph.nodes() {
            let node = node?;
            let mut start = BytesStart::new("node");
            start.push_attribute(xml_attribute("id", &node.iri));
            start.push_attribute(xml_attribute("label", &node.label));
            if let Some(day) = &node.start {
                start.push_attribute(("start", day.as_str()));
            }
            w.write_event(Event::Start(start))?;
            let mut values = vec![
                ("0".to_owned(), node.kind.to_owned()),
                ("1".to_owned(), node.iri.clone()),
                (
                    "2".to_owned(),
                    json_list(node.types.iter().map(String::as_str)),
                ),
                (
                    "3".to_owned(),
                    json_list(node.graphs.iter().map(String::as_str)),
                ),
            ];
            for (i, a) in graph.attributes().iter().enumerate() {
                if let Some(v) = node.values.get(&a.name) {
                    values.push(((i + 4).to_string(), values_text(v, a.list)));
                }
            }
            attvalues(&mut w, &values)?;
            let (r, gr, b) = rgb(style(node.kind).0);
            w.create_element("viz:color")
                .with_attributes([
                    ("r", r.to_string().as_str()),
                    ("g", gr.to_string().as_str()),
                    ("b", b.to_string().as_str()),
                ])
                .write_empty()?;
            w.write_event(Event::End(BytesEnd::new("node")))?;
        }
        w.write_event(Event::End(BytesEnd::new("nodes")))?;

        w.write_event(Event::Start(BytesStart::new("edges")))?;
        for edge in graph.edges() {
            let edge = edge?;
            let mut start = BytesStart::new("edge");
            start.push_attribute(("id", edge.id.as_str()));
            start.push_attribute(xml_attribute("source", &edge.source));
            start.push_attribute(xml_attribute("target", &edge.target));
            start.push_attribute(xml_attribute("label", &edge.label));
            // Parallel edges (two properties between the same nodes) stay apart in Gephi only
            // when their kinds differ.
            start.push_attribute(xml_attribute("kind", &edge.label));
            if let Some(day) = &edge.start {
                start.push_attribute(("start", day.as_str()));
            }
            w.write_event(Event::Start(start))?;
            attvalues(
                &mut w,
                &[
                    ("0".to_owned(), edge.iri.clone()),
                    (
                        "1".to_owned(),
                        json_list(edge.graphs.iter().map(String::as_str)),
                    ),
                ],
            )?;
            w.write_event(Event::End(BytesEnd::new("edge")))?;
        }
        w.write_event(Event::End(BytesEnd::new("edges")))?;
        w.write_event(Event::End(BytesEnd::new("graph")))?;
        w.write_event(Event::End(BytesEnd::new("gexf")))?;
        w.into_inner().write_all(b"\n")?;
        Ok(())
    }
}

fn attributes<W: Write>(
    w: &mut Writer<W>,
    class: &str,
    declared: &[(String, &str)],
) -> Result<(), ExportError> {
    w.write_event(Event::Start(
        BytesStart::new("attributes").with_attributes([("class", class), ("mode", "static")]),
    ))?;
    for (i, (title, kind)) in declared.iter().enumerate() {
        let mut a = BytesStart::new("attribute");
        a.push_attribute(("id", i.to_string().as_str()));
        a.push_attribute(xml_attribute("title", title));
        a.push_attribute(("type", *kind));
        w.write_event(Event::Empty(a))?;
    }
    w.write_event(Event::End(BytesEnd::new("attributes")))?;
    Ok(())
}

fn attvalues<W: Write>(w: &mut Writer<W>, values: &[(String, String)]) -> Result<(), ExportError> {
    w.write_event(Event::Start(BytesStart::new("attvalues")))?;
    for (id, value) in values {
        let mut a = BytesStart::new("attvalue");
        a.push_attribute(("for", id.as_str()));
        a.push_attribute(xml_attribute("value", value));
        w.write_event(Event::Empty(a))?;
    }
    w.write_event(Event::End(BytesEnd::new("attvalues")))?;
    Ok(())
}

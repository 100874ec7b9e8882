//! GraphML, written with quick-xml (text and attributes escaped), every attribute declared as a
//! typed `<key>`: numbers as `long`/`double`, booleans as `boolean`, everything else (dates,
//! IRIs, text) as `string`; GraphML has no list type, so lists are JSON arrays of strings.
//! Node ids are `n1`, `n2`, ... (GraphML ids are XML name tokens, which IRIs are not); each node's
//! IRI is its `iri` attribute. The yEd flavour adds yFiles node and edge graphics, so that yEd
//! shows each node's label, colour and shape.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};

use super::ExportError;
use super::graph_tools::{GraphExporter, json_list, style, values_text, xml_content};
use crate::projection::{GraphView, ValueType};

const NS: &str = "http://graphml.graphdrawing.org/xmlns";
const YED_NS: &str = "http://www.yworks.com/xml/graphml";

/// GraphML; `yed` adds yEd's graphics.
#[derive(Debug, Clone, Copy)]
pub struct GraphMl {
    /// Whether to add yEd's node and edge graphics.
    pub yed: bool,
}

/// A GraphML key: (id, for, attr.name, attr.type).
struct Key {
    id: String,
    domain: &'static str,
    name: String,
    kind: &'static str,
}

fn graphml_type(value_type: ValueType, list: bool) -> &'static str {
    match (value_type, list) {
        (_, true) => "string",
        (ValueType::Integer, _) => "long",
        (ValueType::Double, _) => "double",
        (ValueType::Boolean, _) => "boolean",
        _ => "string",
    }
}

impl GraphExporter for GraphMl {
    fn write(
        &self,
        graph: &dyn GraphView,
        _file: &str,
        out: &mut dyn Write,
    ) -> Result<(), ExportError> {
        let mut w = Writer::new_with_indent(out, b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        let mut root = BytesStart::new("graphml");
        root.push_attribute(("xmlns", NS));
        root.push_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"));
        if self.yed {
            root.push_attribute(("xmlns:y", YED_NS));
        }
        root.push_attribute((
            "xsi:schemaLocation",
            "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
        ));
        w.write_event(Event::Start(root))?;

        let mut keys = vec![
            Key {
                id: "label".into(),
                domain: "node",
                name: "label".into(),
                kind: "string",
            },
            Key {
                id: "kind".into(),
                domain: "node",
                name: "kind".into(),
                kind: "string",
            },
            Key {
                id: "iri".into(),
                domain: "node",
                name: "iri".into(),
                kind: "string",
            },
            Key {
                id: "types".into(),
                domain: "node",
                name: "types".into(),
                kind: "string",
            },
            Key {
                id: "graphs".into(),
                domain: "node",
                name: "graphs".into(),
                kind: "string",
            },
            Key {
                id: "start".into(),
                domain: "node",
                name: "start".into(),
                kind: "string",
            },
        ];
        let mut attribute_keys = BTreeMap::new();
        for (i, a) in graph.attributes().iter().enumerate() {
            let id = format!("a{}", i + 1);
            attribute_keys.insert(a.name.as_str(), (id.clone(), a.list));
            keys.push(Key {
                id,
                domain: "node",
                name: a.name.clone(),
                kind: graphml_type(a.value_type, a.list),
            });
        }
        for (id, name) in [
            ("edge_label", "label"),
            ("edge_iri", "iri"),
            ("edge_graphs", "graphs"),
            ("edge_start", "start"),
        ] {
            keys.push(Key {
                id: id.into(),
                domain: "edge",
                name: name.into(),
                kind: "string",
            });
        }
        for key in &keys {
            w.create_element("key")
                .with_attributes([
                    ("id", key.id.as_str()),
                    ("for", key.domain),
                    ("attr.name", key.name.as_str()),
                    ("attr.type", key.kind),
                ])
                .write_empty()?;
        }
        if self.yed {
            w.create_element("key")
                .with_attributes([
                    ("id", "yed_node"),
                    ("for", "node"),
                    ("yfiles.type", "nodegraphics"),
                ])
                .write_empty()?;
            w.create_element("key")
                .with_attributes([
                    ("id", "yed_edge"),
                    ("for", "edge"),
                    ("yfiles.type", "edgegraphics"),
                ])
                .write_empty()?;
        }

        w.write_event(Event::Start(
            BytesStart::new("graph")
                .with_attributes([("id", "pactgraph"), ("edgedefault", "directed")]),
        ))?;
        // Node numbers by IRI, for the edges' ends.
        let mut ids: HashMap<String, usize> = HashMap::new();
        for (i, node) in graph.nodes().enumerate() {
            let node = node?;
            let id = format!("n{}", i + 1);
            w.write_event(Event::Start(
                BytesStart::new("node").with_attributes([("id", id.as_str())]),
            ))?;
            data(&mut w, "label", &node.label)?;
            data(&mut w, "kind", node.kind)?;
            data(&mut w, "iri", &node.iri)?;
            data(
                &mut w,
                "types",
                &json_list(node.types.iter().map(String::as_str)),
            )?;
            data(
                &mut w,
                "graphs",
                &json_list(node.graphs.iter().map(String::as_str)),
            )?;
            if let Some(start) = &node.start {
                data(&mut w, "start", start)?;
            }
            for (name, values) in &node.values {
                let (key, list) = &attribute_keys[name.as_str()];
                data(&mut w, key, &values_text(values, *list))?;
            }
            if self.yed {
                yed_node(&mut w, &node.label, node.kind)?;
            }
            w.write_event(Event::End(BytesEnd::new("node")))?;
            ids.insert(node.iri, i + 1);
        }
        for edge in graph.edges() {
            let edge = edge?;
            let source = format!("n{}", ids[edge.source.as_str()]);
            let target = format!("n{}", ids[edge.target.as_str()]);
            w.write_event(Event::Start(BytesStart::new("edge").with_attributes([
                ("id", edge.id.as_str()),
                ("source", source.as_str()),
                ("target", target.as_str()),
            ])))?;
            data(&mut w, "edge_label", &edge.label)?;
            data(&mut w, "edge_iri", &edge.iri)?;
            data(
                &mut w,
                "edge_graphs",
                &json_list(edge.graphs.iter().map(String::as_str)),
            )?;
            if let Some(start) = &edge.start {
                data(&mut w, "edge_start", start)?;
            }
            if self.yed {
                yed_edge(&mut w, &edge.label)?;
            }
            w.write_event(Event::End(BytesEnd::new("edge")))?;
        }
        w.write_event(Event::End(BytesEnd::new("graph")))?;
        w.write_event(Event::End(BytesEnd::new("graphml")))?;
        w.into_inner().write_all(b"\n")?;
        Ok(())
    }
}

fn data<W: Write>(w: &mut Writer<W>, key: &str, text: &str) -> Result<(), ExportError> {
    w.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(xml_content(text))?;
    Ok(())
}

fn yed_node<W: Write>(w: &mut Writer<W>, label: &str, kind: &str) -> Result<(), ExportError> {
    let (colour, _, shape) = style(kind);
    let longest = label.lines().map(|l| l.chars().count()).max().unwrap_or(1);
    let width = (longest.min(40) * 7 + 20).max(60).to_string();
    let height = (label.lines().count().max(1) * 16 + 14).to_string();
    w.write_event(Event::Start(
        BytesStart::new("data").with_attributes([("key", "yed_node")]),
    ))?;
    w.write_event(Event::Start(BytesStart::new("y:ShapeNode")))?;
    w.create_element("y:Geometry")
        .with_attributes([
            ("height", height.as_str()),
            ("width", width.as_str()),
            ("x", "0"),
            ("y", "0"),
        ])
        .write_empty()?;
    w.create_element("y:Fill")
        .with_attributes([("color", colour), ("transparent", "false")])
        .write_empty()?;
    w.create_element("y:BorderStyle")
        .with_attributes([("color", "#000000"), ("type", "line"), ("width", "1.0")])
        .write_empty()?;
    w.create_element("y:NodeLabel")
        .write_text_content(xml_content(label))?;
    w.create_element("y:Shape")
        .with_attribute(("type", shape))
        .write_empty()?;
    w.write_event(Event::End(BytesEnd::new("y:ShapeNode")))?;
    w.write_event(Event::End(BytesEnd::new("data")))?;
    Ok(())
}

fn yed_edge<W: Write>(w: &mut Writer<W>, label: &str) -> Result<(), ExportError> {
    w.write_event(Event::Start(
        BytesStart::new("data").with_attributes([("key", "yed_edge")]),
    ))?;
    w.write_event(Event::Start(BytesStart::new("y:PolyLineEdge")))?;
    w.create_element("y:Arrows")
        .with_attributes([("source", "none"), ("target", "standard")])
        .write_empty()?;
    w.create_element("y:EdgeLabel")
        .write_text_content(xml_content(label))?;
    w.write_event(Event::End(BytesEnd::new("y:PolyLineEdge")))?;
    w.write_event(Event::End(BytesEnd::new("data")))?;
    Ok(())
}

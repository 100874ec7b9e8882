//! JSON-LD: sophia turns the quads into expanded JSON-LD (named graphs kept), then IRIs are
//! compacted against pactgraph's prefixes, which the document declares in its `@context`. A
//! compact IRI `prefix:local` in a key, an `@id` or an `@type` expands back to the same IRI, so
//! the document means exactly the expanded one; a JSON-LD processor reads both the same.

use std::io::Write;

use serde_json::{Map, Value};
use sophia::api::serializer::{QuadSerializer, Stringifier};
use sophia::jsonld::{JsonLdOptions, JsonLdSerializer};

use super::{ExportError, Exporter, Selection, used_prefixes};

/// JSON-LD 1.1.
#[derive(Debug, Clone, Copy)]
pub struct JsonLd;

impl Exporter for JsonLd {
    fn export(&self, selection: &Selection, out: &mut dyn Write) -> Result<(), ExportError> {
        let fail = |message: String| ExportError::Serialize {
            format: "jsonld",
            message,
        };
        let dataset = crate::compare::to_sophia(&selection.quads).map_err(fail)?;
        let mut serializer =
            JsonLdSerializer::new_stringifier_with_options(JsonLdOptions::new().with_spaces(0));
        serializer
            .serialize_dataset(&dataset)
            .map_err(|e| fail(e.to_string()))?;
        let expanded: Value =
            serde_json::from_str(serializer.as_str()).map_err(|e| fail(e.to_string()))?;
        let prefixes = used_prefixes(&selection.quads, &selection.prefixes);
        let mut context = Map::new();
        for (name, ns) in &prefixes {
            context.insert(name.clone(), Value::String(ns.clone()));
        }
        let mut nodes = match expanded {
            Value::Array(nodes) => nodes,
            other => vec![other],
        };
        for node in &mut nodes {
            compact(node, &prefixes);
        }
        nodes.sort_by_key(|n| {
            n.get("@id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        });
        let mut document = Map::new();
        document.insert("@context".into(), Value::Object(context));
        document.insert("@graph".into(), Value::Array(nodes));
        serde_json::to_writer_pretty(&mut *out, &Value::Object(document))
            .map_err(|e| fail(e.to_string()))?;
        out.write_all(b"\n")?;
        Ok(())
    }
}

fn curie(iri: &str, prefixes: &[(String, String)]) -> Option<String> {
    prefixes
        .iter()
        .filter(|(_, ns)| iri.starts_with(ns.as_str()))
        .max_by_key(|(_, ns)| ns.len())
        .and_then(|(name, ns)| {
            let local = &iri[ns.len()..];
            (!local.starts_with("//") && !local.is_empty()).then(|| format!("{name}:{local}"))
        })
}

/// Compacts IRIs in keys, `@id`, `@type` and (inside `@value` objects) datatype `@type`.
fn compact(value: &mut Value, prefixes: &[(String, String)]) {
    match value {
        Value::Array(items) => {
            for item in items {
                compact(item, prefixes);
            }
        }
        Value::Object(map) => {
            let entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
            for (key, mut v) in entries {
                let key = if key.starts_with('@') {
                    key
                } else {
                    curie(&key, prefixes).unwrap_or(key)
                };
                match key.as_str() {
                    "@id" | "@type" => compact_iris(&mut v, prefixes),
                    "@value" | "@language" => {}
                    _ => compact(&mut v, prefixes),
                }
                if key == "@graph"
                    && let Value::Array(nodes) = &mut v
                {
                    nodes.sort_by_key(|n| {
                        n.get("@id")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_owned()
                    });
                }
                map.insert(key, v);
            }
        }
        _ => {}
    }
}

fn compact_iris(value: &mut Value, prefixes: &[(String, String)]) {
    match value {
        Value::String(iri) => {
            if let Some(c) = curie(iri, prefixes) {
                *iri = c;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| compact_iris(i, prefixes)),
        _ => {}
    }
}

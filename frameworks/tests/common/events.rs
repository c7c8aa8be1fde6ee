//! Captures the `tracing` events http-status emits, field by field, with a subscriber layer
//! that records each field's value as the subscriber receives it (not by reading formatted
//! output): a test then asserts the exact set of fields, so an empty or extra field fails.
#![allow(dead_code)] // each test crate uses its own part

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::Layer;

/// One event: its level, its message and every other field, each as the subscriber got it
/// (`Str` for a `&str` value, `Int` for an integer, `Text` for a `Display` or `Debug` one).
#[derive(Debug, Clone, PartialEq)]
pub struct Captured {
    pub level: Level,
    pub target: String,
    pub message: String,
    pub fields: BTreeMap<String, Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str(String),
    Int(i128),
    Bool(bool),
    Text(String),
}

impl Value {
    /// The value as text, whichever way it was recorded.
    pub fn text(&self) -> String {
        match self {
            Value::Str(text) | Value::Text(text) => text.clone(),
            Value::Int(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
        }
    }
}

impl Captured {
    /// The names of the fields, message excluded, in order.
    pub fn names(&self) -> Vec<&str> {
        self.fields.keys().map(String::as_str).collect()
    }

    /// A field's value as text; panics (failing the test) when it is absent.
    pub fn get(&self, name: &str) -> String {
        match self.fields.get(name) {
            Some(value) => value.text(),
            None => panic!("no field {name} in {self:#?}"),
        }
    }
}

struct Recorder<'a> {
    message: &'a mut String,
    fields: &'a mut BTreeMap<String, Value>,
}

impl Visit for Recorder<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.put(field, Value::Str(value.to_owned()));
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.put(field, Value::Int(value.into()));
    }
    fn record_i64(&mut self, field: &Field, value: i64) {
        self.put(field, Value::Int(value.into()));
    }
    fn record_u128(&mut self, field: &Field, value: u128) {
        self.put(field, Value::Int(value as i128));
    }
    fn record_bool(&mut self, field: &Field, value: bool) {
        self.put(field, Value::Bool(value));
    }
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        // `%value` arrives here too, as a `Debug` that prints the `Display` output.
        self.put(field, Value::Text(format!("{value:?}")));
    }
}

impl Recorder<'_> {
    fn put(&mut self, field: &Field, value: Value) {
        if field.name() == "message" {
            *self.message = value.text();
        } else {
            let previous = self.fields.insert(field.name().to_owned(), value);
            assert!(previous.is_none(), "field {} recorded twice", field.name());
        }
    }
}

/// The subscriber layer that keeps every event of a target under `http_status`.
#[derive(Clone, Default)]
pub struct Capture(Arc<Mutex<Vec<Captured>>>);

impl Capture {
    pub fn events(&self) -> Vec<Captured> {
        self.0.lock().unwrap().clone()
    }
}

impl<S: Subscriber> Layer<S> for Capture {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let target = event.metadata().target();
        if !target.starts_with("http_status") {
            return;
        }
        let mut captured = Captured {
            level: *event.metadata().level(),
            target: target.to_owned(),
            message: String::new(),
            fields: BTreeMap::new(),
        };
        event.record(&mut Recorder {
            message: &mut captured.message,
            fields: &mut captured.fields,
        });
        self.0.lock().unwrap().push(captured);
    }
}

/// Runs `build` with a subscriber that enables every level, and returns what http-status
/// emitted meanwhile (on this thread).
pub fn events_of<R>(build: impl FnOnce() -> R) -> (R, Vec<Captured>) {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::registry().with(capture.clone());
    let result = tracing::subscriber::with_default(subscriber, build);
    (result, capture.events())
}

/// The one event `build` emitted; fails when there is none or more than one.
pub fn one_event<R>(build: impl FnOnce() -> R) -> (R, Captured) {
    let (result, mut events) = events_of(build);
    assert_eq!(events.len(), 1, "expected one event: {events:#?}");
    (result, events.remove(0))
}

/// A map of expected fields, for `assert_eq!` against `Captured::fields` read as text.
pub fn texts(captured: &Captured) -> BTreeMap<&str, String> {
    captured
        .fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.text()))
        .collect()
}

/// Builds the expected map from pairs.
pub fn expect<const N: usize>(pairs: [(&'static str, &str); N]) -> BTreeMap<&'static str, String> {
    pairs
        .into_iter()
        .map(|(name, value)| (name, value.to_owned()))
        .collect()
}

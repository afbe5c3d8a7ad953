//! `config.toml`: topics, limits, theme and key bindings, with built-in defaults and errors that
//! name the file and the line.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

/// The shipped configuration; also the defaults for every missing key.
pub const DEFAULT_CONFIG: &str = include_str!("../config.toml");

#[derive(Debug, Clone, PartialEq)]
pub struct TopicDef {
    pub id: String,
    pub label: String,
    /// Lower-case keyword or phrase with its weight.
    pub keywords: Vec<(String, f32)>,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub topics: Vec<TopicDef>,
    pub topic_threshold: f32,
    pub max_file_bytes: u64,
    pub theme: BTreeMap<String, String>,
    /// Action name → key strings, as written; parsed by the keymap.
    pub keys: BTreeMap<String, Vec<String>>,
    /// `[browser] restore`: reopen the browser where it was left (filters, pane, selection).
    pub restore: bool,
    /// `[browser] mouse`: the wheel scrolls and a click selects (off: the terminal's own text
    /// selection works as usual).
    pub mouse: bool,
    /// `[browser] opener`: the program (and its first arguments) that `o` gives an article's
    /// URL to, as one more argument; empty: `$BROWSER`, else `xdg-open` (`open` on macOS).
    pub opener: Vec<String>,
    /// `[searches]`: saved searches by name, under the browser's "Saved searches".
    pub searches: Vec<SavedSearch>,
    /// Non-fatal remarks (unknown keys), one line each, naming the file.
    pub warnings: Vec<String>,
}

impl SavedSearch {
    /// The filters of `f` as strings (a tree topic under a topic filter is the narrower one).
    pub fn from_filter(name: String, f: &crate::model::Filter) -> SavedSearch {
        SavedSearch {
            name,
            query: f.query.trim().to_string(),
            official: f.official.clone(),
            topic: f.also_topic.clone().or(f.topic.clone()),
            outlet: f.outlet.clone(),
            kind: f.kind.map(|k| k.as_str().to_string()),
            since: f.since.clone(),
            until: f.until.clone(),
        }
    }
}

/// A named search: free text and filters, as the `search` command takes them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SavedSearch {
    pub name: String,
    pub query: String,
    pub official: Option<String>,
    pub topic: Option<String>,
    pub outlet: Option<String>,
    pub kind: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

#[derive(Deserialize, Default)]
struct RawConfig {
    limits: Option<RawLimits>,
    topics: Option<RawTopics>,
    topic: Option<Vec<RawTopic>>,
    theme: Option<BTreeMap<String, String>>,
    keys: Option<BTreeMap<String, KeyList>>,
    browser: Option<RawBrowser>,
    searches: Option<BTreeMap<String, RawSearch>>,
}

#[derive(Deserialize)]
struct RawBrowser {
    restore: Option<bool>,
    mouse: Option<bool>,
    opener: Option<KeyList>,
}

/// A saved search is a query string, or a table of filters.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawSearch {
    Query(String),
    Filters(SavedSearch),
}

#[derive(Deserialize)]
struct RawLimits {
    max_file_bytes: Option<u64>,
}

#[derive(Deserialize)]
struct RawTopics {
    threshold: Option<f32>,
}

#[derive(Deserialize)]
struct RawTopic {
    id: String,
    label: Option<String>,
    #[serde(default)]
    keywords: BTreeMap<String, f32>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum KeyList {
    One(String),
    Many(Vec<String>),
}

const KNOWN_KEYS: &[(&str, &[&str])] = &[
    ("limits", &["max_file_bytes"]),
    ("topics", &["threshold"]),
    ("topic", &["id", "label", "keywords"]),
    ("theme", &[]),
    ("keys", &[]),
    ("browser", &["restore", "mouse", "opener"]),
    ("searches", &[]),
];

impl Config {
    /// Built-in defaults.
    pub fn defaults() -> Config {
        // Parsed once per process: every command and test that loads a config starts here.
        static DEFAULTS: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
        DEFAULTS
            .get_or_init(|| {
                Config::parse(DEFAULT_CONFIG, "built-in config").expect("built-in config is valid")
            })
            .clone()
    }

    /// Reads `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8(bytes).map_err(|_| {
                    ConfigError(format!("{}: not valid UTF-8 text", path.display()))
                })?;
                Config::parse(&text, &path.display().to_string())
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::defaults()),
            Err(e) => Err(ConfigError(format!("{}: cannot read: {e}", path.display()))),
        }
    }

    /// Parses config text; `name` is used in messages. Missing parts take the defaults.
    pub fn parse(text: &str, name: &str) -> Result<Config, ConfigError> {
        if text == DEFAULT_CONFIG && name != "built-in config" {
            // The shipped file itself (the usual case): the defaults, parsed once.
            return Ok(Config::defaults());
        }
        let builtin = name == "built-in config";
        let (raw, warnings): (RawConfig, Vec<String>) = if builtin {
            // Ours, with no unknown keys (a test holds that): one typed parse.
            let raw = toml::from_str(text).map_err(|e| located(name, text, &e))?;
            (raw, Vec::new())
        } else {
            let table: toml::Table = toml::from_str(text).map_err(|e| located(name, text, &e))?;
            let warnings = unknown_keys(&table, name);
            // A mistyped value is parsed again from the text, whose error knows the line.
            let raw = match table.try_into() {
                Ok(raw) => raw,
                Err(_) => toml::from_str(text).map_err(|e| located(name, text, &e))?,
            };
            (raw, warnings)
        };
        let base = if builtin {
            None
        } else {
            Some(Config::defaults())
        };
        let mut topics = Vec::new();
        if let Some(list) = raw.topic {
            for t in list {
                if t.id.trim().is_empty() {
                    return Err(ConfigError(format!("{name}: a [[topic]] has an empty id")));
                }
                let keywords = t
                    .keywords
                    .into_iter()
                    .map(|(k, w)| (k.to_lowercase(), w))
                    .collect();
                topics.push(TopicDef {
                    label: t.label.unwrap_or_else(|| t.id.clone()),
                    id: t.id,
                    keywords,
                });
            }
        } else if let Some(b) = &base {
            topics = b.topics.clone();
        }
        if !topics.iter().any(|t| t.id == "other") {
            topics.push(TopicDef {
                id: "other".into(),
                label: "Other".into(),
                keywords: Vec::new(),
            });
        }
        let mut theme = base.as_ref().map(|b| b.theme.clone()).unwrap_or_default();
        theme.extend(raw.theme.unwrap_or_default());
        let mut keys = BTreeMap::new();
        for (action, list) in raw.keys.unwrap_or_default() {
            let list = match list {
                KeyList::One(s) => vec![s],
                KeyList::Many(v) => v,
            };
            keys.insert(action, list);
        }
        let browser = raw.browser;
        let restore = browser
            .as_ref()
            .and_then(|b| b.restore)
            .or(base.as_ref().map(|b| b.restore))
            .unwrap_or(true);
        let mouse = browser
            .as_ref()
            .and_then(|b| b.mouse)
            .or(base.as_ref().map(|b| b.mouse))
            .unwrap_or(false);
        let opener = match browser.and_then(|b| b.opener) {
            Some(KeyList::One(s)) => s.split_whitespace().map(String::from).collect(),
            Some(KeyList::Many(v)) => v,
            None => base.as_ref().map(|b| b.opener.clone()).unwrap_or_default(),
        };
        let mut searches = base
            .as_ref()
            .map(|b| b.searches.clone())
            .unwrap_or_default();
        for (name, s) in raw.searches.unwrap_or_default() {
            let mut s = match s {
                RawSearch::Query(query) => SavedSearch {
                    query,
                    ..SavedSearch::default()
                },
                RawSearch::Filters(s) => s,
            };
            s.name = name;
            searches.retain(|o: &SavedSearch| o.name != s.name);
            searches.push(s);
        }
        Ok(Config {
            restore,
            mouse,
            opener,
            searches,
            topics,
            topic_threshold: raw
                .topics
                .and_then(|t| t.threshold)
                .or(base.as_ref().map(|b| b.topic_threshold))
                .unwrap_or(2.0),
            max_file_bytes: raw
                .limits
                .and_then(|l| l.max_file_bytes)
                .or(base.as_ref().map(|b| b.max_file_bytes))
                .unwrap_or(64 << 20),
            theme,
            keys,
            warnings,
        })
    }
}

fn located(name: &str, text: &str, e: &toml::de::Error) -> ConfigError {
    let msg = e.message().replace('\n', " ");
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            ConfigError(format!("{name}:{line}: {msg}"))
        }
        None => ConfigError(format!("{name}: {msg}")),
    }
}

fn unknown_keys(table: &toml::Table, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (key, value) in table {
        let Some((_, allowed)) = KNOWN_KEYS.iter().find(|(k, _)| k == key) else {
            out.push(format!("{name}: unknown key `{key}` ignored"));
            continue;
        };
        if allowed.is_empty() {
            continue;
        }
        let tables: Vec<&toml::Table> = match value {
            toml::Value::Table(t) => vec![t],
            toml::Value::Array(a) => a.iter().filter_map(|v| v.as_table()).collect(),
            _ => Vec::new(),
        };
        for t in tables {
            for k in t.keys() {
                if !allowed.contains(&k.as_str()) {
                    out.push(format!("{name}: unknown key `{key}.{k}` ignored"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_have_every_starting_topic() {
        let c = Config::defaults();
        for id in [
            "relations",
            "syria",
            "ukraine",
            "arms-control",
            "cyber",
            "terrorism",
            "sanctions",
            "interference",
            "nato",
            "iran",
            "space",
            "afghanistan",
            "korea",
            "trade",
            "elections",
            "other",
        ] {
            assert!(c.topics.iter().any(|t| t.id == id), "missing {id}");
        }
        assert!(c.warnings.is_empty());
    }

    #[test]
    fn built_in_config_has_no_unknown_keys_and_parses_the_same_as_a_file() {
        // `parse` skips the unknown-key check for the built-in text; this is why it may.
        let table: toml::Table = toml::from_str(DEFAULT_CONFIG).unwrap();
        assert_eq!(unknown_keys(&table, "built-in"), Vec::<String>::new());
        let edited = format!("{DEFAULT_CONFIG}\n# edited\n");
        let from_file = Config::parse(&edited, "config.toml").unwrap();
        let builtin = Config::defaults();
        assert_eq!(from_file.topics, builtin.topics);
        assert_eq!(from_file.keys, builtin.keys);
        assert_eq!(from_file.theme, builtin.theme);
        assert_eq!(from_file.topic_threshold, builtin.topic_threshold);
    }

    #[test]
    fn malformed_names_the_line() {
        let err = Config::parse("[topics]\nthreshold = 2.0\n[limits\n", "my.toml").unwrap_err();
        assert!(err.0.starts_with("my.toml:3:"), "{}", err.0);
    }

    #[test]
    fn unknown_keys_warn_and_partial_config_keeps_defaults() {
        let c =
            Config::parse("colour = 1\n[topics]\nthreshold = 3.5\nfoo = 1\n", "c.toml").unwrap();
        assert_eq!(c.topic_threshold, 3.5);
        assert!(c.topics.len() > 10);
        assert_eq!(c.warnings.len(), 2, "{:?}", c.warnings);
    }

    #[test]
    fn browser_and_saved_searches() {
        let d = Config::defaults();
        assert!(d.restore && !d.mouse && d.opener.is_empty() && d.searches.is_empty());
        let c = Config::parse(
            "[browser]\nrestore = false\nmouse = true\nopener = \"firefox --new-tab\"\n[searches]\n\"b\" = \"nuclear talks\"\n\"a\" = { official = \"lavrov\", since = \"2017\" }\n",
            "c.toml",
        )
        .unwrap();
        assert!(!c.restore && c.mouse);
        assert_eq!(c.opener, ["firefox", "--new-tab"]);
        let names: Vec<&str> = c.searches.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["a", "b"]);
        assert_eq!(c.searches[0].official.as_deref(), Some("lavrov"));
        assert_eq!(c.searches[1].query, "nuclear talks");
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        // A misspelt filter in a saved search is an error naming the file and line.
        let err =
            Config::parse("[searches]\n\"x\" = { oficial = \"lavrov\" }\n", "c.toml").unwrap_err();
        assert!(err.0.starts_with("c.toml:2:"), "{}", err.0);
    }

    #[test]
    fn wrong_type_is_an_error_with_line() {
        let err = Config::parse("[limits]\nmax_file_bytes = \"big\"\n", "c.toml").unwrap_err();
        assert!(err.0.starts_with("c.toml:2:"), "{}", err.0);
    }
}

//! The gazetteer's name look-up, kept beside the index (`officials.tsv`) by each ingest, so a
//! search for `--official lavrov` resolves the name from a small table instead of parsing the
//! whole gazetteer (~12 ms of a ~5 ms search). It is the gazetteer the index was built with,
//! which is also the right one for a `--data` directory with its own `officials.toml`.

use std::path::Path;

use crate::extract::officials::{Gazetteer, name_key, plain_key};

const FILE: &str = "officials.tsv";

/// Whether the index at `dir` keeps a table (an index built before it has none).
pub fn exists(dir: &Path) -> bool {
    dir.join(FILE).is_file()
}

/// Writes the table of `g` into the index at `dir` (temp file + rename).
pub fn write(dir: &Path, g: &Gazetteer) -> std::io::Result<()> {
    let mut text = String::new();
    for (kind, key, name) in g.lookup_table() {
        if key.contains(['\t', '\n']) || name.contains(['\t', '\n']) {
            continue;
        }
        text.push_str(&format!("{kind}\t{key}\t{name}\n"));
    }
    let tmp = dir.join(format!("{FILE}.tmp"));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, dir.join(FILE))
}

/// The table kept in the index at `dir`, as text: a look-up is a few substring searches,
/// quicker than building maps of 5,000 names for the one or two a command asks about.
pub struct Table {
    text: String,
}

impl Table {
    /// None when the index has no table (one built before it).
    pub fn read(dir: &Path) -> Option<Table> {
        let text = std::fs::read_to_string(dir.join(FILE)).ok()?;
        Some(Table::parse(&text))
    }

    fn parse(text: &str) -> Table {
        Table {
            text: format!("\n{text}"),
        }
    }

    fn get(&self, kind: char, key: &str) -> Option<&str> {
        if key.is_empty() || key.contains(['\t', '\n']) {
            return None;
        }
        let needle = format!("\n{kind}\t{key}\t");
        let at = self.text.find(&needle)? + needle.len();
        let rest = &self.text[at..];
        Some(&rest[..rest.find('\n').unwrap_or(rest.len())]).filter(|n| !n.is_empty())
    }

    /// The canonical name for any form `Gazetteer::lookup` takes: full, variant, or a surname
    /// one person has.
    pub fn lookup(&self, input: &str) -> Option<&str> {
        let key = name_key(input);
        let full = self
            .get('n', &key)
            .or_else(|| key.strip_prefix("the ").and_then(|k| self.get('n', k)))
            .or_else(|| self.get('p', &plain_key(&key)));
        if full.is_some() {
            return full;
        }
        let last = key.rsplit(' ').next().unwrap_or(&key);
        self.get('s', last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_answers_as_the_gazetteer_does() {
        let g = Gazetteer::builtin();
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &g).unwrap();
        let t = Table::read(dir.path()).unwrap();
        for input in [
            "lavrov",
            "Sergei Lavrov",
            "SERGEY LAVROV",
            "Secretary Kerry",
            "Mr. Lavrov",
            "John F. Kerry",
            "john kerry",
            "trump",
            "Donald Trump",
            "bush",
            "clinton",
            "Nobody Atall",
            "",
        ] {
            let want = g.lookup(input).map(|id| g.get(id).name.clone());
            assert_eq!(t.lookup(input).map(str::to_string), want, "{input}");
        }
        // Every official by name, and a damaged table reads as much as it can.
        for o in &g.officials {
            assert_eq!(t.lookup(&o.name), Some(o.name.as_str()), "{}", o.name);
        }
        let bad = Table::parse("n\tlavrov\nx\ty\tz\n\n\u{0}garbage");
        assert_eq!(bad.lookup("lavrov"), None);
    }
}

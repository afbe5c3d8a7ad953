//! The officials gazetteer (`data/officials.toml`): canonical names, spelling variants, titles
//! with their tenure, and institutions that speak.

use std::collections::HashMap;

use serde::Deserialize;

/// The gazetteer shipped with onrecord, used when no `officials.toml` is found.
pub const BUILTIN_OFFICIALS: &str = include_str!("../../data/officials.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Tenure {
    pub title: String,
    pub from: Option<i32>,
    pub to: Option<i32>,
}

#[derive(Debug, Clone)]
pub struct Official {
    pub name: String,
    pub variants: Vec<String>,
    pub gender: Option<Gender>,
    pub affiliation: Option<String>,
    pub titles: Vec<Tenure>,
    pub descriptions: Vec<String>,
    pub institution: bool,
}

#[derive(Deserialize)]
struct RawEntry {
    name: String,
    #[serde(default)]
    variants: Vec<String>,
    gender: Option<String>,
    affiliation: Option<String>,
    #[serde(default)]
    titles: Vec<Tenure>,
    #[serde(default)]
    descriptions: Vec<String>,
}

#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    official: Vec<RawEntry>,
    #[serde(default)]
    institution: Vec<RawEntry>,
}

#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub officials: Vec<Official>,
    by_name: HashMap<String, usize>,
    by_surname: HashMap<String, Vec<usize>>,
}

/// Lower case, no dots or possessive, single spaces: the key names are compared by.
pub fn name_key(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s);
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        let w: String = w
            .chars()
            .filter(|c| *c != '.')
            .flat_map(|c| c.to_lowercase())
            .collect();
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

impl Gazetteer {
    pub fn builtin() -> Gazetteer {
        Gazetteer::parse(BUILTIN_OFFICIALS, "built-in officials")
            .expect("built-in gazetteer parses")
    }

    /// Parses gazetteer TOML; `name` names the file in errors.
    pub fn parse(text: &str, name: &str) -> Result<Gazetteer, String> {
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            match line {
                Some(l) => format!("{name}:{l}: {}", e.message().replace('\n', " ")),
                None => format!("{name}: {}", e.message().replace('\n', " ")),
            }
        })?;
        let mut g = Gazetteer::default();
        for (entries, institution) in [(raw.official, false), (raw.institution, true)] {
            for e in entries {
                let gender = match e.gender.as_deref().map(str::to_ascii_lowercase).as_deref() {
                    Some("m" | "male") => Some(Gender::Male),
                    Some("f" | "female") => Some(Gender::Female),
                    _ => None,
                };
                g.add(Official {
                    name: e.name,
                    variants: e.variants,
                    gender,
                    affiliation: e.affiliation,
                    titles: e.titles,
                    descriptions: e.descriptions,
                    institution,
                });
            }
        }
        Ok(g)
    }

    fn add(&mut self, o: Official) {
        let id = self.officials.len();
        let mut keys = vec![name_key(&o.name)];
        keys.extend(o.variants.iter().map(|v| name_key(v)));
        for k in &keys {
            self.by_name.entry(k.clone()).or_insert(id);
            if o.institution {
                if let Some(rest) = k.strip_prefix("the ") {
                    self.by_name.entry(rest.to_string()).or_insert(id);
                }
            } else if let Some(last) = k.rsplit(' ').next()
                && k.contains(' ')
            {
                let ids = self.by_surname.entry(last.to_string()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        self.officials.push(o);
    }

    pub fn get(&self, id: usize) -> &Official {
        &self.officials[id]
    }

    /// A full name, variant or institution name, compared without case and dots.
    pub fn by_full_name(&self, name: &str) -> Option<usize> {
        let key = name_key(name);
        self.by_name
            .get(&key)
            .or_else(|| key.strip_prefix("the ").and_then(|k| self.by_name.get(k)))
            .copied()
    }

    /// A surname alone, when exactly one person in the gazetteer has it.
    pub fn by_surname(&self, surname: &str) -> Option<usize> {
        match self.by_surname.get(&name_key(surname)) {
            Some(ids) if ids.len() == 1 => Some(ids[0]),
            _ => None,
        }
    }

    /// Any name form: full, variant, or a unique surname.
    pub fn lookup(&self, name: &str) -> Option<usize> {
        self.by_full_name(name).or_else(|| {
            let key = name_key(name);
            if key.contains(' ') {
                // "Secretary Kerry", "Mr. Lavrov": the last word may still be a unique surname.
                key.rsplit(' ')
                    .next()
                    .and_then(|last| self.by_surname(last))
            } else {
                self.by_surname(&key)
            }
        })
    }

    /// The title held in `year` (or the most recent one when the year is unknown).
    pub fn title_at(&self, id: usize, year: Option<i32>) -> Option<&str> {
        let o = &self.officials[id];
        if let Some(y) = year
            && let Some(t) = o
                .titles
                .iter()
                .find(|t| t.from.is_none_or(|f| f <= y) && t.to.is_none_or(|to| y <= to))
        {
            return Some(&t.title);
        }
        o.titles
            .iter()
            .max_by_key(|t| (t.to.unwrap_or(i32::MAX), t.from.unwrap_or(0)))
            .map(|t| t.title.as_str())
    }

    /// Every description that can name the official: titles and press descriptions.
    pub fn role_phrases(&self, id: usize, year: Option<i32>) -> Vec<&str> {
        let o = &self.officials[id];
        let mut v: Vec<&str> = o
            .titles
            .iter()
            .filter(|t| {
                year.is_none_or(|y| t.from.is_none_or(|f| f <= y) && t.to.is_none_or(|to| y <= to))
            })
            .map(|t| t.title.as_str())
            .collect();
        v.extend(o.descriptions.iter().map(String::as_str));
        v
    }

    /// Persons holding a title compatible with `role` in `year`, for "the US Secretary of
    /// State said" with no earlier mention. Only answers when exactly one fits.
    pub fn holder_of(
        &self,
        role_ok: impl Fn(&str) -> bool,
        affiliation: Option<&str>,
        year: i32,
    ) -> Option<usize> {
        let mut found = None;
        for (id, o) in self.officials.iter().enumerate() {
            if o.institution {
                continue;
            }
            if let (Some(a), Some(b)) = (affiliation, o.affiliation.as_deref())
                && a != b
            {
                continue;
            }
            let holds = o.titles.iter().any(|t| {
                t.from.is_none_or(|f| f <= year)
                    && t.to.is_none_or(|to| year <= to)
                    && role_ok(&t.title)
            });
            if holds {
                if found.is_some() {
                    return None;
                }
                found = Some(id);
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_covers_required_names() {
        let g = Gazetteer::builtin();
        for n in [
            "Putin",
            "Medvedev",
            "Lavrov",
            "Ryabkov",
            "Peskov",
            "Zakharova",
            "Nebenzya",
            "Antonov",
            "Kislyak",
            "Shoigu",
            "Churkin",
            "Ushakov",
            "Obama",
            "Trump",
            "Biden",
            "Kerry",
            "Tillerson",
            "Pompeo",
            "Blinken",
            "Clinton",
            "Kirby",
            "Earnest",
            "Spicer",
            "Nauert",
            "Price",
            "Haley",
            "Power",
            "Mattis",
            "Bolton",
            "Sullivan",
            "Pence",
        ] {
            assert!(g.by_surname(n).is_some(), "{n}");
        }
        for n in [
            "Russian Foreign Ministry",
            "the Kremlin",
            "State Department",
            "White House",
            "Pentagon",
        ] {
            assert!(g.by_full_name(n).is_some(), "{n}");
        }
    }

    #[test]
    fn variants_and_tenure() {
        let g = Gazetteer::builtin();
        let id = g.lookup("Sergei Lavrov").unwrap();
        assert_eq!(g.get(id).name, "Sergey Lavrov");
        assert_eq!(g.get(g.lookup("Josh Ernest").unwrap()).name, "Josh Earnest");
        let putin = g.lookup("Putin").unwrap();
        assert_eq!(
            g.title_at(putin, Some(2010)),
            Some("Prime Minister of Russia")
        );
        assert_eq!(g.title_at(putin, Some(2017)), Some("President of Russia"));
        let sos = g.holder_of(|t| t == "Secretary of State", Some("United States"), 2017);
        assert!(sos.is_none(), "Kerry and Tillerson both served in 2017");
        let sos = g
            .holder_of(|t| t == "Secretary of State", Some("United States"), 2019)
            .unwrap();
        assert_eq!(g.get(sos).name, "Mike Pompeo");
    }
}

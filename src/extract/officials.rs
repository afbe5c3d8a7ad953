//! The officials gazetteer (`data/officials.toml`): canonical names, spelling variants, titles
//! with their tenure, and institutions that speak.

use rustc_hash::FxHashMap as HashMap;

use serde::Deserialize;

use super::attribution::{BUILTIN_CUES, Lexicon};
use super::kinds::{BUILTIN_SPEAKERS, Named, RawWords, SpeakerWords};

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
struct RawCountry {
    name: String,
    #[serde(default)]
    variants: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    capitals: Vec<String>,
}

#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    official: Vec<RawEntry>,
    #[serde(default)]
    institution: Vec<RawEntry>,
    #[serde(default)]
    country: Vec<RawCountry>,
}

#[derive(Deserialize)]
struct RawMedia {
    name: String,
    #[serde(default)]
    variants: Vec<String>,
}

#[derive(Deserialize)]
struct RawSpeakers {
    #[serde(default)]
    words: RawWords,
    #[serde(default)]
    media: Vec<RawMedia>,
    #[serde(default)]
    given_names: RawGivenNames,
}

/// `[given_names]` of `speakers.toml`: first names that tell a man from a woman.
#[derive(Deserialize, Default)]
struct RawGivenNames {
    #[serde(default)]
    male: Vec<String>,
    #[serde(default)]
    female: Vec<String>,
}

/// A state that speaks: "Russia said", "Beijing warned". Its demonyms ("German") give the
/// affiliation of a role ("the German chancellor").
#[derive(Debug, Clone)]
pub struct Country {
    pub named: Named,
    pub demonyms: Vec<String>,
    pub capitals: Vec<String>,
}

/// The line of a TOML error, for "file:line: message".
pub(crate) fn toml_error(text: &str, name: &str, e: toml::de::Error) -> String {
    let line = e
        .span()
        .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
    match line {
        Some(l) => format!("{name}:{l}: {}", e.message().replace('\n', " ")),
        None => format!("{name}: {}", e.message().replace('\n', " ")),
    }
}

#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub officials: Vec<Official>,
    by_name: HashMap<String, usize>,
    by_surname: HashMap<String, Vec<usize>>,
    /// Keys with middle initials removed ("john kerry" for "John F. Kerry"), only where one
    /// person has that key: George W. and George H. W. Bush stay apart.
    by_plain: HashMap<String, Option<usize>>,
    pub countries: Vec<Country>,
    by_country: HashMap<String, usize>,
    by_demonym: HashMap<String, usize>,
    pub media: Vec<Named>,
    by_media: HashMap<String, usize>,
    /// Word lists that classify descriptions (`data/speakers.toml`).
    pub words: SpeakerWords,
    /// The cue lexicon of attribution (`data/cues.toml`).
    pub cues: Lexicon,
    /// Role words of each title held by someone, computed once: role phrases are compared
    /// with every title of every official.
    title_words: HashMap<String, Vec<String>>,
    /// Each distinct title of a person (not an institution) with who held it and when, so
    /// that `holder_of` tests a role against 250 titles rather than 1,600 title entries.
    title_holders: Vec<(String, Vec<HeldBy>)>,
    /// The first word of every full-name key: a run of capitalised words is looked up as a
    /// full name only from a word some name begins with.
    name_first_words: rustc_hash::FxHashSet<String>,
}

/// An official who held a title, from and to which years (either open).
type HeldBy = (usize, Option<i32>, Option<i32>);

/// A name key without single-letter middle initials: "john f kerry" → "john kerry".
pub fn plain_key(key: &str) -> String {
    let ws: Vec<&str> = key.split(' ').collect();
    if ws.len() < 3 {
        return key.to_string();
    }
    let mut out: Vec<&str> = vec![ws[0]];
    out.extend(ws[1..ws.len() - 1].iter().filter(|w| w.chars().count() > 1));
    out.push(ws[ws.len() - 1]);
    out.join(" ")
}

/// Lower case, no dots, accents or possessive, single spaces: the key names are compared by
/// ("François Molins" and "Francois Molins" are one person, written with or without accents).
pub fn name_key(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s);
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        // Most names: one pass over the bytes, without decoding or decomposing characters. A
        // space is written only before a word's first kept byte, so a word of dots leaves no
        // trace.
        let mut space = false;
        for &b in s.as_bytes() {
            match b {
                b'.' => {}
                b if b.is_ascii_whitespace() || b == 0x0B => space = !out.is_empty(),
                b => {
                    if space {
                        out.push(' ');
                        space = false;
                    }
                    out.push(b.to_ascii_lowercase() as char);
                }
            }
        }
        return out;
    }
    for w in s.split_whitespace() {
        let before = out.len();
        if !out.is_empty() {
            out.push(' ');
        }
        let word_start = out.len();
        for c in w.chars() {
            match c {
                '.' => {}
                '’' => out.push('\''),
                c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                c => unicode_normalization::char::decompose_canonical(c, |d| {
                    if !unicode_normalization::char::is_combining_mark(d) {
                        out.extend(d.to_lowercase());
                    }
                }),
            }
        }
        // A word of dots only leaves no trace, not even its space.
        if out.len() == word_start {
            out.truncate(before);
        }
    }
    out
}

impl Gazetteer {
    pub fn builtin() -> Gazetteer {
        let mut g = Gazetteer::parse(BUILTIN_OFFICIALS, "built-in officials")
            .expect("built-in gazetteer parses");
        g.add_speakers(BUILTIN_SPEAKERS, "built-in speakers")
            .expect("built-in speakers parse");
        g.add_cues(BUILTIN_CUES, "built-in cues")
            .expect("built-in cues parse");
        g
    }

    /// Sets the cue lexicon from a `cues.toml`; `name` names the file in errors.
    pub fn add_cues(&mut self, text: &str, name: &str) -> Result<(), String> {
        self.cues = Lexicon::parse(text, name)?;
        Ok(())
    }

    /// Adds outlets and the description word lists of a `speakers.toml`; `name` names the
    /// file in errors.
    pub fn add_speakers(&mut self, text: &str, name: &str) -> Result<(), String> {
        let raw: RawSpeakers = toml::from_str(text).map_err(|e| toml_error(text, name, e))?;
        self.words = raw.words.into();
        let given =
            |names: Vec<String>, g: Gender| names.into_iter().map(move |n| (n.to_lowercase(), g));
        self.words.given_names = given(raw.given_names.male, Gender::Male)
            .chain(given(raw.given_names.female, Gender::Female))
            .collect();
        for m in raw.media {
            let id = self.media.len();
            let named = Named::new(&m.name, &m.variants);
            for k in &named.keys {
                self.by_media.entry(k.clone()).or_insert(id);
            }
            self.media.push(named);
        }
        Ok(())
    }

    /// The gender a person's given name tells: "Mark Kirk" is a man, "Christine Todd Whitman"
    /// a woman, "Mary-Kate Olsen" a woman by "Mary-Kate" or else its first part. None for a
    /// single word (a surname alone says nothing) and for names given to both ("Jean-Claude").
    pub fn gender_of_name(&self, name: &str) -> Option<Gender> {
        let mut words = name.split_whitespace();
        let first = words.next()?.to_lowercase();
        words.next()?;
        self.words.given_names.get(&first).copied().or_else(|| {
            let (part, _) = first.split_once('-')?;
            self.words.given_names.get(part).copied()
        })
    }

    /// An outlet named by `phrase` (with or without "the"): its canonical name. "the
    /// semi-official Fars news agency", "Russia's Interfax news agency": an outlet's name
    /// before "news agency", whatever describes it first, is that outlet.
    pub fn media_name(&self, phrase: &str) -> Option<&str> {
        let key = name_key(phrase);
        let key = key.strip_prefix("the ").unwrap_or(&key);
        let outlet = |k: &str| self.by_media.get(k).map(|&i| self.media[i].name.as_str());
        if let Some(name) = outlet(key) {
            return Some(name);
        }
        let named = key
            .strip_suffix(" news agency")
            .or_else(|| key.strip_suffix(" news service"))?;
        let words: Vec<&str> = named.split(' ').collect();
        (1..=words.len().min(3))
            .rev()
            .find_map(|n| outlet(&words[words.len() - n..].join(" ")))
    }

    /// A country named by `phrase` (name, variant or capital): its canonical name.
    pub fn country_name(&self, phrase: &str) -> Option<&str> {
        let key = name_key(phrase);
        let key = key.strip_prefix("the ").unwrap_or(&key);
        self.by_country
            .get(key)
            .map(|&i| self.countries[i].named.name.as_str())
    }

    /// True when `phrase` is a capital standing for its country ("Beijing said").
    pub fn is_capital(&self, phrase: &str) -> bool {
        let key = name_key(phrase);
        self.countries
            .iter()
            .any(|c| c.capitals.iter().any(|k| name_key(k) == key))
    }

    /// The country of a nationality word: "German", "Germany's", "U.S." → "Germany", ….
    pub fn demonym(&self, word: &str) -> Option<&str> {
        if !word.starts_with(|c: char| c.is_alphabetic()) {
            return None;
        }
        let i = if !word.is_ascii() && word.contains('’') {
            self.by_demonym
                .get(&word.to_lowercase().replace('’', "'"))
                .copied()
        } else {
            super::text::with_lower(word, |w| self.by_demonym.get(w).copied())
        };
        i.map(|i| self.countries[i].named.name.as_str())
    }
    /// Parses gazetteer TOML; `name` names the file in errors.
    pub fn parse(text: &str, name: &str) -> Result<Gazetteer, String> {
        let raw: RawFile = toml::from_str(text).map_err(|e| toml_error(text, name, e))?;
        let mut g = Gazetteer::default();
        for c in raw.country {
            let id = g.countries.len();
            let mut variants = c.variants.clone();
            variants.extend(c.capitals.iter().cloned());
            let named = Named::new(&c.name, &variants);
            for k in &named.keys {
                g.by_country.entry(k.clone()).or_insert(id);
            }
            for d in c.demonyms.iter().chain([&c.name]) {
                g.by_demonym.entry(d.to_lowercase()).or_insert(id);
                g.by_demonym
                    .entry(format!("{}'s", d.to_lowercase()))
                    .or_insert(id);
            }
            g.countries.push(Country {
                named,
                demonyms: c.demonyms,
                capitals: c.capitals,
            });
        }
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
        g.cache_title_words();
        g.name_first_words = g
            .by_name
            .keys()
            .chain(g.by_plain.keys())
            .map(|k| k.split(' ').next().unwrap_or("").to_string())
            .collect();
        Ok(g)
    }

    fn cache_title_words(&mut self) {
        let titles: Vec<String> = self
            .officials
            .iter()
            .flat_map(|o| o.titles.iter().map(|t| t.title.clone()))
            .collect();
        for t in titles {
            if !self.title_words.contains_key(&t) {
                let w = super::speakers::compute_title_words(&t, self);
                self.title_words.insert(t, w);
            }
        }
        let mut at: HashMap<&str, usize> = HashMap::default();
        let mut holders: Vec<(String, Vec<HeldBy>)> = Vec::new();
        for (id, o) in self.officials.iter().enumerate() {
            if o.institution {
                continue;
            }
            for t in &o.titles {
                let k = *at.entry(t.title.as_str()).or_insert_with(|| {
                    holders.push((t.title.clone(), Vec::new()));
                    holders.len() - 1
                });
                holders[k].1.push((id, t.from, t.to));
            }
        }
        self.title_holders = holders;
    }

    /// The role words of a title some official holds, when known.
    pub fn cached_title_words(&self, title: &str) -> Option<&[String]> {
        self.title_words.get(title).map(Vec::as_slice)
    }

    fn add(&mut self, o: Official) {
        let id = self.officials.len();
        let mut keys = vec![name_key(&o.name)];
        keys.extend(o.variants.iter().map(|v| name_key(v)));
        for k in &keys {
            self.by_name.entry(k.clone()).or_insert(id);
            if !o.institution {
                let plain = plain_key(k);
                match self.by_plain.get(&plain) {
                    Some(Some(other)) if *other != id => {
                        self.by_plain.insert(plain, None);
                    }
                    Some(_) => {}
                    None => {
                        self.by_plain.insert(plain, Some(id));
                    }
                }
            }
            if o.institution {
                if let Some(rest) = k.strip_prefix("the ") {
                    self.by_name.entry(rest.to_string()).or_insert(id);
                }
            } else if let Some(last) = k.rsplit(' ').next()
                && k.contains(' ')
                // "Kim Jong Un", "Moon Jae In": a two-letter last word is a given name, and
                // "UN" or "In" alone is never them.
                && last.chars().count() > 2
            {
                let ids = self.by_surname.entry(last.to_string()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        // Chinese and Korean names put the family name first: "Xi" is Xi Jinping, "Kim" a Kim.
        if !o.institution
            && matches!(
                o.affiliation.as_deref(),
                Some("China" | "Taiwan" | "North Korea" | "South Korea")
            )
            && let Some(family) = name_key(&o.name).split(' ').next().map(str::to_string)
            && o.name.contains(' ')
        {
            let ids = self.by_surname.entry(family).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        self.officials.push(o);
    }

    pub fn get(&self, id: usize) -> &Official {
        &self.officials[id]
    }

    /// False when no full name (or variant, or name without its middle initials) can begin
    /// with this word, written as a name key's word ("kerry", "o'brien"): `by_full_name` of any
    /// phrase whose key begins with it, or with "the" and it, finds no one.
    pub fn may_begin_name(&self, first_key_word: &str) -> bool {
        self.name_first_words.contains(first_key_word)
    }

    /// `may_begin_name` of one word as written ("Kerry", "O'Brien"), conservatively true
    /// where its key is not a single word; short ASCII words are keyed on the stack.
    pub fn word_may_begin_name(&self, word: &str) -> bool {
        const MAX: usize = 32;
        let b = word.as_bytes();
        if b.len() <= MAX
            && b.iter()
                .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'\'' | b'.'))
            && !word.ends_with("'s")
        {
            // The key of one word: lower case, without its dots ("U.S." → "us").
            let mut buf = [0u8; MAX];
            let mut len = 0;
            for &c in b.iter().filter(|&&c| c != b'.') {
                buf[len] = c.to_ascii_lowercase();
                len += 1;
            }
            let key = std::str::from_utf8(&buf[..len]).unwrap_or("");
            return key.is_empty() || key == "the" || self.may_begin_name(key);
        }
        let key = name_key(word);
        word.ends_with("'s")
            || word.ends_with("’s")
            || key.is_empty()
            || key.contains(' ')
            || key == "the"
            || self.may_begin_name(&key)
    }

    /// A full name, variant or institution name, compared without case and dots.
    pub fn by_full_name(&self, name: &str) -> Option<usize> {
        let key = name_key(name);
        self.by_name
            .get(&key)
            .or_else(|| key.strip_prefix("the ").and_then(|k| self.by_name.get(k)))
            .copied()
            .or_else(|| self.by_plain.get(&plain_key(&key)).copied().flatten())
    }

    /// What `lookup` answers from, flattened: (`n` full name or variant | `p` key without
    /// middle initials | `s` surname one person has, key, canonical name). The index keeps it,
    /// so that a search resolves "lavrov" without reading the whole gazetteer.
    pub fn lookup_table(&self) -> Vec<(char, String, String)> {
        let name = |id: usize| self.officials[id].name.clone();
        let mut out: Vec<(char, String, String)> = Vec::new();
        out.extend(
            self.by_name
                .iter()
                .map(|(k, &id)| ('n', k.clone(), name(id))),
        );
        out.extend(
            self.by_plain
                .iter()
                .filter_map(|(k, id)| id.map(|id| ('p', k.clone(), name(id)))),
        );
        out.extend(
            self.by_surname
                .iter()
                .filter(|(_, ids)| ids.len() == 1)
                .map(|(k, ids)| ('s', k.clone(), name(ids[0]))),
        );
        out.sort();
        out
    }

    /// A surname alone, when exactly one person in the gazetteer has it.
    /// Everyone of the gazetteer with this surname (or family name, for names written family
    /// name first), whatever the year.
    pub fn all_by_surname(&self, surname: &str) -> &[usize] {
        self.by_surname
            .get(&name_key(surname))
            .map_or(&[], Vec::as_slice)
    }

    pub fn by_surname(&self, surname: &str) -> Option<usize> {
        self.by_surname_at(surname, None)
    }

    /// A surname alone, when exactly one person of that surname holds office in `year` (a year
    /// either side counts: articles are dated to the day, tenures to the year). Without a
    /// year, only a surname nobody else in the gazetteer has. "Bush" in 2005 is George W. Bush;
    /// "Clinton" in 1998 and 2015 are two people.
    pub fn by_surname_at(&self, surname: &str, year: Option<i32>) -> Option<usize> {
        let ids = self.by_surname.get(&name_key(surname))?;
        let y = match year {
            Some(y) => y,
            None if ids.len() == 1 => return Some(ids[0]),
            None => return None,
        };
        let mut active = ids.iter().copied().filter(|&id| self.active_in(id, y));
        match (active.next(), active.next()) {
            (Some(id), None) => Some(id),
            _ => None,
        }
    }

    /// True when one of the person's titles covers `year` give or take a year.
    pub fn active_in(&self, id: usize, y: i32) -> bool {
        self.officials[id]
            .titles
            .iter()
            .any(|t| t.from.is_none_or(|f| f <= y + 1) && t.to.is_none_or(|to| y <= to + 1))
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
        for (title, held) in &self.title_holders {
            // The role test is the costly part: made once per distinct title, and only for
            // titles someone of the right affiliation held that year.
            let mut fits: Option<bool> = None;
            for &(id, from, to) in held {
                if found == Some(id)
                    || !(from.is_none_or(|f| f <= year) && to.is_none_or(|to| year <= to))
                {
                    continue;
                }
                if let (Some(a), Some(b)) = (affiliation, self.officials[id].affiliation.as_deref())
                    && a != b
                {
                    continue;
                }
                if !*fits.get_or_insert_with(|| role_ok(title)) {
                    break;
                }
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
mod tests;

//! Near-duplicate signatures for corroboration: the same words reported by several outlets
//! give equal band hashes (MinHash over word trigrams, four bands of four), keyed by speaker so
//! two people saying the same thing are never merged.

use super::officials::name_key;

const HASHES: usize = 16;
const BANDS: usize = 4;

fn fnv(bytes: &[u8], seed: u64) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325 ^ seed.wrapping_mul(0x9E3779B97F4A7C15);
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    // Final mix so nearby seeds give independent values.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51afd7ed558ccd);
    h ^ (h >> 33)
}

/// Lower-case words, letters and digits only.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Word trigrams (or the whole text when shorter).
pub fn shingles(text: &str) -> Vec<String> {
    let w = words(text);
    if w.len() < 3 {
        return vec![w.join(" ")];
    }
    w.windows(3).map(|s| s.join(" ")).collect()
}

/// Band hashes of a statement: equal bands mean probably the same utterance.
pub fn bands(speaker: &str, text: &str) -> Vec<u64> {
    let sh = shingles(text);
    let mut mins = [u64::MAX; HASHES];
    for s in &sh {
        for (i, m) in mins.iter_mut().enumerate() {
            *m = (*m).min(fnv(s.as_bytes(), i as u64 + 1));
        }
    }
    let key = name_key(speaker);
    (0..BANDS)
        .map(|b| {
            let mut bytes = key.as_bytes().to_vec();
            bytes.push(b as u8);
            for m in &mins[b * 4..b * 4 + 4] {
                bytes.extend_from_slice(&m.to_le_bytes());
            }
            fnv(&bytes, 99) >> 1 // fits i64 for the index's u64 field either way
        })
        .collect()
}

/// Jaccard similarity of word trigrams.
pub fn resemblance(a: &str, b: &str) -> f64 {
    let sa: rustc_hash::FxHashSet<String> = shingles(a).into_iter().collect();
    let sb: rustc_hash::FxHashSet<String> = shingles(b).into_iter().collect();
    let inter = sa.intersection(&sb).count();
    let union = sa.len() + sb.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bands are stored in the index at ingest and computed again at search time: a change to
    /// the hash would silently unlink every report in an existing index (it needs a schema
    /// version bump). Pinned values.
    #[test]
    fn bands_are_stable_across_versions() {
        assert_eq!(
            bands(
                "Sergey Lavrov",
                "We are ready to work with the United States"
            ),
            PINNED
        );
    }

    const PINNED: [u64; 4] = [
        845467207979886988,
        3738194487629676299,
        1822329918719144747,
        7268468196634475960,
    ];

    #[test]
    fn words_and_shingles() {
        assert_eq!(
            words("U.S.-Russia talks: 2nd round!"),
            ["u", "s", "russia", "talks", "2nd", "round"]
        );
        assert_eq!(shingles("Yes."), ["yes"]);
        assert_eq!(shingles("Yes, we can"), ["yes we can"]);
        assert_eq!(shingles("no we can not"), ["no we can", "we can not"]);
        assert_eq!(shingles(""), [""]);
    }

    #[test]
    fn same_words_same_bands_other_speaker_differs() {
        let a =
            "We are ready to work with the United States in all areas of mutual interest, he said";
        let b = "We are ready to work with the United States in all areas of mutual interest";
        let ba = bands("Sergey Lavrov", a);
        let bb = bands("Sergey Lavrov", b);
        assert!(
            ba.iter().zip(&bb).any(|(x, y)| x == y),
            "near-identical texts share a band"
        );
        assert!(resemblance(a, b) > 0.7);
        let other = bands("John Kerry", b);
        assert!(
            bb.iter().zip(&other).all(|(x, y)| x != y),
            "another speaker never matches"
        );
        let unrelated = bands(
            "Sergey Lavrov",
            "The sanctions will not change our course in Syria at all",
        );
        assert!(bb.iter().zip(&unrelated).all(|(x, y)| x != y));
    }
}

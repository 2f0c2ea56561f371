//! The hand-made training sets are well formed, every file, none skipped:
//! - the genre training set (`tests/gold/genres-train`, see its README): the polnear
//!   layout's shape, spans inside the text, fragments in order, attributions that do not
//!   overlap;
//! - the claims training set (`tests/gold/claims-train`): news-dev's layout, sentences in
//!   order covering every non-space character once, labels CFS / UFS / NFS.
//!
//! A text is in the file (genres-train: equal to `NAME.txt`), in `NAME.txt`, or, for texts
//! kept out of the repository, the shared body the file names with its length and SHA-256,
//! which are checked whenever `../shared` is there. No article of either set is in an
//! evaluation set.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold/genres-train");
const CLAIMS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold/claims-train");
const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared");
const GOLD: &str = ".gold.json";
const CLAIMS: &str = ".claims.json";

/// The files of `dir` whose names end with `suffix`, sorted.
fn gold_files_in(dir: &str, suffix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    files
}

fn gold_files() -> Vec<PathBuf> {
    gold_files_in(DIR, GOLD)
}

fn stem(path: &Path) -> String {
    let name = path.file_name().unwrap().to_string_lossy();
    let suffix = if name.ends_with(CLAIMS) { CLAIMS } else { GOLD };
    name.strip_suffix(suffix).unwrap().to_string()
}

/// A `[[s, e], ...]` list of spans.
fn spans(v: &Value, what: &str) -> Vec<(usize, usize)> {
    let list = v.as_array().unwrap_or_else(|| panic!("{what}: a list"));
    list.iter()
        .map(|p| {
            let p = p.as_array().unwrap_or_else(|| panic!("{what}: [s, e]"));
            assert_eq!(p.len(), 2, "{what}: [s, e]");
            let at = |i: usize| p[i].as_u64().unwrap_or_else(|| panic!("{what}: offsets")) as usize;
            (at(0), at(1))
        })
        .collect()
}

/// The length in code points of the text the gold was made on, checking the text
/// where it can be read: in the file (equal to `NAME.txt`) or in `../shared`.
fn text_chars(name: &str, gold: &Value) -> usize {
    let txt = Path::new(DIR).join(format!("{name}.txt"));
    if let Some(text) = gold["text"].as_str() {
        let on_disk = std::fs::read_to_string(&txt).unwrap_or_else(|_| panic!("{name}.txt"));
        assert_eq!(text, on_disk, "{name}: text differs from NAME.txt");
        return text.chars().count();
    }
    assert!(
        !txt.exists(),
        "{name}: NAME.txt beside a gold file without text"
    );
    match stand_off_text(name, gold) {
        Some(text) => text.chars().count(),
        None => gold["text_chars"].as_u64().expect("text_chars") as usize,
    }
}

/// The shared body a file without text names (CRLF read as LF), its length and SHA-256
/// checked; `None` (with a notice) when `../shared` is absent.
fn stand_off_text(name: &str, gold: &Value) -> Option<String> {
    let source = gold["text_source"].as_str().expect("text or text_source");
    let chars = gold["text_chars"].as_u64().expect("text_chars") as usize;
    let sha = gold["text_sha256"].as_str().expect("text_sha256");
    let shared = Path::new(SHARED).join(source);
    if !shared.exists() {
        eprintln!("{name}: ../shared absent, its text not checked (its offsets are)");
        return None;
    }
    let text = std::fs::read_to_string(&shared)
        .unwrap()
        .replace("\r\n", "\n");
    assert_eq!(text.chars().count(), chars, "{name}: text_chars");
    assert_eq!(sha256_hex(text.as_bytes()), sha, "{name}: text_sha256");
    Some(text)
}

/// One attribution: its shape, and its spans inside `0..len`, content fragments in order.
fn check_attribution(name: &str, a: &Value, len: usize) -> Vec<(usize, usize)> {
    let form = a["form"].as_str().unwrap_or_default();
    assert!(form == "direct" || form == "mixed", "{name}: form {form:?}");
    let content = spans(&a["content"], "content");
    assert!(
        !content.is_empty(),
        "{name}: an attribution without content"
    );
    let source = if a["source"].is_null() {
        Vec::new()
    } else {
        spans(&a["source"], "source")
    };
    let cue = spans(&a["cue"], "cue");
    for &(s, e) in content.iter().chain(&source).chain(&cue) {
        assert!(
            s < e && e <= len,
            "{name}: span {s}..{e} outside its text of {len}"
        );
    }
    for w in content.windows(2) {
        assert!(
            w[0].1 <= w[1].0,
            "{name}: content fragments out of order {w:?}"
        );
    }
    for &(s, e) in source.iter().chain(&cue) {
        let inside = content.iter().any(|&(cs, ce)| s < ce && cs < e);
        assert!(
            !inside,
            "{name}: source or cue {s}..{e} inside its own content"
        );
    }
    content
}

#[test]
fn every_genre_training_file_is_well_formed() {
    let files = gold_files();
    assert!(
        files.len() >= 10,
        "the set holds {} gold files",
        files.len()
    );
    for path in &files {
        let name = stem(path);
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(gold["id"].as_str(), Some(name.as_str()), "{name}: id");
        let len = text_chars(&name, &gold);
        let atts = gold["attributions"].as_array().expect("attributions");
        let mut all: Vec<(usize, usize)> = atts
            .iter()
            .flat_map(|a| check_attribution(&name, a, len))
            .collect();
        all.sort();
        for w in all.windows(2) {
            assert!(w[0].1 <= w[1].0, "{name}: attributions overlap {w:?}");
        }
    }
}

#[test]
fn every_text_has_its_gold_and_no_article_is_an_evaluation_article() {
    let golds: BTreeSet<String> = gold_files().iter().map(|p| stem(p)).collect();
    let own = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold/genres-own");
    for entry in std::fs::read_dir(DIR).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".txt") {
            assert!(golds.contains(stem), "{name} without its gold");
        }
    }
    for name in &golds {
        let in_own = Path::new(own).join(format!("{name}.gold.json"));
        assert!(
            !in_own.exists(),
            "{name} is in genres-own, an evaluation set"
        );
        let in_dev = Path::new(SHARED).join(format!("quotes/genres-dev/{name}.gold.json"));
        assert!(
            !in_dev.exists(),
            "{name} is in genres-dev, an evaluation set"
        );
    }
}

/// One claims file's sentences: labels, offsets in order inside the text, and (when the
/// text can be read) every non-space character in exactly one sentence.
fn check_sentences(name: &str, claims: &Value) {
    let txt = Path::new(CLAIMS_DIR).join(format!("{name}.txt"));
    let text = if txt.exists() {
        assert!(
            claims.get("text_source").is_none(),
            "{name}: NAME.txt beside a stand-off file"
        );
        Some(std::fs::read_to_string(&txt).unwrap())
    } else {
        stand_off_text(name, claims)
    };
    let len = match &text {
        Some(t) => t.chars().count(),
        None => claims["text_chars"].as_u64().expect("text_chars") as usize,
    };
    let sentences = claims["sentences"].as_array().expect("sentences");
    assert!(!sentences.is_empty(), "{name}: no sentence");
    let mut covered = vec![false; len];
    let mut last_end = 0;
    for v in sentences {
        let at = |k: &str| v[k].as_u64().unwrap_or_else(|| panic!("{name}: {k}")) as usize;
        let (s, e) = (at("start"), at("end"));
        let label = v["label"].as_str().unwrap_or_default();
        assert!(
            matches!(label, "CFS" | "UFS" | "NFS"),
            "{name}: label {label:?}"
        );
        assert!(
            last_end <= s && s < e && e <= len,
            "{name}: sentence {s}..{e} out of order or outside its text of {len}"
        );
        last_end = e;
        covered[s..e].iter_mut().for_each(|c| *c = true);
    }
    if let Some(text) = text {
        let left = text
            .chars()
            .zip(&covered)
            .position(|(c, &covered)| !c.is_whitespace() && !covered);
        assert_eq!(left, None, "{name}: a character in no sentence");
    }
}

#[test]
fn every_claims_training_file_covers_its_text_and_is_no_evaluation_article() {
    let files = gold_files_in(CLAIMS_DIR, CLAIMS);
    assert!(files.len() >= 10, "the set holds {} files", files.len());
    let own = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold/claims-own");
    for path in &files {
        let name = stem(path);
        let claims: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(claims["id"].as_str(), Some(name.as_str()), "{name}: id");
        check_sentences(&name, &claims);
        for set in [own.to_string(), format!("{SHARED}/claims/news-dev")] {
            let there = Path::new(&set).join(format!("{name}.claims.json"));
            assert!(!there.exists(), "{name} is in {set}, an evaluation set");
        }
    }
}

/// SHA-256 (FIPS 180-4) of `bytes` as lowercase hex: the text hash of the gold files
/// without text, computed here so the test needs no crate for it.
fn sha256_hex(bytes: &[u8]) -> String {
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut msg = bytes.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((bytes.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks(64) {
        sha256_block(&mut h, block);
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}

const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

fn sha256_block(h: &mut [u32; 8], block: &[u8]) {
    let mut w = [0u32; 64];
    for (i, word) in block.chunks(4).enumerate() {
        w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
    }
    for i in 16..64 {
        let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
        let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16]
            .wrapping_add(s0)
            .wrapping_add(w[i - 7])
            .wrapping_add(s1);
    }
    let mut v = *h;
    for (&k, &wi) in K.iter().zip(&w) {
        let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
        let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
        let t1 = v[7]
            .wrapping_add(s1)
            .wrapping_add(ch)
            .wrapping_add(k)
            .wrapping_add(wi);
        let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
        let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        let t2 = s0.wrapping_add(maj);
        v = [
            t1.wrapping_add(t2),
            v[0],
            v[1],
            v[2],
            v[3].wrapping_add(t1),
            v[4],
            v[5],
            v[6],
        ];
    }
    for (x, y) in h.iter_mut().zip(v) {
        *x = x.wrapping_add(y);
    }
}

#[test]
fn sha256_matches_known_digests() {
    assert_eq!(
        sha256_hex(b""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

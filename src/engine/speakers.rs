//! Speaker names: the canonical name of every attribution's speaker mention.
//! "Pompeo" becomes the fullest name seen for him ("Mike Pompeo"), "he" the nearest
//! compatible named speaker, "the secretary" the nearest speaker with that title,
//! organisations and documents keep their own name ("State Department", "EC's report").

use super::word_hash::WordMap;

use super::attribution::Attr;
use super::lexicon::{self as lex, Pronoun};
use super::text::{starts_upper, Segmented, TokKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Unknown,
    He,
    She,
}

/// A person named in the text.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    /// The name's words in lower case, for matching partial mentions.
    lower: Vec<String>,
    /// Lower-case title and role words seen with the name ("secretary", "state").
    titles: Vec<String>,
    gender: Gender,
}

/// A mention of a named person (token position of its name's first word).
#[derive(Debug, Clone, Copy)]
struct Mention {
    pos: usize,
    person: usize,
    subject: bool,
}

struct Index {
    people: Vec<Person>,
    by_last: WordMap<String, Vec<usize>>,
    by_name: WordMap<String, usize>,
    mentions: Vec<Mention>,
}

/// A split mention: its titles and name words (slices of the mention's words: this
/// runs for every run of capitalised words, so nothing is copied).
struct Parsed<'w, 't> {
    titles: &'w [&'t str],
    name: &'w [&'t str],
    org: bool,
    honorific: Gender,
}

fn parse<'w, 't>(words: &'w [&'t str]) -> Parsed<'w, 't> {
    let mut cut = 0;
    let mut honorific = Gender::Unknown;
    for (i, w) in words.iter().enumerate() {
        // The word in lower case, looked at once (no copy for short ASCII words).
        let (title_word, determiner, of_for) = lex::with_lower(w, |l| {
            match l.trim_end_matches('.') {
                "mr" => honorific = Gender::He,
                "mrs" | "ms" | "miss" => honorific = Gender::She,
                _ => {}
            }
            (
                lex::is_title(w),
                lex::is_determiner(l),
                matches!(l, "of" | "for"),
            )
        });
        if title_word
            || determiner
            || w.ends_with("'s")
            || w.ends_with("\u{2019}s")
            || (!starts_upper(w) && i + 1 < words.len() && !is_particle(w))
            || of_for
        {
            cut = i + 1;
        }
    }
    if cut >= words.len() {
        cut = words.len().saturating_sub(1);
    }
    // A learnt title right before a lone surname is more likely a first name.
    if cut > 0
        && cut + 1 == words.len()
        && !lex::is_strong_title(words[cut - 1])
        && starts_upper(words[cut - 1])
        && !lex::is_determiner(words[cut - 1])
        && !is_possessive(words[cut - 1])
    {
        cut -= 1;
    }
    let org = words[cut..].iter().any(|w| {
        lex::is_org_word(w)
            || (w.len() >= 2 && w.chars().all(|c| c.is_uppercase()) && !matches!(*w, "US" | "UK"))
    }) || words.last().is_some_and(|w| lex::is_document_word(w));
    Parsed {
        titles: &words[..cut],
        name: &words[cut..],
        org,
        honorific,
    }
}

fn build_index(seg: &Segmented) -> Index {
    let mut idx = Index {
        people: Vec::new(),
        by_last: WordMap::default(),
        by_name: WordMap::default(),
        mentions: Vec::new(),
    };
    let n = seg.tokens.len();
    // The words of each run of capitalised words, in one buffer reused from run to run.
    let mut words: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < n {
        let is_cap = |k: usize| {
            let t = &seg.tokens[k];
            t.kind == TokKind::Word && {
                // The first byte from the text, without slicing the word (every token).
                match seg.text.as_bytes()[t.start] {
                    // An ASCII first letter: upper case is all there is to check.
                    b if b.is_ascii() => b.is_ascii_uppercase(),
                    _ => {
                        let w = seg.word(k);
                        starts_upper(w) && w.chars().next().is_some_and(char::is_alphabetic)
                    }
                }
            }
        };
        if !is_cap(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < n && seg.tokens[end].para == seg.tokens[start].para {
            if is_cap(end) {
                end += 1;
            } else if seg.tokens[end].is_word()
                && lex::is_name_joiner(seg.word(end))
                && end + 1 < n
                && is_cap(end + 1)
                && !matches!(seg.word(end), "and" | "the" | "on" | "&")
            {
                end += 2;
            } else if seg.tokens[end].is_word()
                && is_particle(seg.word(end))
                && end + 2 < n
                && is_particle(seg.word(end + 1))
                && is_cap(end + 2)
            {
                end += 3;
            } else {
                break;
            }
        }
        let subject = start == 0
            || seg.tokens[start - 1].para != seg.tokens[start].para
            || seg.tokens[start - 1]
                .punct()
                .is_some_and(|c| matches!(c, '.' | ':' | '"' | '\u{201c}'));
        words.clear();
        words.extend(
            (start..end)
                .map(|k| seg.word(k))
                .filter(|w| !lex::is_function_word(w) || lex::is_name_joiner(w)),
        );
        let parsed = parse(&words);
        // (`words` holds no function word but joiners already: nothing to test again.)
        let plain = !parsed.org && parsed.name.len() <= 4;
        // A full name makes a person; a lone surname counts as a mention of one known.
        let person = if plain && parsed.name.len() >= 2 {
            let name = parsed.name.join(" ");
            let last = parsed.name[parsed.name.len() - 1].to_lowercase();
            Some(match idx.by_name.get(&name) {
                Some(&p) => p,
                None => {
                    idx.people.push(Person {
                        lower: name.split(' ').map(str::to_lowercase).collect(),
                        name: name.clone(),
                        titles: Vec::new(),
                        gender: Gender::Unknown,
                    });
                    let p = idx.people.len() - 1;
                    idx.by_name.insert(name, p);
                    idx.by_last.entry(last).or_default().push(p);
                    p
                }
            })
        } else if plain && parsed.name.len() == 1 {
            lookup(&idx, parsed.name)
        } else {
            None
        };
        if let Some(person) = person {
            let p = &mut idx.people[person];
            for t in parsed.titles {
                let t = t.to_lowercase();
                if !p.titles.contains(&t) {
                    p.titles.push(t);
                }
            }
            if parsed.honorific != Gender::Unknown {
                p.gender = parsed.honorific;
            }
            // "Pompeo, the secretary of state, said": the apposition's role nouns are
            // titles of the person too.
            if end + 2 < n
                && seg.tokens[end].punct() == Some(',')
                && seg.tokens[end + 1].is_word()
                && lex::is_determiner(seg.word(end + 1))
            {
                let mut k = end + 2;
                while k < n && k < end + 10 && seg.tokens[k].is_word() {
                    let w = seg.word(k).to_lowercase();
                    if lex::is_role(&w) && !p.titles.contains(&w) {
                        p.titles.push(w);
                    }
                    k += 1;
                }
            }
            idx.mentions.push(Mention {
                pos: start,
                person,
                subject,
            });
        }
        i = end;
    }
    idx
}

/// The person a partial name ("Pompeo", "von der Leyen") refers to: the fullest
/// name in the text that ends with the same words.
fn lookup(idx: &Index, name: &[&str]) -> Option<usize> {
    let cands = lex::with_lower(name.last()?, |l| idx.by_last.get(l))?;
    // The fullest matching name; among equals the first seen. Candidates are few
    // (people sharing a surname), their words lower-cased once when indexed.
    cands
        .iter()
        .copied()
        .filter(|&p| {
            let full = &idx.people[p].lower;
            full.len() >= name.len()
                && full[full.len() - name.len()..]
                    .iter()
                    .zip(name)
                    .all(|(f, w)| lex::with_lower(w, |l| f == l))
        })
        .max_by_key(|&p| (idx.people[p].name.len(), std::cmp::Reverse(p)))
}

/// How a speaker's canonical name was found: the reviewer's "why".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The mention is the name ("Mike Pompeo", "the State Department").
    AsWritten,
    /// An organisation or a common noun without a name ("the agency"), as written.
    Unnamed,
    /// A partial name completed from a fuller one in the text ("Pompeo").
    FullerName,
    /// A pronoun resolved to someone mentioned at token `from`.
    Pronoun { from: usize },
    /// A pronoun no one in the text fits.
    PronounUnresolved,
    /// A role noun ("the secretary") resolved to someone with that title at token `from`.
    Role { from: usize },
    /// The person behind a document ("the statement by President X").
    Document,
}

/// A speaker's canonical name and how it was found.
#[derive(Debug, Clone)]
pub struct Named {
    pub name: String,
    pub how: How,
}

/// Canonical speaker names for `attrs`, in the same order.
pub fn canonical_names(seg: &Segmented, attrs: &[Attr]) -> Vec<Named> {
    let mut idx = build_index(seg);
    let mut order: Vec<usize> = (0..attrs.len()).collect();
    order.sort_by_key(|&a| attrs[a].speaker.start);
    let mut out = vec![
        Named {
            name: String::new(),
            how: How::AsWritten,
        };
        attrs.len()
    ];
    // Speakers seen so far: (token position, person index or None, canonical, is_org).
    let mut seen: Vec<(usize, Option<usize>, String, bool)> = Vec::new();
    for a in order {
        let r = attrs[a].speaker.clone();
        let words: Vec<&str> = r
            .clone()
            .filter(|&k| seg.tokens[k].is_word())
            .map(|k| seg.word(k))
            .collect();
        let text = span_text(seg, r.clone());
        let mut person = None;
        let mut is_org = false;
        let mut how = How::AsWritten;
        let canonical = if words.len() == 1 && lex::pronoun(words[0]).is_some() {
            match lex::pronoun(words[0]) {
                Some(p @ (Pronoun::He | Pronoun::She)) => {
                    let g = if p == Pronoun::He {
                        Gender::He
                    } else {
                        Gender::She
                    };
                    match resolve_person(&mut idx, &seen, r.start, g) {
                        Some((pi, from)) => {
                            person = Some(pi);
                            how = How::Pronoun { from };
                            idx.people[pi].name.clone()
                        }
                        None => {
                            how = How::PronounUnresolved;
                            text.clone()
                        }
                    }
                }
                Some(Pronoun::It | Pronoun::They) => {
                    is_org = true;
                    match seen.iter().rev().take(LOOKBACK).find(|s| s.3) {
                        Some(s) => {
                            how = How::Pronoun { from: s.0 };
                            s.2.clone()
                        }
                        None => {
                            how = How::PronounUnresolved;
                            text.clone()
                        }
                    }
                }
                _ => text.clone(),
            }
        } else {
            // "the statement by President von der Leyen": the person behind the document.
            let by = words.iter().position(|w| matches!(*w, "by" | "from"));
            let words = match by {
                Some(b) if b + 1 < words.len() && lex::is_document_word(words[b - 1.min(b)]) => {
                    how = How::Document;
                    words[b + 1..].to_vec()
                }
                _ => words,
            };
            let parsed = parse(&words);
            let has_name = parsed.name.iter().any(|w| starts_upper(w));
            if parsed.org || !has_name {
                is_org = parsed.org || !has_name && words.iter().any(|w| lex::is_document_word(w));
                // Role nouns: the nearest speaker or person with that title.
                let role = words
                    .iter()
                    .rev()
                    .find(|w| lex::is_role(w))
                    .map(|w| w.to_lowercase());
                let titled = role.as_ref().filter(|_| !parsed.org).and_then(|role| {
                    seen.iter()
                        .rev()
                        .take(LOOKBACK)
                        .filter_map(|s| s.1.map(|p| (p, s.0)))
                        .find(|&(p, _)| idx.people[p].titles.iter().any(|t| t == role))
                        .or_else(|| {
                            mentions_before(&idx, r.start)
                                .map(|m| (m.person, m.pos))
                                .find(|&(p, _)| idx.people[p].titles.iter().any(|t| t == role))
                        })
                });
                match titled {
                    Some((p, from)) => {
                        person = Some(p);
                        is_org = false;
                        how = How::Role { from };
                        idx.people[p].name.clone()
                    }
                    None => {
                        if how == How::AsWritten && !parsed.org {
                            how = How::Unnamed;
                        }
                        strip_determiner(&words).join(" ")
                    }
                }
            } else {
                let found = lookup(&idx, parsed.name);
                person = found;
                match found {
                    Some(p) => {
                        if parsed.honorific != Gender::Unknown {
                            idx.people[p].gender = parsed.honorific;
                        }
                        if how == How::AsWritten && !text.ends_with(&idx.people[p].name) {
                            how = How::FullerName;
                        }
                        idx.people[p].name.clone()
                    }
                    None if parsed.name.len() == 1 => strip_determiner(&words).join(" "),
                    None => parsed.name.join(" "),
                }
            }
        };
        seen.push((r.start, person, canonical.clone(), is_org));
        out[a] = Named {
            name: canonical,
            how,
        };
    }
    out
}

/// The person "he" or "she" at token `pos` refers to: a person named as a sentence
/// subject since the last speaker, else the latest compatible speaker, else the
/// latest compatible person named before; with the token where that mention starts.
fn resolve_person(
    idx: &mut Index,
    seen: &[(usize, Option<usize>, String, bool)],
    pos: usize,
    g: Gender,
) -> Option<(usize, usize)> {
    let compatible = |idx: &Index, p: usize| {
        idx.people[p].gender == Gender::Unknown || idx.people[p].gender == g
    };
    let last_speaker = seen
        .iter()
        .rev()
        .take(LOOKBACK)
        .find(|s| s.1.is_some_and(|p| compatible(idx, p)));
    let since = last_speaker.map_or(0, |s| s.0);
    let subject = mentions_before(idx, pos)
        .take_while(|m| m.pos > since)
        .find(|m| m.subject && compatible(idx, m.person))
        .map(|m| (m.person, m.pos));
    let pick = subject
        .or_else(|| last_speaker.and_then(|s| s.1.map(|p| (p, s.0))))
        .or_else(|| {
            mentions_before(idx, pos)
                .find(|m| compatible(idx, m.person))
                .map(|m| (m.person, m.pos))
        });
    if let Some((p, _)) = pick {
        idx.people[p].gender = g;
    }
    pick
}

/// How far back (in speakers or name mentions) a pronoun or role noun looks: keeps
/// resolution linear on very long texts.
const LOOKBACK: usize = 64;

/// Name mentions before token `pos`, nearest first, at most `LOOKBACK` of them.
fn mentions_before(idx: &Index, pos: usize) -> impl Iterator<Item = &Mention> {
    let n = idx.mentions.partition_point(|m| m.pos < pos);
    idx.mentions[..n].iter().rev().take(LOOKBACK)
}

fn strip_determiner<'a>(words: &'a [&'a str]) -> &'a [&'a str] {
    match words.first() {
        Some(w) if words.len() > 1 && matches!(w.to_lowercase().as_str(), "the" | "a" | "an") => {
            &words[1..]
        }
        _ => words,
    }
}

fn span_text(seg: &Segmented, r: std::ops::Range<usize>) -> String {
    if r.is_empty() {
        return String::new();
    }
    seg.text[seg.tokens[r.start].start..seg.tokens[r.end - 1].end].to_string()
}

/// Lower-case particles inside names ("Ursula von der Leyen").
pub(super) fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "von"
            | "van"
            | "der"
            | "den"
            | "al"
            | "da"
            | "di"
            | "del"
            | "du"
            | "la"
            | "le"
            | "bin"
            | "ibn"
    )
}

pub(super) fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s")
}

//! Speaker names: the canonical name of every attribution's speaker mention.
//! "Pompeo" becomes the fullest name seen for him ("Mike Pompeo"), "he" the nearest
//! compatible named speaker, "the secretary" the nearest speaker with that title,
//! organisations and documents keep their own name ("State Department", "EC's report").

use super::words::{ascii_key, key_of_lower, lower_is, with_lower, Prefilter, WordMap, KEY_BYTES};

use super::attribution::Attr;
use super::lexicon::{self as lex, is_particle, is_possessive, Pronoun};
use super::text::{starts_upper, Segmented};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Unknown,
    He,
    She,
}

/// A person named in the text.
#[derive(Debug, Clone)]
struct Person {
    /// The name's words joined by spaces.
    name: String,
    /// How many words the name has.
    words: usize,
    /// Lower-case title and role words seen with the name ("secretary", "state").
    titles: Vec<String>,
    gender: Gender,
    /// The person indexed before with the same last word, if any: the people sharing
    /// a surname are a list from `Index::by_last` (no vector per surname).
    same_last: Option<usize>,
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
    /// The latest person by the lower-case last word of their name, when that is ASCII
    /// of at most [`KEY_BYTES`] bytes (nearly every surname), as its word key: no copy
    /// of the word, and a number to hash.
    by_last_key: WordMap<u128, usize>,
    /// The same for the other last words, by their lower case.
    by_last: WordMap<String, usize>,
    /// The keys of `by_last`: most lone capitalised words are no one's surname, and
    /// are turned away here before being lower-cased and hashed.
    last_filter: SurnameFilter,
    mentions: Vec<Mention>,
}

/// The filter in front of a text's surnames: a text names a few dozen people, so 512
/// bits kept inline do (no allocation per text).
type SurnameFilter = Prefilter<8>;

impl Index {
    /// The people whose last name word in lower case is the key of `by_last` that
    /// gave `latest`, latest first.
    fn sharing_last(&self, latest: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(latest), |&p| self.people[p].same_last)
    }

    /// The latest person whose last name word is `last` in lower case.
    fn latest_by_last(&self, last: &str) -> Option<usize> {
        if let Some(key) = ascii_key(last) {
            return self.by_last_key.get(&key).copied();
        }
        // A word that is not ASCII may lower-case to one that is (the Kelvin sign).
        with_lower(last, |l| match short_key(l) {
            Some(key) => self.by_last_key.get(&key).copied(),
            None => self.by_last.get(l).copied(),
        })
    }

    /// Make `p` the latest person whose last name word is `last` in lower case.
    fn set_latest_by_last(&mut self, last: &str, p: usize) {
        if let Some(key) = ascii_key(last) {
            self.by_last_key.insert(key, p);
            return;
        }
        with_lower(last, |l| match short_key(l) {
            Some(key) => {
                self.by_last_key.insert(key, p);
            }
            None => {
                self.by_last.insert(l.to_string(), p);
            }
        });
    }

    /// The person named `words` (joined by spaces into `name`, a reused buffer),
    /// indexed now if new.
    fn person_named(&mut self, words: &[&str], name: &mut String) -> usize {
        name.clear();
        for (k, w) in words.iter().enumerate() {
            if k > 0 {
                name.push(' ');
            }
            name.push_str(w);
        }
        let last = words[words.len() - 1];
        // People of one name share its last word: the name is looked for among them.
        let latest = self.latest_by_last(last);
        if let Some(p) =
            latest.and_then(|l| self.sharing_last(l).find(|&p| self.people[p].name == *name))
        {
            return p;
        }
        let p = self.people.len();
        self.people.push(Person {
            name: name.clone(),
            words: words.len(),
            titles: Vec::new(),
            gender: Gender::Unknown,
            same_last: latest,
        });
        if latest.is_none() {
            with_lower(last, |l| self.last_filter.insert(l));
        }
        self.set_latest_by_last(last, p);
        p
    }
}

/// A split mention: its titles and name words (slices of the mention's words: this
/// runs for every run of capitalised words, so nothing is copied).
struct Parsed<'w, 't> {
    words: &'w [&'t str],
    /// Where the name starts.
    cut: usize,
}

impl<'w, 't> Parsed<'w, 't> {
    fn titles(&self) -> &'w [&'t str] {
        &self.words[..self.cut]
    }

    fn name(&self) -> &'w [&'t str] {
        &self.words[self.cut..]
    }

    /// Whether the mention names an organisation or a document ("State Department",
    /// "the report"). Asked only when it matters: most lone words name no one known.
    fn org(&self) -> bool {
        self.name().iter().any(|w| {
            lex::is_org_word(w)
                || (w.len() >= 2
                    && w.chars().all(|c| c.is_uppercase())
                    && !matches!(*w, "US" | "UK"))
        }) || self.words.last().is_some_and(|w| lex::is_document_word(w))
    }

    /// The gender of the mention's honorific; the last one wins ("Mr. and Mrs. Smith").
    fn honorific(&self) -> Gender {
        self.words
            .iter()
            .rev()
            .find_map(|w| honorific(w))
            .unwrap_or(Gender::Unknown)
    }
}

fn parse<'w, 't>(words: &'w [&'t str]) -> Parsed<'w, 't> {
    let n = words.len();
    // Titles end at the last title-like word, but the last word is always kept as the
    // name: found from the end, so that the words before it are not looked at.
    let mut cut = if n <= 1 {
        0
    } else {
        (0..n)
            .rev()
            .find(|&i| ends_titles(words[i], i + 1 < n))
            .map_or(0, |i| (i + 1).min(n - 1))
    };
    // A learnt title right before a lone surname is more likely a first name.
    if cut > 0
        && cut + 1 == n
        && starts_upper(words[cut - 1])
        && !is_possessive(words[cut - 1])
        && !lex::is_determiner(words[cut - 1])
        && !lex::is_strong_title(words[cut - 1])
    {
        cut -= 1;
    }
    // "Browns DL Sheldon Ruark", "Acme CEO Ana Ruiz": a short all-capitals word with
    // a name of two words or more after it is a role, not part of the name.
    if let Some(i) = (cut..n.saturating_sub(2))
        .rev()
        .find(|&i| is_abbreviated_role(words[i]))
    {
        cut = i + 1;
    }
    Parsed { words, cut }
}

/// Two to four capital letters ("DL", "CEO"): an abbreviated role before a name.
fn is_abbreviated_role(w: &str) -> bool {
    (2..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether the titles of a mention run at least up to `w`: a title, a determiner, a
/// possessive, "of" or "for", or a lower-case word other than a particle `inside`
/// the mention (not its last word). The cheap tests come first.
fn ends_titles(w: &str, inside: bool) -> bool {
    is_possessive(w)
        || (inside && !starts_upper(w) && !is_particle(w))
        || lower_is(w, "of")
        || lower_is(w, "for")
        || lex::is_title(w)
        || lex::is_determiner(w)
}

/// The gender an honorific gives ("Mr.", "Mrs", "Ms.", "Miss").
fn honorific(w: &str) -> Option<Gender> {
    let bare = w.trim_end_matches('.');
    if lower_is(bare, "mr") {
        Some(Gender::He)
    } else if ["mrs", "ms", "miss"].iter().any(|h| lower_is(bare, h)) {
        Some(Gender::She)
    } else {
        None
    }
}

/// Whether token `k` is a capitalised word, a possible part of a name. Asked of every
/// token: the tokenizer's flag answers, no text read.
#[inline]
fn is_capitalised(seg: &Segmented, k: usize) -> bool {
    seg.tokens[k].capitalised
}

/// The end of the run of capitalised words starting at token `start`, over joiners
/// ("Secretary of State") and pairs of particles ("von der Leyen").
fn run_end(seg: &Segmented, start: usize) -> usize {
    let n = seg.tokens.len();
    let is_cap = |k: usize| is_capitalised(seg, k);
    let mut end = start + 1;
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
    end
}

/// The word key of a lower-case word that is ASCII of at most [`KEY_BYTES`] bytes.
fn short_key(lower: &str) -> Option<u128> {
    (lower.len() <= KEY_BYTES && lower.is_ascii()).then(|| key_of_lower(lower.as_bytes()))
}

fn build_index(seg: &Segmented) -> Index {
    let mut idx = Index {
        people: Vec::new(),
        by_last_key: WordMap::default(),
        by_last: WordMap::default(),
        last_filter: SurnameFilter::default(),
        mentions: Vec::new(),
    };
    let n = seg.tokens.len();
    // The words of each run of capitalised words, and a full name, in buffers reused
    // from run to run.
    let mut words: Vec<&str> = Vec::new();
    let mut name = String::new();
    let mut i = 0;
    while let Some(start) = (i..n).find(|&k| is_capitalised(seg, k)) {
        let end = run_end(seg, start);
        i = end;
        // A lone capitalised word, the usual run ("The", "Washington", "Pompeo"), names
        // someone only as a known surname: asked first, as most are not, before the
        // dearer function-word test. (It is its own name when kept: one lookup.)
        let lone = if end == start + 1 {
            match lookup(&idx, &[seg.word(start)]) {
                None => continue,
                found => found,
            }
        } else {
            None
        };
        words.clear();
        words.extend(
            (start..end)
                .map(|k| seg.word(k))
                .filter(|w| !lex::is_function_word(w) || lex::is_name_joiner(w)),
        );
        // A run of function words only ("The", "But") names no one.
        if words.is_empty() {
            continue;
        }
        let parsed = parse(&words);
        // A full name makes a person; a lone surname counts as a mention of one known;
        // an organisation neither (asked last: it is the dearer test).
        let person = match parsed.name().len() {
            1 => lone
                .or_else(|| lookup(&idx, parsed.name()))
                .filter(|_| !parsed.org()),
            2..=4 if !parsed.org() => Some(idx.person_named(parsed.name(), &mut name)),
            _ => None,
        };
        let Some(person) = person else {
            continue;
        };
        let p = &mut idx.people[person];
        learn_from_name(p, &parsed);
        titles_from_apposition(p, seg, end);
        role_before_name(p, seg, start);
        let subject = start == 0
            || seg.tokens[start - 1].para != seg.tokens[start].para
            || seg.tokens[start - 1]
                .punct()
                .is_some_and(|c| matches!(c, '.' | ':' | '"' | '\u{201c}'));
        idx.mentions.push(Mention {
            pos: start,
            person,
            subject,
        });
    }
    idx
}

/// What a name says of its person: the titles before it ("Secretary of State") and the
/// gender of its honorific ("Mrs.").
fn learn_from_name(p: &mut Person, parsed: &Parsed) {
    for t in parsed.titles() {
        with_lower(t, |t| add_title(p, t));
    }
    let honorific = parsed.honorific();
    if honorific != Gender::Unknown {
        p.gender = honorific;
    }
}

/// "Pompeo, the secretary of state, said": the role nouns of the apposition after the
/// name (which ends at token `end`) are titles of the person too.
fn titles_from_apposition(p: &mut Person, seg: &Segmented, end: usize) {
    let n = seg.tokens.len();
    if end + 2 < n
        && seg.tokens[end].punct() == Some(',')
        && seg.tokens[end + 1].is_word()
        && seg.lists(end + 1).determiner()
    {
        let mut k = end + 2;
        while k < n && k < end + 10 && seg.tokens[k].is_word() {
            with_lower(seg.word(k), |w| {
                if lex::is_role(w) {
                    add_title(p, w);
                }
            });
            k += 1;
        }
    }
}

/// "harbour master Ines Okoro said", "defensive end Tomas Vik": the lower-case word
/// right before the name (which starts at token `start`) is the person's role, for "the
/// harbour master" (not a cue: "said Ana Ruiz"; no copy unless it is new to the person).
fn role_before_name(p: &mut Person, seg: &Segmented, start: usize) {
    if let Some(k) = start.checked_sub(1).filter(|&k| {
        seg.tokens[k].is_word() && seg.text.as_bytes()[seg.tokens[k].start].is_ascii_lowercase()
    }) {
        let w = seg.word(k);
        if !seg.lists(k).function()
            && lex::learnt_cue(w).is_none()
            && !p.titles.iter().any(|t| t == w)
        {
            add_title(p, w);
        }
    }
}

/// Give `p` the lower-case title `t` unless it has it.
fn add_title(p: &mut Person, t: &str) {
    if !p.titles.iter().any(|x| x == t) {
        p.titles.push(t.to_string());
    }
}

/// The person a partial name ("Pompeo", "von der Leyen") refers to: the fullest
/// name in the text that ends with the same words.
fn lookup(idx: &Index, name: &[&str]) -> Option<usize> {
    let (last, rest) = name.split_last()?;
    if !idx.last_filter.may_hold(last) {
        return None;
    }
    let latest = idx.latest_by_last(last)?;
    // The fullest matching name; among equals the first seen. Candidates are few
    // (people sharing a surname); their last word is the key just found, so only the
    // words before it are compared.
    idx.sharing_last(latest)
        .filter(|&p| {
            let person = &idx.people[p];
            // (`rest` first: a lone surname, the usual case, splits no name.)
            person.words >= name.len()
                && rest
                    .iter()
                    .rev()
                    .zip(person.name.rsplit(' ').skip(1))
                    .all(|(w, f)| same_lower(f, w))
        })
        .max_by_key(|&p| (idx.people[p].name.len(), std::cmp::Reverse(p)))
}

/// Whether the name word `f` and the mention word `w` are equal in lower case. Two
/// ASCII words are compared in place, without lower-cased copies.
fn same_lower(f: &str, w: &str) -> bool {
    if f.is_ascii() && w.is_ascii() {
        f.eq_ignore_ascii_case(w)
    } else {
        with_lower(f, |f| with_lower(w, |l| f == l))
    }
}

/// How a speaker's canonical name was found: the reviewer's "why".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameSource {
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
    pub how: NameSource,
}

/// A speaker already named, for pronouns and role nouns after it.
struct Seen {
    /// Where its mention starts (a token).
    pos: usize,
    person: Option<usize>,
    /// Its attribution, whose name in the output is its canonical name (not copied).
    attr: usize,
    org: bool,
}

/// Canonical speaker names for `attrs`, in the same order.
pub fn canonical_names(seg: &Segmented, attrs: &[Attr]) -> Vec<Named> {
    let mut idx = build_index(seg);
    let mut order: Vec<usize> = (0..attrs.len()).collect();
    order.sort_by_key(|&a| attrs[a].speaker.start);
    let mut out = vec![
        Named {
            name: String::new(),
            how: NameSource::AsWritten,
        };
        attrs.len()
    ];
    let mut seen: Vec<Seen> = Vec::with_capacity(attrs.len());
    // The words of each speaker mention, in one buffer reused from speaker to speaker.
    let mut all_words: Vec<&str> = Vec::new();
    for a in order {
        let r = attrs[a].speaker.clone();
        all_words.clear();
        all_words.extend(
            r.clone()
                .filter(|&k| seg.tokens[k].is_word())
                .map(|k| seg.word(k)),
        );
        let text = span_text(seg, r.clone());
        let pronoun = match all_words[..] {
            [w] => lex::pronoun(w),
            _ => None,
        };
        let resolved = match pronoun {
            Some(pronoun) => resolve_pronoun(&mut idx, &seen, &out, r.start, text, pronoun),
            None => resolve_mention(&mut idx, &seen, r.start, text, &all_words),
        };
        seen.push(Seen {
            pos: r.start,
            person: resolved.person,
            attr: a,
            org: resolved.org,
        });
        out[a] = Named {
            name: resolved.name,
            how: resolved.how,
        };
    }
    out
}

/// What one speaker mention is named, and what the mentions after it may refer back to:
/// the person it names, or whether it is an organisation (for "it" and "they").
struct Resolved {
    name: String,
    person: Option<usize>,
    org: bool,
    how: NameSource,
}

/// A pronoun mention at token `pos`: "he" and "she" name the nearest person of that
/// gender, "it" and "they" the nearest organisation speaking; `text` as written when
/// there is none.
fn resolve_pronoun(
    idx: &mut Index,
    seen: &[Seen],
    out: &[Named],
    pos: usize,
    text: &str,
    pronoun: Pronoun,
) -> Resolved {
    let as_written = |how| Resolved {
        name: text.to_string(),
        person: None,
        org: false,
        how,
    };
    match pronoun {
        Pronoun::He | Pronoun::She => {
            let g = if pronoun == Pronoun::He {
                Gender::He
            } else {
                Gender::She
            };
            match resolve_person(idx, seen, pos, g) {
                Some((pi, from)) => Resolved {
                    name: idx.people[pi].name.clone(),
                    person: Some(pi),
                    org: false,
                    how: NameSource::Pronoun { from },
                },
                None => as_written(NameSource::PronounUnresolved),
            }
        }
        Pronoun::It | Pronoun::They => {
            let (name, how) = match seen.iter().rev().take(LOOKBACK).find(|s| s.org) {
                Some(s) => (
                    out[s.attr].name.clone(),
                    NameSource::Pronoun { from: s.pos },
                ),
                None => (text.to_string(), NameSource::PronounUnresolved),
            };
            Resolved {
                name,
                person: None,
                org: true,
                how,
            }
        }
        Pronoun::Speaker => as_written(NameSource::AsWritten),
    }
}

/// A mention in words at token `pos` (`text` as written, `all_words` its words): a
/// document's author ("the statement by President von der Leyen") stands for it; then
/// a name is looked up among the people named, and an organisation or a common noun
/// resolved as a role.
fn resolve_mention(
    idx: &mut Index,
    seen: &[Seen],
    pos: usize,
    text: &str,
    all_words: &[&str],
) -> Resolved {
    let mut how = NameSource::AsWritten;
    // "the statement by President von der Leyen": the person behind the document.
    let by = all_words.iter().position(|w| matches!(*w, "by" | "from"));
    let words: &[&str] = match by {
        Some(b) if b + 1 < all_words.len() && lex::is_document_word(all_words[b - 1.min(b)]) => {
            how = NameSource::Document;
            &all_words[b + 1..]
        }
        _ => all_words,
    };
    let parsed = parse(words);
    let org = parsed.org();
    let has_name = parsed.name().iter().any(|w| starts_upper(w));
    if org || !has_name {
        resolve_unnamed(idx, seen, pos, words, org, has_name, how)
    } else {
        resolve_named(idx, &parsed, words, text, how)
    }
}

/// An organisation, or a mention without a name ("the harbour master"): a person
/// named before who holds its role noun as a title, else its words without their
/// determiner.
fn resolve_unnamed(
    idx: &Index,
    seen: &[Seen],
    pos: usize,
    words: &[&str],
    org: bool,
    has_name: bool,
    mut how: NameSource,
) -> Resolved {
    // Role nouns: the nearest speaker or person with that title.
    let titled = if org {
        None
    } else {
        // "the harbour master": a role word, else the head noun of a
        // definite mention, held as a title by someone named before.
        let definite = words.len() > 1 && lower_is(words[0], "the");
        words
            .iter()
            .rev()
            .find(|w| lex::is_role(w))
            .or_else(|| words.last().filter(|w| definite && !lex::is_org_word(w)))
            .and_then(|w| with_lower(w, |role| titled(idx, seen, pos, role)))
    };
    match titled {
        Some((p, from)) => Resolved {
            name: idx.people[p].name.clone(),
            person: Some(p),
            org: false,
            how: NameSource::Role { from },
        },
        None => {
            if how == NameSource::AsWritten && !org {
                how = NameSource::Unnamed;
            }
            Resolved {
                name: strip_determiner(words).join(" "),
                person: None,
                org: org || !has_name && words.iter().any(|w| lex::is_document_word(w)),
                how,
            }
        }
    }
}

/// A mention with a name: the person of that name (whose honorific, if given, says
/// their gender), named in full; a name nobody had is its own.
fn resolve_named(
    idx: &mut Index,
    parsed: &Parsed,
    words: &[&str],
    text: &str,
    mut how: NameSource,
) -> Resolved {
    let found = lookup(idx, parsed.name());
    let name = match found {
        Some(p) => {
            let honorific = parsed.honorific();
            if honorific != Gender::Unknown {
                idx.people[p].gender = honorific;
            }
            if how == NameSource::AsWritten && !text.ends_with(&idx.people[p].name) {
                how = NameSource::FullerName;
            }
            idx.people[p].name.clone()
        }
        None if parsed.name().len() == 1 => strip_determiner(words).join(" "),
        None => parsed.name().join(" "),
    };
    Resolved {
        name,
        person: found,
        org: false,
        how,
    }
}

/// The nearest speaker, else person named, before token `pos` with the lower-case
/// title `role`; with the token where that mention starts.
fn titled(idx: &Index, seen: &[Seen], pos: usize, role: &str) -> Option<(usize, usize)> {
    let has_role = |p: usize| idx.people[p].titles.iter().any(|t| t == role);
    seen.iter()
        .rev()
        .take(LOOKBACK)
        .filter_map(|s| s.person.map(|p| (p, s.pos)))
        .find(|&(p, _)| has_role(p))
        .or_else(|| {
            mentions_before(idx, pos)
                .map(|m| (m.person, m.pos))
                .find(|&(p, _)| has_role(p))
        })
}

/// The person "he" or "she" at token `pos` refers to: a person named as a sentence
/// subject since the last speaker, else the latest compatible speaker, else the
/// latest compatible person named before; with the token where that mention starts.
fn resolve_person(idx: &mut Index, seen: &[Seen], pos: usize, g: Gender) -> Option<(usize, usize)> {
    let compatible = |idx: &Index, p: usize| {
        idx.people[p].gender == Gender::Unknown || idx.people[p].gender == g
    };
    let last_speaker = seen
        .iter()
        .rev()
        .take(LOOKBACK)
        .find(|s| s.person.is_some_and(|p| compatible(idx, p)));
    let since = last_speaker.map_or(0, |s| s.pos);
    let subject = mentions_before(idx, pos)
        .take_while(|m| m.pos > since)
        .find(|m| m.subject && compatible(idx, m.person))
        .map(|m| (m.person, m.pos));
    let pick = subject
        .or_else(|| last_speaker.and_then(|s| s.person.map(|p| (p, s.pos))))
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
        Some(w) if words.len() > 1 && ["the", "a", "an"].iter().any(|d| lower_is(w, d)) => {
            &words[1..]
        }
        _ => words,
    }
}

fn span_text<'t>(seg: &Segmented<'t>, r: std::ops::Range<usize>) -> &'t str {
    if r.is_empty() {
        return "";
    }
    &seg.text[seg.tokens[r.start].start..seg.tokens[r.end - 1].end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::segment;

    #[test]
    fn lone_and_partial_surnames_find_the_fullest_name() {
        let seg = segment(
            "Mike Pompeo spoke. Then John Michael Pompeo spoke. Ursula von der Leyen \
             replied. Anna Smith and Mike Pompeo left.",
            &[],
        );
        let idx = build_index(&seg);
        let name = |p: Option<usize>| p.map(|p| idx.people[p].name.as_str());
        assert_eq!(name(lookup(&idx, &["Pompeo"])), Some("John Michael Pompeo"));
        assert_eq!(name(lookup(&idx, &["POMPEO"])), Some("John Michael Pompeo"));
        assert_eq!(name(lookup(&idx, &["Mike", "Pompeo"])), Some("Mike Pompeo"));
        assert_eq!(name(lookup(&idx, &["Leyen"])), Some("Ursula von der Leyen"));
        assert_eq!(name(lookup(&idx, &["Smith"])), Some("Anna Smith"));
        assert_eq!(name(lookup(&idx, &["Jones"])), None);
        // "Mike Pompeo" named twice is one person, mentioned twice.
        let mikes = idx
            .people
            .iter()
            .filter(|p| p.name == "Mike Pompeo")
            .count();
        assert_eq!(mikes, 1);
        assert_eq!(idx.mentions.len(), 5);
    }
}

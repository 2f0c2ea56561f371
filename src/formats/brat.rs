//! brat standoff, as PolNeAR uses it: text-bound `Source`, `Cue` and `Content`
//! annotations joined by an `Attribution` event whose trigger spans the cue (tab separated):
//!
//! ```text
//! T1  Source 89 106  The New York Post
//! T2  Cue 107 114  reports
//! T3  Content 115 120;130 140  first fragment second fragment
//! T4  Attribution 107 114  reports
//! E1  Attribution:T4 Source:T1 Cue:T2 Content:T3
//! #1  AnnotatorNotes E1  speaker: New York Post
//! ```
//!
//! Offsets are code points of the `.txt` as stored (a `\r` counts), end exclusive. The
//! quotes linked to one attribution become the fragments of one `Content`; claims are
//! `Claim` annotations (linked ones are `Claim` arguments of the event), with their score
//! and signals in notes. brat has no place for ids or origin: imports number annotations
//! afresh and mark them `user`.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::annotation_at;
use crate::model::offsets::CharIndex;
use crate::model::validate::{clip, number_text, validate};
use crate::model::{Annotation, Cue, Document, Invalid, Kind, Origin};

/// The `.ann` file for `doc` (its `.txt` is `doc.text` unchanged).
pub fn to_ann(doc: &Document) -> String {
    let mut w = AnnWriter {
        doc,
        index: CharIndex::new(&doc.text),
        out: String::new(),
        t: 0,
        e: 0,
        note: 0,
    };
    // Attribution id -> its slot in `parts` (one map type for the whole crate keeps Wasm small).
    let mut slot: HashMap<String, usize> = HashMap::new();
    for a in doc
        .annotations
        .iter()
        .filter(|a| a.kind == Kind::Attribution)
    {
        let next = slot.len();
        slot.entry(a.id.clone()).or_insert(next);
    }
    let mut parts: Vec<Vec<&Annotation>> = vec![Vec::new(); slot.len()];
    let mut unlinked = Vec::new();
    for a in doc
        .annotations
        .iter()
        .filter(|a| a.kind != Kind::Attribution)
    {
        match a.attribution.as_ref().and_then(|id| slot.get(id)) {
            Some(&i) => parts[i].push(a),
            None => unlinked.push(a),
        }
    }
    for a in doc
        .annotations
        .iter()
        .filter(|a| a.kind == Kind::Attribution)
    {
        w.attribution(a, &parts[slot[&a.id]]);
    }
    for a in unlinked {
        let t = w.textbound(
            if a.kind == Kind::Claim {
                "Claim"
            } else {
                "Content"
            },
            &[(a.start, a.end)],
        );
        w.claim_notes(a, &t);
    }
    w.out
}

struct AnnWriter<'d> {
    doc: &'d Document,
    index: CharIndex,
    out: String,
    t: usize,
    e: usize,
    note: usize,
}

impl AnnWriter<'_> {
    fn textbound(&mut self, kind: &str, fragments: &[(usize, usize)]) -> String {
        self.t += 1;
        let spans: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let texts: Vec<&str> = fragments.iter().map(|&(s, e)| self.slice(s, e)).collect();
        let _ = writeln!(
            self.out,
            "T{}\t{kind} {}\t{}",
            self.t,
            spans.join(";"),
            one_line(&texts.join(" "))
        );
        format!("T{}", self.t)
    }

    fn slice(&self, s: usize, e: usize) -> &str {
        &self.doc.text[self.index.byte_at(s)..self.index.byte_at(e)]
    }

    fn note(&mut self, target: &str, text: &str) {
        self.note += 1;
        let _ = writeln!(
            self.out,
            "#{}\tAnnotatorNotes {target}\t{}",
            self.note,
            one_line(text)
        );
    }

    fn claim_notes(&mut self, a: &Annotation, t: &str) {
        if let Some(score) = a.score {
            self.note(t, &format!("score: {}", number_text(score)));
        }
        if let Some(signals) = &a.signals {
            self.note(t, &format!("signals: {}", signals.join(", ")));
        }
    }

    fn attribution(&mut self, a: &Annotation, parts: &[&Annotation]) {
        let source = (a.start < a.end).then(|| self.textbound("Source", &[(a.start, a.end)]));
        let cue = a
            .cue
            .as_ref()
            .map(|c| self.textbound("Cue", &[(c.start, c.end)]));
        let quotes: Vec<(usize, usize)> = parts
            .iter()
            .filter(|p| p.kind == Kind::Quote)
            .map(|p| (p.start, p.end))
            .collect();
        let content = (!quotes.is_empty()).then(|| self.textbound("Content", &quotes));
        let mut claims = Vec::new();
        for c in parts.iter().filter(|p| p.kind == Kind::Claim) {
            let t = self.textbound("Claim", &[(c.start, c.end)]);
            self.claim_notes(c, &t);
            claims.push(t);
        }
        // The trigger is where brat draws the event: the cue, else the speaker, else the content.
        let trigger = a
            .cue
            .as_ref()
            .map(|c| (c.start, c.end))
            .or((a.start < a.end).then_some((a.start, a.end)))
            .or(quotes.first().copied())
            .or(parts.first().map(|p| (p.start, p.end)))
            .unwrap_or((a.start, a.end));
        let trigger = self.textbound("Attribution", &[trigger]);
        self.e += 1;
        let mut line = format!("E{}\tAttribution:{trigger}", self.e);
        for (role, t) in [("Source", &source), ("Cue", &cue), ("Content", &content)] {
            if let Some(t) = t {
                let _ = write!(line, " {role}:{t}");
            }
        }
        for (i, t) in claims.iter().enumerate() {
            let n = if i == 0 {
                String::new()
            } else {
                (i + 1).to_string()
            };
            let _ = write!(line, " Claim{n}:{t}");
        }
        self.out.push_str(&line);
        self.out.push('\n');
        if let Some(speaker) = &a.speaker {
            let e = format!("E{}", self.e);
            self.note(&e, &format!("speaker: {speaker}"));
        }
    }
}

/// brat's `.ann` is line based: line breaks and tabs in a span's text are written as spaces.
fn one_line(s: &str) -> String {
    s.replace(['\r', '\n', '\t'], " ")
}

/// A text-bound annotation as read.
struct TextBound {
    kind: String,
    fragments: Vec<(usize, usize)>,
}

impl TextBound {
    fn span(&self) -> (usize, usize) {
        let start = self.fragments.iter().map(|f| f.0).min().unwrap_or(0);
        let end = self.fragments.iter().map(|f| f.1).max().unwrap_or(start);
        (start, end)
    }
}

struct Event {
    id: String,
    kind: String,
    trigger: String,
    args: Vec<(String, String)>,
}

impl Event {
    /// The arguments of role `name` (`Content`, `Content2`, ...).
    fn role(&self, name: &'static str) -> impl Iterator<Item = &(String, String)> {
        self.args
            .iter()
            .filter(move |(r, _)| r.trim_end_matches(|c: char| c.is_ascii_digit()) == name)
    }
}

/// Read a brat `.ann` over its `.txt`. Entity types other than Source, Cue, Content and
/// Claim (PolNeAR's `Discard`, say), relations and attributes are skipped.
pub fn from_ann(text: &str, ann: &str) -> Result<Document, Invalid> {
    let ann = AnnFile::read(text, ann)?;
    number(text, ann.annotations()?)
}

/// An annotation found in a `.ann`, and the index (among those found) of its attribution.
type Found = Vec<(Annotation, Option<usize>)>;

/// A `.ann` file's lines, read over its `.txt`.
struct AnnFile<'t> {
    text: &'t str,
    index: CharIndex,
    tbs: Vec<(String, TextBound)>,
    tb_index: HashMap<String, usize>,
    /// Events with their line numbers.
    events: Vec<(usize, Event)>,
    /// A note target's slot in `notes`.
    note_index: HashMap<String, usize>,
    notes: Vec<Vec<String>>,
}

impl<'t> AnnFile<'t> {
    fn read(text: &'t str, ann: &str) -> Result<Self, Invalid> {
        let mut file = AnnFile {
            text,
            index: CharIndex::new(text),
            tbs: Vec::new(),
            tb_index: HashMap::new(),
            events: Vec::new(),
            note_index: HashMap::new(),
            notes: Vec::new(),
        };
        for (n, line) in ann.lines().enumerate() {
            let at = format!("line {}", n + 1);
            let line = line.strip_suffix('\r').unwrap_or(line);
            let mut fields = line.splitn(3, '\t');
            let id = fields.next().unwrap_or("");
            let (spec, rest) = (fields.next(), fields.next());
            match id.chars().next() {
                Some('T') => file.text_bound(&at, id, spec, rest)?,
                Some('E') => file.event(n + 1, &at, id, spec.unwrap_or(""))?,
                Some('#') => file.note(spec.unwrap_or(""), rest.unwrap_or("")),
                _ => {} // relations, attributes, normalizations, equivalences, blank lines
            }
        }
        Ok(file)
    }

    /// Text-bound annotation `id`: `spec` is TYPE and its fragments, `written` its text.
    fn text_bound(
        &mut self,
        at: &str,
        id: &str,
        spec: Option<&str>,
        written: Option<&str>,
    ) -> Result<(), Invalid> {
        let spec =
            spec.ok_or_else(|| Invalid::new(at, "a text-bound annotation needs TYPE START END"))?;
        let (kind, spans) = spec.split_once(' ').unwrap_or((spec, ""));
        let fragments = fragments(spans, id, at, self.index.len_chars())?;
        if let Some(written) = written {
            let texts: Vec<&str> = fragments.iter().map(|&(s, e)| self.slice(s, e)).collect();
            let actual = one_line(&texts.join(" "));
            if one_line(written) != actual {
                return Err(Invalid::new(
                    at,
                    format!("{id}'s text \"{}\" does not match the .txt at {spans} (\"{}\"): is it the right .txt?", clip(written), clip(&actual)),
                ));
            }
        }
        if self
            .tb_index
            .insert(id.to_string(), self.tbs.len())
            .is_some()
        {
            return Err(Invalid::new(at, format!("{id} is defined twice")));
        }
        let kind = kind.to_string();
        self.tbs
            .push((id.to_string(), TextBound { kind, fragments }));
        Ok(())
    }

    /// Event `id` on line `line`: `spec` is TYPE:TRIGGER and its ROLE:ID arguments.
    fn event(&mut self, line: usize, at: &str, id: &str, spec: &str) -> Result<(), Invalid> {
        let mut args = spec.split_whitespace().map(|a| {
            let (role, t) = a.split_once(':').unwrap_or((a, ""));
            (role.to_string(), t.to_string())
        });
        let (kind, trigger) = args
            .next()
            .ok_or_else(|| Invalid::new(at, format!("{id}: an event needs TYPE:TRIGGER")))?;
        self.events.push((
            line,
            Event {
                id: id.to_string(),
                kind,
                trigger,
                args: args.collect(),
            },
        ));
        Ok(())
    }

    /// A note line: `spec` names its target, `note` is what it says.
    fn note(&mut self, spec: &str, note: &str) {
        let Some(target) = spec.strip_prefix("AnnotatorNotes ") else {
            return;
        };
        let next = self.notes.len();
        let slot = *self
            .note_index
            .entry(target.trim().to_string())
            .or_insert(next);
        if slot == self.notes.len() {
            self.notes.push(Vec::new());
        }
        self.notes[slot].push(note.to_string());
    }

    fn slice(&self, start: usize, end: usize) -> &'t str {
        &self.text[self.index.byte_at(start)..self.index.byte_at(end)]
    }

    /// What the notes on `id` say after `key:`.
    fn noted(&self, id: &str, key: &str) -> Option<String> {
        self.notes[*self.note_index.get(id)?].iter().find_map(|n| {
            n.strip_prefix(key)
                .and_then(|r| r.strip_prefix(':'))
                .map(|v| v.trim().to_string())
        })
    }

    /// The annotations the file holds: the attributions of its events with what they
    /// link, then the quotes and claims no event links.
    fn annotations(&self) -> Result<Found, Invalid> {
        let mut found = Found::new();
        let mut used = vec![false; self.tbs.len()];
        for (line, event) in &self.events {
            if event.kind.eq_ignore_ascii_case("Attribution") {
                self.attribution(*line, event, &mut found, &mut used)?;
            }
        }
        for ((id, tb), used) in self.tbs.iter().zip(used) {
            if used {
                continue;
            }
            match tb.kind.as_str() {
                "Content" | "Quote" => {
                    for &(s, e) in &tb.fragments {
                        found.push((self.annotation(Kind::Quote, s, e), None));
                    }
                }
                "Claim" => found.push((self.claim(id, tb.span())?, None)),
                _ => {}
            }
        }
        Ok(found)
    }

    /// An attribution event on `line`: the attribution, then the quotes and claims it
    /// links (marked `used`).
    fn attribution(
        &self,
        line: usize,
        event: &Event,
        found: &mut Found,
        used: &mut [bool],
    ) -> Result<(), Invalid> {
        let at = format!("line {line}");
        let get = |t: &str| {
            self.tb_index
                .get(t)
                .map(|&i| (i, &self.tbs[i].1))
                .ok_or_else(|| {
                    Invalid::new(
                        &at,
                        format!("{t} is not a text-bound annotation of this file"),
                    )
                })
        };
        let trigger = get(&event.trigger)?.1;
        let first = |name: &'static str| {
            event
                .role(name)
                .next()
                .map(|(_, t)| get(t).map(|g| g.1))
                .transpose()
        };
        let (source, cue) = (first("Source")?, first("Cue")?);
        let anchor = cue.unwrap_or(trigger).span().0;
        let (start, end) = source.map_or((anchor, anchor), TextBound::span);
        let mut a = self.annotation(Kind::Attribution, start, end);
        a.origin = Origin::User;
        a.cue = cue.map(|c| {
            let (s, e) = c.span();
            Cue {
                start: s,
                end: e,
                text: self.slice(s, e).to_string(),
            }
        });
        a.speaker = self.noted(&event.id, "speaker").or_else(|| {
            let source = event.role("Source").next();
            source.and_then(|(_, t)| self.noted(t, "speaker"))
        });
        let ai = found.len();
        found.push((a, None));
        for (_, t) in event.role("Content") {
            let (i, tb) = get(t)?;
            used[i] = true;
            for &(s, e) in &tb.fragments {
                found.push((self.annotation(Kind::Quote, s, e), Some(ai)));
            }
        }
        for (_, t) in event.role("Claim") {
            let (i, tb) = get(t)?;
            used[i] = true;
            found.push((self.claim(t, tb.span())?, Some(ai)));
        }
        Ok(())
    }

    fn annotation(&self, kind: Kind, start: usize, end: usize) -> Annotation {
        annotation_at(&self.index, self.text, "", kind, start, end)
    }

    /// Claim `t` over `span`, with the score and signals its notes give.
    fn claim(&self, t: &str, span: (usize, usize)) -> Result<Annotation, Invalid> {
        let mut c = self.annotation(Kind::Claim, span.0, span.1);
        if let Some(score) = self.noted(t, "score") {
            c.score = Some(serde_json::from_str::<f64>(&score).map_err(|_| {
                Invalid::new(
                    t,
                    format!("score note \"{}\" is not a number", clip(&score)),
                )
            })?);
        }
        c.signals = self.noted(t, "signals").map(|s| {
            s.split(',')
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
                .collect()
        });
        Ok(c)
    }
}

/// A text-bound annotation's fragments, `START END;START END...`, checked against the
/// text's length `len`.
fn fragments(spans: &str, id: &str, at: &str, len: usize) -> Result<Vec<(usize, usize)>, Invalid> {
    let mut fragments = Vec::new();
    for frag in spans.split(';') {
        let mut nums = frag.split_whitespace().map(str::parse::<usize>);
        let (Some(Ok(s)), Some(Ok(e)), None) = (nums.next(), nums.next(), nums.next()) else {
            return Err(Invalid::new(
                at,
                format!("{id}: \"{}\" is not START END", clip(frag)),
            ));
        };
        if e > len {
            return Err(Invalid::new(
                at,
                format!("{id}: {e} is past the end of the text ({len} code points)"),
            ));
        }
        if s > e {
            return Err(Invalid::new(at, format!("{id}: {e} is before start {s}")));
        }
        fragments.push((s, e));
    }
    Ok(fragments)
}

/// Put annotations in text order and give them ids (a1, q1, c1, ...), keeping links.
/// Ties are broken by everything an annotation carries, linked attributions by their own
/// rank, so that exporting an import and importing it again gives the same ids.
fn number(text: &str, found: Vec<(Annotation, Option<usize>)>) -> Result<Document, Invalid> {
    type Detail = (
        Option<(usize, usize)>,
        Option<String>,
        Option<u64>,
        Option<Vec<String>>,
    );
    let detail = |a: &Annotation| -> Detail {
        let cue = a.cue.as_ref().map(|c| (c.start, c.end));
        (
            cue,
            a.speaker.clone(),
            a.score.map(f64::to_bits),
            a.signals.clone(),
        )
    };
    // One unstable sort of plain keys (the index last keeps it deterministic): each
    // `sort_by_key` closure would be another copy of the sort in the Wasm.
    let mut keys: Vec<_> = found
        .iter()
        .enumerate()
        .map(|(i, (a, link))| {
            let linked = link.map(|l| (found[l].0.start, found[l].0.end, detail(&found[l].0)));
            (a.start, a.end, a.kind, linked, detail(a), i)
        })
        .collect();
    keys.sort_unstable();
    let order: Vec<usize> = keys.iter().map(|k| k.5).collect();
    let mut ids = vec![String::new(); found.len()];
    let mut counts = [0usize; 3];
    for &i in &order {
        let (prefix, n) = match found[i].0.kind {
            Kind::Quote => ("q", &mut counts[0]),
            Kind::Attribution => ("a", &mut counts[1]),
            Kind::Claim => ("c", &mut counts[2]),
        };
        *n += 1;
        ids[i] = format!("{prefix}{n}");
    }
    let annotations = order
        .iter()
        .map(|&i| {
            let (mut a, link) = found[i].clone();
            a.id = ids[i].clone();
            a.origin = Origin::User;
            a.attribution = link.map(|l| ids[l].clone());
            a
        })
        .collect();
    let doc = Document::new(text, annotations);
    validate(&doc)?;
    Ok(doc)
}

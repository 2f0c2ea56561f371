//! The edits a person makes to a document, as plain functions on `Doc`. Each returns
//! a message for the person when it cannot be done, and then changes nothing.

use std::collections::HashMap;

use super::anchor::Reanchor;
use super::doc::{Doc, Rejection};
use super::page_parts::ArticleChoice;
use super::summary::{index, speaker_of};
use crate::model::offsets::slice_chars;
use crate::model::{Annotation, Cue, Kind, Origin};

/// Where a quote or claim goes when it is moved to a speaker.
#[derive(Debug, Clone, PartialEq)]
pub enum SpeakerChoice {
    /// A speaker already in the document, by name.
    Existing(String),
    /// A speaker not mentioned by name in the text.
    New(String),
}

/// Replace the text, keeping every annotation whose text is still there. Returns how many
/// of the person's annotations were dropped because their text changed.
pub fn set_text(doc: &mut Doc, new: &str) -> usize {
    if doc.text == new {
        return 0;
    }
    let r = Reanchor::new(&doc.text, new);
    let move_ann = |a: &mut Annotation| -> bool {
        let Some((s, e)) = r.span(a.start, a.end, &a.text) else {
            return false;
        };
        a.start = s;
        a.end = e;
        if let Some(cue) = a.cue.take() {
            a.cue = r
                .span(cue.start, cue.end, &cue.text)
                .map(|(start, end)| Cue {
                    start,
                    end,
                    text: cue.text,
                });
        }
        true
    };
    let attributions = |d: &Doc| {
        d.user
            .iter()
            .chain(&d.auto)
            .filter(|a| a.kind == Kind::Attribution)
            .count()
    };
    let (before, kept_before) = (doc.user.len(), attributions(doc));
    doc.user.retain_mut(move_ann);
    let dropped = before - doc.user.len();
    doc.auto.retain_mut(move_ann);
    // Only a dropped attribution leaves references to it dangling.
    if attributions(doc) != kept_before {
        clear_dangling(doc);
    }
    doc.rejected
        .retain_mut(|j| match r.span(j.start, j.end, &j.text) {
            Some((s, e)) => {
                (j.start, j.end) = (s, e);
                true
            }
            None => false,
        });
    let change = r.change();
    doc.base_furniture = doc
        .base_furniture
        .iter()
        .filter_map(|&(s, e)| change.shift(s, e))
        .collect();
    doc.article_choices = doc
        .article_choices
        .iter()
        .filter_map(|c| {
            let (start, end) = change.shift(c.start, c.end)?;
            Some(ArticleChoice { start, end, ..*c })
        })
        .collect();
    doc.text = new.to_string();
    doc.analysed = false;
    dropped
}

/// Bring `[start, end)` into the article (`article`) or push it out as page furniture;
/// the engine then analyses the text again around the new furniture.
pub fn set_article(doc: &mut Doc, start: usize, end: usize, article: bool) -> Result<(), String> {
    let len = doc.text.chars().count();
    if start >= end || end > len {
        return Err("That block is no longer in the text.".into());
    }
    // A choice that covers earlier ones makes them moot: the list stays short.
    doc.article_choices
        .retain(|c| !(start <= c.start && c.end <= end));
    doc.article_choices.push(ArticleChoice {
        start,
        end,
        article,
    });
    doc.analysed = false;
    Ok(())
}

/// References to attributions that no longer exist become none.
fn clear_dangling(doc: &mut Doc) {
    // A set: a long text has thousands of attributions and quotes.
    let ids: std::collections::HashSet<String> = doc
        .user
        .iter()
        .chain(&doc.auto)
        .filter(|a| a.kind == Kind::Attribution)
        .map(|a| a.id.clone())
        .collect();
    for a in doc.user.iter_mut().chain(doc.auto.iter_mut()) {
        if a.attribution.as_ref().is_some_and(|id| !ids.contains(id)) {
            a.attribution = None;
        }
    }
}

/// Install the engine's annotations for `text` (ignored when the text has moved on).
/// The engine's annotations beyond an imported file's, which the file's reviewer decided
/// (rejected, or took over as their own), kept among the automatic ones (suppressed, so
/// never shown) under ids of their own: the review's progress counts those decisions as
/// it did before the export ("8 of 34 reviewed", not "0 of 26").
fn keep_decided(doc: &mut Doc, decided: Vec<Annotation>) {
    let mut n = 0;
    for mut a in decided {
        a.id = loop {
            n += 1;
            let id = format!("decided{n}");
            if !doc.auto.iter().chain(&doc.user).any(|x| x.id == id) {
                break id;
            }
        };
        a.attribution = None;
        doc.auto.push(a);
    }
}

pub fn install_analysis(
    doc: &mut Doc,
    text: &str,
    mut fresh: Vec<Annotation>,
    furniture: Vec<(usize, usize)>,
) {
    if doc.text != text {
        return;
    }
    for a in &mut fresh {
        a.origin = Origin::Auto;
    }
    doc.base_furniture = furniture;
    doc.analysed = true;
    if std::mem::take(&mut doc.keep_auto_once) {
        let kept = |a: &Annotation| {
            doc.auto
                .iter()
                .any(|k| k.kind == a.kind && k.start == a.start && k.end == a.end)
        };
        let extra: Vec<Annotation> = fresh.into_iter().filter(|a| !kept(a)).collect();
        doc.rejected.extend(extra.iter().map(Rejection::of));
        keep_decided(doc, extra);
        return;
    }
    if doc.user.is_empty() {
        // Nothing of a person's to re-attribute or re-number (a long text's thousands
        // of ids need not be hashed).
        doc.auto = fresh;
        return;
    }
    // A person's quote attributed to an engine's attribution follows it, by span, to
    // the id the engine gives it now.
    let span_of: HashMap<&str, (usize, usize)> = doc
        .auto
        .iter()
        .filter(|a| a.kind == Kind::Attribution)
        .map(|a| (a.id.as_str(), (a.start, a.end)))
        .collect();
    let new_id: HashMap<(usize, usize), &str> = fresh
        .iter()
        .filter(|a| a.kind == Kind::Attribution)
        .map(|a| ((a.start, a.end), a.id.as_str()))
        .collect();
    let user_ids: Vec<String> = doc.user.iter().map(|a| a.id.clone()).collect();
    for u in &mut doc.user {
        let Some(old) = u.attribution.clone() else {
            continue;
        };
        if user_ids.contains(&old) {
            continue;
        }
        u.attribution = span_of
            .get(old.as_str())
            .and_then(|span| new_id.get(span))
            .map(|id| id.to_string());
    }
    // Ids must stay unique: a person's annotation yields its id to the engine's.
    let taken: std::collections::HashSet<String> = fresh.iter().map(|a| a.id.clone()).collect();
    doc.auto = fresh;
    for i in 0..doc.user.len() {
        if taken.contains(&doc.user[i].id) {
            let old = doc.user[i].id.clone();
            let id = doc.fresh_id();
            doc.user[i].id = id.clone();
            for u in &mut doc.user {
                if u.attribution.as_deref() == Some(old.as_str()) {
                    u.attribution = Some(id.clone());
                }
            }
        }
    }
}

/// Make the annotation `id` a person's own (copying an automatic one, which is then
/// suppressed); returns its index in `doc.user`.
pub fn ensure_user(doc: &mut Doc, id: &str) -> Result<usize, String> {
    if let Some(i) = doc.user.iter().position(|a| a.id == id) {
        return Ok(i);
    }
    let Some(auto) = doc.find(id) else {
        return Err("That annotation no longer exists.".into());
    };
    let mut mine = auto.clone();
    mine.id = doc.fresh_id();
    mine.origin = Origin::User;
    for u in &mut doc.user {
        if u.attribution.as_deref() == Some(id) {
            u.attribution = Some(mine.id.clone());
        }
    }
    doc.rejected.push(Rejection::of(&auto));
    doc.user.push(mine);
    Ok(doc.user.len() - 1)
}

/// Add a person's annotation over the code points `[start, end)`, trimmed of white
/// space. An attribution takes the words as the speaker's name and, when a quote or
/// claim is `active`, becomes its attribution. Words the engine already marked the same
/// way become the person's. Returns the annotation's id.
pub fn add(
    doc: &mut Doc,
    kind: Kind,
    start: usize,
    end: usize,
    active: Option<&str>,
) -> Result<String, String> {
    let len = doc.text.chars().count();
    let (mut s, mut e) = (start.min(len), end.min(len));
    if s > e {
        (s, e) = (e, s);
    }
    let chars: Vec<char> = slice_chars(&doc.text, s, e).chars().collect();
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    let trail = chars[lead..]
        .iter()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count();
    (s, e) = (s + lead, e - trail);
    if s >= e {
        return Err("Select some words of the article first.".into());
    }
    if doc.furniture().iter().any(|&(fs, fe)| fs < e && s < fe) {
        // It would be hidden at once: nothing is annotated outside the article.
        return Err("That text is page furniture, outside the article. Bring its block into the article first (Bring into the article), then mark it.".into());
    }
    let existing = doc
        .annotations()
        .into_iter()
        .find(|a| a.kind == kind && a.start == s && a.end == e);
    let id = match existing {
        Some(same) if same.origin == Origin::User => same.id,
        // The person marked exactly what the engine found: it becomes theirs, as an
        // accept would make it, so it outlives the next analysis (whose ids differ).
        Some(same) => {
            let i = ensure_user(doc, &same.id)?;
            doc.user[i].id.clone()
        }
        None => {
            let id = doc.fresh_id();
            let text = doc.text.clone();
            let mut a = Annotation::new(id.clone(), kind, &text, s, e);
            a.origin = Origin::User;
            if kind == Kind::Attribution {
                a.speaker = Some(a.text.clone());
            }
            doc.user.push(a);
            id
        }
    };
    if kind == Kind::Attribution {
        if let Some(target) = active
            .and_then(|t| doc.find(t))
            .filter(|t| t.kind != Kind::Attribution)
        {
            let i = ensure_user(doc, &target.id)?;
            doc.user[i].attribution = Some(id.clone());
            doc.user[i].speaker = None;
        }
    }
    Ok(id)
}

/// Change the kind of annotation `id`; returns its (possibly new) id.
pub fn set_kind(doc: &mut Doc, id: &str, kind: Kind) -> Result<String, String> {
    if doc.find(id).is_some_and(|a| a.kind == kind) {
        return Ok(id.to_string());
    }
    let i = ensure_user(doc, id)?;
    let a = &mut doc.user[i];
    let was = a.kind;
    a.kind = kind;
    if kind == Kind::Attribution {
        a.speaker = Some(a.text.clone());
        a.attribution = None;
    } else if was == Kind::Attribution {
        a.speaker = None;
        a.cue = None;
    }
    if kind != Kind::Claim {
        a.score = None;
        a.signals = None;
    }
    let new_id = a.id.clone();
    if was == Kind::Attribution {
        for u in &mut doc.user {
            if u.attribution.as_deref() == Some(new_id.as_str()) {
                u.attribution = None;
            }
        }
    }
    Ok(new_id)
}

/// Delete a person's annotation or reject an automatic one.
pub fn delete(doc: &mut Doc, id: &str) -> Result<(), String> {
    let Some(a) = doc.find(id) else {
        return Err("That annotation no longer exists.".into());
    };
    doc.user.retain(|u| u.id != id);
    doc.rejected.push(Rejection::of(&a));
    for u in &mut doc.user {
        if u.attribution.as_deref() == Some(id) {
            u.attribution = None;
        }
    }
    Ok(())
}

/// Attribute the quote or claim `id` to a speaker; returns its (possibly new) id.
pub fn assign_speaker(doc: &mut Doc, id: &str, choice: SpeakerChoice) -> Result<String, String> {
    let Some(target) = doc.find(id) else {
        return Err("That annotation no longer exists.".into());
    };
    if target.kind == Kind::Attribution {
        // A speaker mention names its own speaker (a pronoun resolved to the wrong person).
        let name = match choice {
            SpeakerChoice::Existing(n) | SpeakerChoice::New(n) => n.trim().to_string(),
        };
        if name.is_empty() {
            return Err("A speaker needs a name.".into());
        }
        let i = ensure_user(doc, id)?;
        doc.user[i].speaker = Some(name);
        return Ok(doc.user[i].id.clone());
    }
    let merged = doc.annotations();
    let by_id = index(&merged);
    let (attribution, speaker) = match choice {
        SpeakerChoice::Existing(name) => {
            let nearest = merged
                .iter()
                .filter(|a| {
                    a.kind == Kind::Attribution
                        && speaker_of(a, &by_id).as_deref() == Some(name.as_str())
                })
                .min_by_key(|a| a.start.abs_diff(target.start));
            match nearest {
                Some(a) => (Some(a.id.clone()), None),
                None => (None, Some(name)),
            }
        }
        SpeakerChoice::New(name) => {
            let name = name.trim().to_string();
            if name.is_empty() {
                return Err("Give the new speaker a name.".into());
            }
            (None, Some(name))
        }
    };
    let i = ensure_user(doc, id)?;
    doc.user[i].attribution = attribution;
    doc.user[i].speaker = speaker;
    Ok(doc.user[i].id.clone())
}

/// The speaker a typed `name` stands for: one already in the document (whatever the
/// letter case), or a new one.
pub fn speaker_named(doc: &Doc, name: &str) -> SpeakerChoice {
    let name = name.trim();
    let merged = doc.annotations();
    let by_id = index(&merged);
    merged
        .iter()
        .filter_map(|a| speaker_of(a, &by_id))
        .find(|s| s.to_lowercase() == name.to_lowercase())
        .map_or_else(
            || SpeakerChoice::New(name.to_string()),
            SpeakerChoice::Existing,
        )
}

/// Rename the speaker `from` to `to` everywhere.
pub fn rename_speaker(doc: &mut Doc, from: &str, to: &str) -> Result<(), String> {
    let to = to.trim();
    if to.is_empty() {
        return Err("A speaker needs a name.".into());
    }
    let merged = doc.annotations();
    let by_id = index(&merged);
    let mentions: Vec<String> = merged
        .iter()
        .filter(|a| a.kind == Kind::Attribution && speaker_of(a, &by_id).as_deref() == Some(from))
        .map(|a| a.id.clone())
        .collect();
    for id in mentions {
        let i = ensure_user(doc, &id)?;
        doc.user[i].speaker = Some(to.to_string());
    }
    for u in &mut doc.user {
        if u.kind != Kind::Attribution && u.speaker.as_deref() == Some(from) {
            u.speaker = Some(to.to_string());
        }
    }
    Ok(())
}

//! One chunk of the reading view (see `edit::chunks`): its blocks, with their marks when
//! the chunk is near the screen, else as plain text (furniture still folded, controls
//! still there). The text is only ever inserted as text nodes.

use std::collections::HashMap;
use std::rc::Rc;

use web_sys::MouseEvent;
use yew::prelude::*;

use super::dom_offsets::selection_in;
use super::store::Shared;
use crate::edit::chunks::{BlockPieces, Chunk, Piece};
use crate::edit::layout::Mark;
use crate::edit::page_parts::{selected_lines, Block};
use crate::edit::Doc;
use crate::model::{Annotation, Kind, Origin};

/// Compared by what the chunk shows (see the `PartialEq` below), so a new analysis or a
/// hover re-renders only the chunks it changes.
#[derive(Properties)]
pub struct ChunkProps {
    pub index: usize,
    pub doc: Shared<Doc>,
    pub chunk: Shared<Chunk>,
    pub annotations: Shared<Vec<Annotation>>,
    /// Build the marks (near the screen, or holding the active annotation).
    pub marked: bool,
    /// The lit ids that have a mark in this chunk (so a hover elsewhere changes nothing here).
    pub lit: Rc<Vec<String>>,
    /// The active id, if it has a mark in this chunk.
    pub active: Option<String>,
    /// A page to sort out: article lines get a "push out" control.
    pub page_like: bool,
    /// Each speaker's number, for the marks of their quotes and mentions (derived from
    /// `annotations`, so not compared).
    pub numbers: Rc<HashMap<String, usize>>,
    /// Starts of this chunk's furniture blocks that are unfolded.
    pub unfolded: Rc<Vec<usize>>,
    pub on_fold: Callback<usize>,
    /// Bring the code points `[start, end)` into the article (`true`) or push them out.
    pub on_article: Callback<(usize, usize, bool)>,
}

/// Callbacks are left out: they only dispatch (to the app's reducer, the view's fold
/// state), whichever render made them. A plain chunk shows only its text and furniture
/// folds, so for one the annotations, highlight pieces and lit ids do not count; a
/// marked one is the same when its pieces (shared, made once per layout) are.
impl PartialEq for ChunkProps {
    fn eq(&self, o: &Self) -> bool {
        fn text(p: &ChunkProps) -> Option<&[u8]> {
            let (s, e) = (
                p.chunk.blocks.first().map_or(0, |b| b.bytes.0),
                p.chunk.blocks.last().map_or(0, |b| b.bytes.1),
            );
            p.doc.text.get(s..e).map(str::as_bytes)
        }
        let common = self.index == o.index
            && self.marked == o.marked
            && self.unfolded == o.unfolded
            && text(self) == text(o);
        if !common {
            return false;
        }
        if self.marked {
            self.chunk == o.chunk
                && self.annotations == o.annotations
                && self.lit == o.lit
                && self.active == o.active
                && self.page_like == o.page_like
        } else {
            let (a, b) = (&self.chunk, &o.chunk);
            (a.start, a.end) == (b.start, b.end)
                && a.blocks.len() == b.blocks.len()
                && a.blocks
                    .iter()
                    .zip(&b.blocks)
                    .all(|(x, y)| x.block == y.block && x.bytes == y.bytes)
        }
    }
}

#[function_component(ArticleChunk)]
pub fn article_chunk(p: &ChunkProps) -> Html {
    let text = &p.doc.text;
    let content: Html = if p.marked {
        p.chunk
            .blocks
            .iter()
            .map(|b| {
                let content = b.pieces.iter().map(|piece| marked(p, piece)).collect();
                block(p, b, content)
            })
            .collect()
    } else {
        // Plain: one text node per run of article lines; furniture still folded. The
        // per-paragraph controls come with the marks, once the chunk nears the screen.
        let mut out: Vec<Html> = Vec::new();
        let mut run: Option<(usize, usize)> = None;
        for b in &p.chunk.blocks {
            if b.block.furniture {
                if let Some((s, e)) = run.take() {
                    out.push(html! { {text[s..e].to_string()} });
                }
                let content = html! { {text[b.bytes.0..b.bytes.1].to_string()} };
                out.push(block(p, b, content));
            } else {
                run = Some(run.map_or(b.bytes, |(s, _)| (s, b.bytes.1)));
            }
        }
        if let Some((s, e)) = run {
            out.push(html! { {text[s..e].to_string()} });
        }
        out.into_iter().collect()
    };
    html! {
        // A span (shown as a block): the view holds only spans and buttons.
        <span class="chunk" data-chunk={p.index.to_string()} data-plain={(!p.marked).then_some("")}>
            { content }
        </span>
    }
}

/// A block around its `content`: furniture folds, article lines of a page can be pushed out.
fn block(p: &ChunkProps, b: &BlockPieces, content: Html) -> Html {
    let text = &p.doc.text;
    let (start, end) = (b.block.start, b.block.end);
    if b.block.furniture {
        let open = p.unfolded.contains(&start);
        let label = if open {
            "Fold this page furniture".to_string()
        } else {
            let lines = text[b.bytes.0..b.bytes.1]
                .lines()
                .filter(|l| !l.trim().is_empty())
                .count();
            let s = if lines == 1 { "" } else { "s" };
            format!("Page furniture, {lines} line{s} (menus, links, related stories): show")
        };
        let toggle = p.on_fold.reform(move |_: MouseEvent| start);
        let bring = bring_in(p, b.block);
        // Open, each line can be brought in on its own (furniture holds no marks, so
        // its lines are cut from the text).
        let content = if open {
            furniture_lines(p, start, end, &text[b.bytes.0..b.bytes.1])
        } else {
            content
        };
        // Button labels come from CSS (`data-label`), never text nodes: the view's
        // text must stay exactly the document's for selection offsets.
        html! {
            <span class={classes!("furniture", (!open).then_some("folded"))}>
                <button type="button" class="fold" aria-expanded={open.to_string()}
                    aria-label={label.clone()} data-label={label} onclick={toggle} />
                if open {
                    <button type="button" class="bring-in" aria-label="Bring this block, or the lines selected in it, into the article"
                        data-label="Bring into the article" onclick={bring} />
                }
                <span class="boiler" title="Page furniture (navigation, sharing, related links)">{content}</span>
            </span>
        }
    } else if p.page_like && b.words {
        let push = p
            .on_article
            .reform(move |_: MouseEvent| (start, end, false));
        // `dir="auto"`: each paragraph is ordered by its own first strong letter, so a
        // right-to-left paragraph keeps its quotation marks and highlights where its
        // readers expect them (the view itself stays left to right).
        html! {
            <span class="para" dir="auto">
                <button type="button" class="push-out" aria-label="Push this paragraph out of the article"
                    title="Not part of the article: push it out" data-label="−" onclick={push} />
                {content}
            </span>
        }
    } else if b.words {
        html! { <span class="ln" dir="auto">{content}</span> }
    } else {
        content
    }
}

/// "Bring into the article" of furniture `block`: the lines selected in it, if the
/// person has selected some, else the whole block. What is left of the block after
/// the lines brought in stays open.
fn bring_in(p: &ChunkProps, block: Block) -> Callback<MouseEvent> {
    let (doc, on_article, on_fold) = (p.doc.clone(), p.on_article.clone(), p.on_fold.clone());
    Callback::from(move |_: MouseEvent| {
        let view = gloo::utils::document().get_element_by_id("view");
        let selected = view
            .and_then(|v| selection_in(&v, &doc.text))
            .and_then(|sel| selected_lines(&doc.text, &block, sel));
        let (from, to) = selected.unwrap_or((block.start, block.end));
        if selected.is_some() {
            if let Ok(Some(selection)) = gloo::utils::window().get_selection() {
                let _ = selection.remove_all_ranges();
            }
        }
        on_article.emit((from, to, true));
        if to < block.end {
            on_fold.emit(to);
        }
    })
}

/// The lines of an unfolded furniture block (`text`, code points `[start, end)`), each
/// with a "+" that brings that line alone into the article: a headline or a paragraph
/// among links is taken without the links. The rest of the block stays unfolded.
fn furniture_lines(p: &ChunkProps, start: usize, end: usize, text: &str) -> Html {
    let mut at = start;
    text.split_inclusive('\n')
        .map(|line| {
            let (from, to) = (at, at + line.chars().count());
            at = to;
            if line.trim().is_empty() {
                return html! { {line.to_string()} };
            }
            let (on_article, on_fold) = (p.on_article.clone(), p.on_fold.clone());
            let bring = Callback::from(move |_: MouseEvent| {
                on_article.emit((from, to, true));
                if to < end {
                    // What follows is a block of its own now: it stays open.
                    on_fold.emit(to);
                }
            });
            html! {
                <span class="fline">
                    <button type="button" class="bring-line" aria-label="Bring this line into the article"
                        title="Part of the article: bring this line in" data-label="+" onclick={bring} />
                    {line.to_string()}
                </span>
            }
        })
        .collect()
}

/// One piece of text inside its marks, outermost first.
fn marked(p: &ChunkProps, piece: &Piece) -> Html {
    let annotations = &p.annotations;
    let shown = &p.doc.text[piece.bytes.0..piece.bytes.1];
    let mut inner = html! { {shown.to_string()} };
    let mut holds_focusable = false;
    for layer in piece.segment.layers.iter().rev() {
        let a = &annotations[layer.index];
        let class = classes!(
            "mk",
            format!("mk-{}", layer.mark.class()),
            layer.first.then_some("first"),
            p.lit.contains(&a.id).then_some("lit"),
            (p.active.as_deref() == Some(a.id.as_str())).then_some("active"),
            (a.origin == Origin::User).then_some("mine"),
        );
        let score = (layer.mark == Mark::Claim && layer.first).then(|| {
            a.score
                .map(crate::edit::provenance::percent)
                .unwrap_or_else(|| "?".into())
        });
        let focusable = layer.first && layer.mark != Mark::Cue;
        // The speaker's number and colour (one of eight) on their quotes and mentions.
        let number = (layer.mark != Mark::Cue)
            .then(|| speaker_near(annotations, layer.index))
            .flatten()
            .and_then(|s| p.numbers.get(&s).copied());
        let colour = number.map(|n| ((n - 1) % SPEAKER_COLOURS).to_string());
        let number = number.filter(|_| layer.first).map(|n| n.to_string());
        let title = focusable.then(|| describe(a, layer.mark));
        // A screen reader hears what the highlight is and whose words: "quote by Anna
        // Berg: …". A highlight holding another focusable one (a claim and a quote that
        // start together) is a group, not a button: buttons cannot nest.
        let role = focusable.then_some(if holds_focusable { "group" } else { "button" });
        let name = focusable.then(|| accessible_name(annotations, layer.index, shown));
        holds_focusable |= focusable;
        inner = html! {
            <span class={class} data-id={a.id.clone()} data-score={score} data-sp={number} data-spc={colour} role={role} aria-label={name}
                tabindex={focusable.then_some("0")} title={title}>{inner}</span>
        };
    }
    inner
}

/// Speakers' colours in the stylesheet (`--sp0` to `--sp7`); the number tells apart two
/// speakers that share one.
const SPEAKER_COLOURS: usize = 8;

/// How many annotations either side of a quote its attribution is looked for among
/// (the engine lists them in reading order, a quote's attribution beside it) before the
/// whole list is searched.
const NEAR: usize = 32;

/// The speaker of annotation `i`: its own, else its attribution's.
fn speaker_near(annotations: &[Annotation], i: usize) -> Option<String> {
    let a = &annotations[i];
    if let Some(s) = &a.speaker {
        return Some(s.clone());
    }
    if a.kind == Kind::Attribution {
        return Some(a.text.clone());
    }
    let id = a.attribution.as_deref()?;
    let near = annotations[i.saturating_sub(NEAR)..(i + NEAR).min(annotations.len())].iter();
    let attr = near
        .chain(annotations.iter())
        .find(|x| x.id == id && x.kind == Kind::Attribution)?;
    Some(attr.speaker.clone().unwrap_or_else(|| attr.text.clone()))
}

/// The accessible name of a highlight: its kind, its speaker, whose it is, then the
/// words it `shows` (a name must hold the words a person sees, for speech input).
fn accessible_name(annotations: &[Annotation], i: usize, shows: &str) -> String {
    let a = &annotations[i];
    let speaker = speaker_near(annotations, i);
    let what = match (a.kind, speaker) {
        (Kind::Attribution, Some(s)) => format!("speaker {s}"),
        (Kind::Attribution, None) => "speaker".to_string(),
        (Kind::Quote, Some(s)) => format!("quote by {s}"),
        (Kind::Quote, None) => "quote, no speaker".to_string(),
        (Kind::Claim, Some(s)) => format!("claim by {s}"),
        (Kind::Claim, None) => "claim".to_string(),
    };
    let mine = if a.origin == Origin::User {
        " (yours)"
    } else {
        ""
    };
    // The words without the quotation marks around them (read out as "quote" already).
    let words =
        shows.trim_matches(|c: char| "\"“”„‟«»‹›'‘’‚‛「」『』".contains(c) || c.is_whitespace());
    if words.is_empty() || (a.kind == Kind::Attribution && what.ends_with(words)) {
        return format!("{what}{mine}");
    }
    format!("{what}{mine}: {words}")
}

/// A short tooltip for a mark.
fn describe(a: &Annotation, mark: Mark) -> String {
    let who = if a.origin == Origin::User {
        "yours"
    } else {
        "automatic"
    };
    match (a.kind, mark) {
        (Kind::Claim, _) => match a.score {
            Some(s) => format!(
                "Claim, check-worthiness {} ({who})",
                crate::edit::provenance::percent(s)
            ),
            None => format!("Claim ({who})"),
        },
        (Kind::Quote, _) => format!("Quote ({who})"),
        (Kind::Attribution, _) => {
            format!(
                "Speaker: {} ({who})",
                a.speaker.clone().unwrap_or_else(|| a.text.clone())
            )
        }
    }
}

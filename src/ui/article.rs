//! The reading view: the article as text, with its quotes, speakers, cue words and
//! claims marked. The text is only ever inserted as text nodes.

use std::collections::HashSet;

use web_sys::{FocusEvent, KeyboardEvent, MouseEvent};
use yew::prelude::*;

use super::dom_offsets::annotation_at;
use super::store::Shared;
use crate::edit::article::{blocks, Block};
use crate::edit::layout::{layout, Mark, Segment};
use crate::edit::Doc;
use crate::model::offsets::CharIndex;
use crate::model::{Annotation, Kind, Origin};

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub doc: Shared<Doc>,
    pub annotations: Shared<Vec<Annotation>>,
    pub shown: Vec<Mark>,
    /// Ids lit up together (the hovered or focused annotation and its relatives).
    pub lit: Vec<String>,
    pub active: Option<String>,
    pub on_hover: Callback<Option<String>>,
    pub on_select: Callback<String>,
    /// Bring the code points `[start, end)` into the article (`true`) or push them out.
    pub on_article: Callback<(usize, usize, bool)>,
}

#[function_component(Article)]
pub fn article(p: &ArticleProps) -> Html {
    // The text in blocks (furniture runs, article lines), each with its segments.
    let view = {
        let (doc, annotations, shown) = (p.doc.clone(), p.annotations.clone(), p.shown.clone());
        use_memo(
            (p.doc.clone(), p.annotations.clone(), p.shown.clone()),
            move |_| {
                let ix = CharIndex::new(&doc.text);
                let furniture = doc.furniture();
                let segments = layout(ix.len_chars(), &annotations, &furniture, |m| {
                    shown.contains(&m)
                });
                // Controls only where there is a page to sort out, not on a plain article.
                let page_like = !furniture.is_empty() || !doc.article_choices.is_empty();
                let mut next = 0;
                let blocks = blocks(&doc.text, &furniture)
                    .into_iter()
                    .map(|b| {
                        let mut pieces = Vec::new();
                        while next < segments.len() && segments[next].end <= b.start {
                            next += 1;
                        }
                        let mut k = next;
                        while k < segments.len() && segments[k].start < b.end {
                            let mut s = segments[k].clone();
                            if s.start < b.start {
                                // Continued from the line before: no mark starts here.
                                s.start = b.start;
                                s.layers.iter_mut().for_each(|l| l.first = false);
                            }
                            s.end = s.end.min(b.end);
                            let piece =
                                doc.text[ix.byte_at(s.start)..ix.byte_at(s.end)].to_string();
                            pieces.push((s, piece));
                            k += 1;
                        }
                        let words = pieces.iter().any(|(_, t)| !t.trim().is_empty());
                        (b, words, pieces)
                    })
                    .collect::<Vec<(Block, bool, Vec<(Segment, String)>)>>();
                (page_like, blocks)
            },
        )
    };
    let unfolded = use_state(HashSet::<usize>::new);
    let lit: HashSet<&str> = p.lit.iter().map(String::as_str).collect();
    let on_over = {
        let on = p.on_hover.clone();
        Callback::from(move |e: MouseEvent| {
            on.emit(e.target().and_then(|t| annotation_at(&t)).map(|(_, id)| id))
        })
    };
    let on_leave = {
        let on = p.on_hover.clone();
        Callback::from(move |_: MouseEvent| on.emit(None))
    };
    let on_focus = {
        let on = p.on_hover.clone();
        Callback::from(move |e: FocusEvent| {
            on.emit(e.target().and_then(|t| annotation_at(&t)).map(|(_, id)| id))
        })
    };
    let on_blur = {
        let on = p.on_hover.clone();
        Callback::from(move |_: FocusEvent| on.emit(None))
    };
    let on_click = {
        let on = p.on_select.clone();
        Callback::from(move |e: MouseEvent| {
            let selecting = gloo::utils::window()
                .get_selection()
                .ok()
                .flatten()
                .is_some_and(|s| !s.is_collapsed());
            if selecting {
                return;
            }
            if let Some((_, id)) = e.target().and_then(|t| annotation_at(&t)) {
                on.emit(id);
            }
        })
    };
    let on_key = {
        let on = p.on_select.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                if let Some((_, id)) = e.target().and_then(|t| annotation_at(&t)) {
                    e.prevent_default();
                    on.emit(id);
                }
            }
        })
    };
    let annotations = &p.annotations;
    let segment = |(seg, piece): &(Segment, String)| -> Html {
        let mut inner = html! { {piece.clone()} };
        for layer in seg.layers.iter().rev() {
            let a = &annotations[layer.index];
            let class = classes!(
                "mk",
                format!("mk-{}", layer.mark.class()),
                layer.first.then_some("first"),
                lit.contains(a.id.as_str()).then_some("lit"),
                (p.active.as_deref() == Some(a.id.as_str())).then_some("active"),
                (a.origin == Origin::User).then_some("mine"),
            );
            let score = (layer.mark == Mark::Claim && layer.first).then(|| {
                a.score
                    .map(|s| format!("{:.0}%", s * 100.0))
                    .unwrap_or_else(|| "?".into())
            });
            let focusable = layer.first && layer.mark != Mark::Cue;
            let label = (focusable).then(|| describe(a, layer.mark));
            inner = html! {
                <span class={class} data-id={a.id.clone()} data-score={score}
                    tabindex={focusable.then_some("0")} title={label}>{inner}</span>
            };
        }
        inner
    };
    let (page_like, blocks) = &*view;
    let nodes = blocks.iter().map(|(b, words, pieces)| {
        let content: Html = pieces.iter().map(segment).collect();
        let (start, end) = (b.start, b.end);
        if b.furniture {
            let open = unfolded.contains(&start);
            let lines = pieces
                .iter()
                .map(|(_, t)| t.as_str())
                .collect::<String>()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .count();
            let toggle = {
                let unfolded = unfolded.clone();
                Callback::from(move |_: MouseEvent| {
                    let mut set = (*unfolded).clone();
                    if !set.remove(&start) {
                        set.insert(start);
                    }
                    unfolded.set(set);
                })
            };
            let label = if open {
                "Fold this page furniture".to_string()
            } else {
                let s = if lines == 1 { "" } else { "s" };
                format!("Page furniture, {lines} line{s} (menus, links, related stories): show")
            };
            let bring = p.on_article.reform(move |_: MouseEvent| (start, end, true));
            // Button labels come from CSS (`data-label`), never text nodes: the view's
            // text must stay exactly the document's for selection offsets.
            html! {
                <span class={classes!("furniture", (!open).then_some("folded"))}>
                    <button type="button" class="fold" aria-expanded={open.to_string()}
                        aria-label={label.clone()} data-label={label} onclick={toggle} />
                    if open {
                        <button type="button" class="bring-in" aria-label="Bring this block into the article"
                            data-label="Bring into the article" onclick={bring} />
                    }
                    <span class="boiler" title="Page furniture (navigation, sharing, related links)">{content}</span>
                </span>
            }
        } else if *page_like && *words {
            let push = p.on_article.reform(move |_: MouseEvent| (start, end, false));
            html! {
                <span class="para">
                    <button type="button" class="push-out" aria-label="Push this paragraph out of the article"
                        title="Not part of the article: push it out" data-label="−" onclick={push} />
                    {content}
                </span>
            }
        } else {
            content
        }
    });
    html! {
        <article id="view" class="view" aria-label="Annotated article"
            onmouseover={on_over} onmouseleave={on_leave} onfocusin={on_focus} onfocusout={on_blur}
            onclick={on_click} onkeydown={on_key}>
            { for nodes }
        </article>
    }
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
            Some(s) => format!("Claim, check-worthiness {:.0}% ({who})", s * 100.0),
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

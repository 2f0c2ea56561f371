//! The reading view: the article as text, with its quotes, speakers, cue words and
//! claims marked. The text is only ever inserted as text nodes.

use std::collections::HashSet;

use web_sys::{FocusEvent, KeyboardEvent, MouseEvent};
use yew::prelude::*;

use super::dom_offsets::annotation_at;
use super::store::Shared;
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
}

#[function_component(Article)]
pub fn article(p: &ArticleProps) -> Html {
    let segments = {
        let (doc, annotations, shown) = (p.doc.clone(), p.annotations.clone(), p.shown.clone());
        use_memo(
            (p.doc.clone(), p.annotations.clone(), p.shown.clone()),
            move |_| {
                let ix = CharIndex::new(&doc.text);
                layout(ix.len_chars(), &annotations, &doc.boilerplate, |m| {
                    shown.contains(&m)
                })
                .into_iter()
                .map(|s| {
                    let piece = doc.text[ix.byte_at(s.start)..ix.byte_at(s.end)].to_string();
                    (s, piece)
                })
                .collect::<Vec<(Segment, String)>>()
            },
        )
    };
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
    let nodes = segments.iter().map(|(seg, piece)| {
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
            let score = (layer.mark == Mark::Claim && layer.first)
                .then(|| a.score.map(|s| format!("{:.0}%", s * 100.0)).unwrap_or_else(|| "?".into()));
            let focusable = layer.first && layer.mark != Mark::Cue;
            let label = (focusable).then(|| describe(a, layer.mark));
            inner = html! {
                <span class={class} data-id={a.id.clone()} data-score={score}
                    tabindex={focusable.then_some("0")} title={label}>{inner}</span>
            };
        }
        if seg.boilerplate {
            inner = html! { <span class="boiler" title="Page furniture (navigation, sharing, related links)">{inner}</span> };
        }
        inner
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

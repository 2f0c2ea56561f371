//! "Who said what": totals, a filter, the speakers with their quotes, and the claims.

use std::collections::HashMap;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::store::Shared;
use crate::edit::summary::{summarize, SpeakerGroup, Summary};
use crate::model::{Annotation, Origin};

#[derive(Properties, PartialEq)]
pub struct SidePanelProps {
    pub annotations: Shared<Vec<Annotation>>,
    pub active: Option<String>,
    pub lit: Vec<String>,
    pub analysing: bool,
    pub on_pick: Callback<String>,
    pub on_hover: Callback<Option<String>>,
    /// Each speaker's number (`edit::summary::speaker_numbers`, worked out once by the app).
    pub numbers: Rc<HashMap<String, usize>>,
}

#[function_component(SidePanel)]
pub fn side_panel(p: &SidePanelProps) -> Html {
    let filter = use_state(String::new);
    let summary = {
        let annotations = p.annotations.clone();
        use_memo((p.annotations.clone(), (*filter).clone()), move |(_, f)| {
            summarize(&annotations, f)
        })
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            filter.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let s = &*summary;
    let empty = s.quote_total + s.claim_total + s.speaker_total == 0;
    html! {
        <section class="panel-body" aria-labelledby="panel-title">
            <h2 id="panel-title">{"Who said what"}</h2>
            <dl class="totals" aria-live="polite">
                <div><dt>{"Quotes"}</dt><dd id="total-quotes">{s.quote_total}</dd></div>
                <div><dt>{"Speakers"}</dt><dd id="total-speakers">{s.speaker_total}</dd></div>
                <div><dt>{"Claims"}</dt><dd id="total-claims">{s.claim_total}</dd></div>
            </dl>
            <input type="search" id="panel-filter" class="filter" placeholder="Filter speakers, quotes, claims"
                aria-label="Filter speakers, quotes and claims" value={(*filter).clone()} oninput={on_filter} />
            if p.analysing {
                <p class="muted" role="status">{"Analysing…"}</p>
            } else if empty {
                <p class="muted">{"No quotes or claims found yet. Select words in the article and press Q, C or A to add them."}</p>
            }
            { speaker_list(p, s) }
            if !s.claims.is_empty() {
                { claim_list(p, s) }
            }
        </section>
    }
}

/// The speakers, most quoted first, each with its quotes (within the list's budget),
/// then the quotes nobody said.
fn speaker_list(p: &SidePanelProps, s: &Summary) -> Html {
    html! {
        <ul class="speakers" aria-label="Speakers">
            { for s.speakers.iter().take(MAX_SPEAKERS).scan(MAX_QUOTES, |budget, g| {
                let listed = g.quotes.len().min(MAX_LISTED).min(*budget);
                *budget -= listed;
                Some((g, listed))
            }).map(|(g, listed)| speaker_group(p, g, listed)) }
            if !s.unattributed.is_empty() {
                <li class="speaker unattributed">
                    <div class="speaker-name"><span class="who">{"No speaker"}</span><span class="count">{s.unattributed.len()}</span></div>
                    <ul class="quotes">{ for s.unattributed.iter().take(MAX_LISTED).map(|q| entry(p, q, Html::default())) }{ more(s.unattributed.len(), MAX_LISTED) }</ul>
                </li>
            }
            if s.speakers.len() > MAX_SPEAKERS {
                <li class="more muted">{format!("… and {} more speakers: use the filter to find them", s.speakers.len() - MAX_SPEAKERS)}</li>
            }
        </ul>
    }
}

/// One speaker: a button to its first mention (with its colour's number and its count),
/// and the first `listed` of its quotes.
fn speaker_group(p: &SidePanelProps, g: &SpeakerGroup, listed: usize) -> Html {
    let lit = g.mentions.iter().any(|m| p.lit.contains(m));
    let first = g.mentions.first().cloned();
    let pick = {
        let on = p.on_pick.clone();
        move |_| {
            if let Some(id) = first.clone() {
                on.emit(id)
            }
        }
    };
    html! {
        <li class={classes!("speaker", lit.then_some("lit"))}>
            <button type="button" class="speaker-name" onclick={pick} disabled={g.mentions.is_empty()}>
                if let Some(n) = p.numbers.get(&g.name) {
                    <span class="sp-num" data-spc={((n - 1) % 8).to_string()} aria-hidden="true">{n}</span>
                }
                <span class="who">{g.name.clone()}</span>
                <span class="count" aria-label={format!("{} quotes", g.quotes.len())}>{g.quotes.len()}</span>
            </button>
            if !g.quotes.is_empty() {
                <ul class="quotes">{ for g.quotes.iter().take(listed).map(|q| entry(p, q, Html::default())) }{ more(g.quotes.len(), listed) }</ul>
            }
        </li>
    }
}

/// The claims, most check-worthy first, each with its score.
fn claim_list(p: &SidePanelProps, s: &Summary) -> Html {
    html! {
        <>
            <h3>{"Claims"}<span class="sub">{" most check-worthy first"}</span></h3>
            <ul class="claims" aria-label="Claims">
                { for s.claims.iter().take(MAX_LISTED).map(|c| entry(p, c, html! {
                    <span class="score" aria-label="check-worthiness">
                        { c.score.map(crate::edit::provenance::percent).unwrap_or_else(|| "–".into()) }
                    </span>
                })) }
                { more(s.claims.len(), MAX_LISTED) }
            </ul>
        </>
    }
}

/// One annotation in a list: a button that selects it, and lights it up in the article
/// while hovered or focused; `extra` follows its words (a claim's score).
fn entry(p: &SidePanelProps, a: &Annotation, extra: Html) -> Html {
    let id = a.id.clone();
    let pick = {
        let on = p.on_pick.clone();
        let id = id.clone();
        move |_| on.emit(id.clone())
    };
    let enter = {
        let on = p.on_hover.clone();
        let id = id.clone();
        Callback::from(move |()| on.emit(Some(id.clone())))
    };
    let leave = {
        let on = p.on_hover.clone();
        Callback::from(move |()| on.emit(None))
    };
    let class = classes!(
        "entry",
        format!("entry-{}", a.kind.as_str()),
        (p.active.as_deref() == Some(id.as_str())).then_some("active"),
        p.lit.contains(&id).then_some("lit"),
        (a.origin == Origin::User).then_some("mine"),
    );
    html! {
        <li>
            <button type="button" class={class} data-entry={id.clone()} onclick={pick}
                onmouseenter={enter.reform(|_| ())} onfocus={enter.reform(|_| ())} onmouseleave={leave.reform(|_| ())} onblur={leave.reform(|_| ())}>
                <span class="entry-text">{excerpt(&a.text, 160)}</span>
                {extra}
            </button>
        </li>
    }
}

/// Entries listed per speaker and for the claims, speakers listed, and quotes listed
/// over all speakers: a long document's thousands would make every render of the panel
/// slow; the filter finds the rest.
const MAX_LISTED: usize = 100;
const MAX_SPEAKERS: usize = 100;
const MAX_QUOTES: usize = 200;

/// The note under a list of `total` entries of which `listed` are shown.
fn more(total: usize, listed: usize) -> Html {
    if total <= listed {
        return Html::default();
    }
    html! { <li class="more muted">{format!("… and {} more: use the filter to find them", total - listed)}</li> }
}

/// At most `max` characters of `text`, cut at a word, with an ellipsis.
pub fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(a, _)| a)
        .to_string();
    format!("{cut}…")
}

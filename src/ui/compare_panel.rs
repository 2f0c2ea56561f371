//! Compare mode's panel: "Compare with…" opens another person's file of the same
//! article; then the agreement figures, the differences (each side in words, the side
//! taken), and the keys N / P (next, previous), A / B (take a side) and Esc (done). The
//! comparison and the merge are `edit::compare` and `edit::comparing`; this only shows
//! them and dispatches `Action::Compare`. The view marks every annotation that differs
//! (a `<style>` keyed by id), and the current one is the active annotation.

use gloo::timers::callback::Timeout;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::files::{self, Opened};
use super::hooks::use_keys_first;
use super::scroll::scroll_to;
use crate::edit::compare::{describe, percent, Figure, Side};
use crate::edit::{Action, CompareStep, Comparing};

#[derive(Properties, PartialEq)]
pub struct ComparePanelProps {
    /// Whether the article is in the reading view.
    pub enabled: bool,
    pub comparing: Option<Comparing>,
    pub on_action: Callback<Action>,
}

#[function_component(ComparePanel)]
pub fn compare_panel(p: &ComparePanelProps) -> Html {
    let picker = use_node_ref();
    let step = {
        let on = p.on_action.clone();
        Callback::from(move |s: CompareStep| on.emit(Action::Compare(s)))
    };
    use_compare_keys(step.clone(), p.enabled && p.comparing.is_some());
    let current_id = p
        .comparing
        .as_ref()
        .and_then(|c| c.id_of(c.current).map(str::to_string));
    use_effect_with(current_id, |id| {
        if let Some(id) = id.clone() {
            // After the render that marks it active.
            Timeout::new(0, move || scroll_to(&id)).forget();
        }
    });
    let Some(c) = &p.comparing else {
        return opener(p, picker);
    };
    let n = c.comparison.differences.len();
    let progress = match n {
        0 => "No differences".to_string(),
        n => format!(
            "Difference {} of {n} · {} decided",
            c.current + 1,
            c.decided()
        ),
    };
    let key_button = |label: &str, key: &str, id: &str, s: CompareStep, enabled: bool| {
        let step = step.clone();
        html! {
            <button type="button" class="btn btn-small" id={id.to_string()} disabled={!enabled}
                aria-keyshortcuts={key.to_string()} onclick={move |_| step.emit(s.clone())}>
                {label.to_string()}<kbd>{key.to_string()}</kbd>
            </button>
        }
    };
    let has = n > 0;
    html! {
        <section class="review-bar reviewing compare" id="compare" aria-label="Compare">
            <style>{ marks_css(c) }</style>
            <div class="review-head">
                <h2>{"Compare"}</h2>
                <span id="compare-progress" role="status" aria-live="polite">{progress}</span>
            </div>
            <p class="review-what">{"A: this document. B: "}<strong id="compare-other">{c.other.clone()}</strong>
                {". Differences are outlined in the article; the document shows the merge."}</p>
            { figures_table(c) }
            <div class="review-keys" role="group" aria-label="Compare keys">
                { key_button("Previous", "P", "compare-prev", CompareStep::Previous, has && c.current > 0) }
                { key_button("Next", "N", "compare-next", CompareStep::Next, has && c.current + 1 < n) }
                { key_button("Take A", "A", "compare-take-a", CompareStep::Take(Side::A), has) }
                { key_button("Take B", "B", "compare-take-b", CompareStep::Take(Side::B), has) }
                { key_button("Done", "Esc", "compare-done", CompareStep::Leave, true) }
            </div>
            { differences_list(c, &step) }
        </section>
    }
}

/// The button and the hidden file input, before comparing.
fn opener(p: &ComparePanelProps, picker: NodeRef) -> Html {
    let open = files::picker_opener(&picker);
    let on_pick = {
        let on = p.on_action.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                let on = on.clone();
                wasm_bindgen_futures::spawn_local(async move { on.emit(read_other(file).await) });
            }
            input.set_value("");
        })
    };
    html! {
        <section class="review-bar" aria-label="Compare">
            <button type="button" class="btn" id="compare-open" disabled={!p.enabled} onclick={open}
                title="Open another person's QuoteLens or W3C file of this article: see where you agree and differ, and merge">
                {"Compare with…"}
            </button>
            <input ref={picker} id="compare-picker" type="file" class="visually-hidden" tabindex="-1"
                aria-label="Compare with a file" accept=".json,.jsonld,application/json,application/ld+json" onchange={on_pick} />
        </section>
    }
}

/// The action for a chosen file: compare with it, or say why not.
async fn read_other(file: web_sys::File) -> Action {
    match files::open(file).await {
        Ok(Opened::Json(name, json)) => match crate::formats::import(&name, json.as_bytes()) {
            Ok(doc) => Action::Compare(CompareStep::Start {
                name,
                other: Box::new(doc),
            }),
            Err(e) => Action::Notify(format!("Nothing to compare. {e}")),
        },
        Ok(_) => Action::Notify(
            "Compare with a QuoteLens JSON (.json) or W3C (.jsonld) file of the same article."
                .into(),
        ),
        Err(msg) => Action::Notify(msg),
    }
}

/// F1 per kind and the shares of agreement; counts in each row's tooltip.
fn figures_table(c: &Comparing) -> Html {
    let rows = c.comparison.figures.rows();
    html! {
        <table class="compare-figures" id="compare-figures">
            <thead><tr><th scope="col">{"Agreement"}</th><th scope="col">{"%"}</th></tr></thead>
            <tbody>
                { for rows.iter().map(|row| {
                    let (value, counts) = match row.figure {
                        Figure::Overlap(o) => (percent(o.f1()), format!(
                            "F1. A has {}, B has {}; B found {} of A's, {} of B's lie within A's",
                            o.in_a, o.in_b, o.found, o.within)),
                        Figure::Share(s) => (percent(s.value()), format!("{} of {} agree", s.agree, s.of)),
                    };
                    html! {
                        <tr data-key={row.key} title={counts}>
                            <th scope="row">{row.label}</th><td>{value}</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

fn differences_list(c: &Comparing, step: &Callback<CompareStep>) -> Html {
    let cmp = &c.comparison;
    html! {
        <ol class="compare-list" id="compare-list" aria-label="Differences">
            { for cmp.differences.iter().enumerate().map(|(d, &k)| {
                let pair = &cmp.pairs[k];
                let what: Vec<&str> = pair.differs.iter().map(|x| x.label()).collect();
                let taken = c.choices.get(d).copied().flatten();
                let side = |s: Side| {
                    let class = classes!("compare-side", (taken == Some(s)).then_some("taken"));
                    html! { <span {class}><b>{s.letter()}</b>{" "}{describe(cmp, k, s)}</span> }
                };
                let go = {
                    let step = step.clone();
                    move |_| step.emit(CompareStep::Go(d))
                };
                let current = d == c.current;
                html! {
                    <li class={classes!("compare-item", current.then_some("current"))}
                        aria-current={current.then_some("true")}>
                        <button type="button" class="compare-go" onclick={go}>
                            <span class="compare-what">{what.join(", ")}
                                { taken.map(|s| format!(" · took {}", s.letter())).unwrap_or_default() }</span>
                            { side(Side::A) }{ side(Side::B) }
                        </button>
                    </li>
                }
            }) }
        </ol>
    }
}

/// Outline, in the view, every annotation of the merge that differs between A and B.
fn marks_css(c: &Comparing) -> String {
    let ids: Vec<String> = (0..c.comparison.differences.len())
        .filter_map(|d| c.id_of(d))
        .map(|id| format!("#view .mk[data-id=\"{}\"]", css_escaped(id)))
        .collect();
    if ids.is_empty() {
        return String::new();
    }
    format!(
        "{} {{ outline: 2px dashed var(--compare-diff); outline-offset: 1px; }}",
        ids.join(",")
    )
}

/// `id` inside a CSS string: ids come from files, so everything but letters, digits,
/// `-` and `_` is written as a CSS escape and cannot end the string or the rule.
fn css_escaped(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
    out
}

/// N, P, A, B and Esc while comparing, heard first (capture phase) so that A is not
/// "add a speaker" and Esc not "deselect".
#[hook]
fn use_compare_keys(step: Callback<CompareStep>, enabled: bool) {
    use_keys_first(
        enabled,
        Callback::from(move |e: KeyboardEvent| compare_key_of(&e).map(|s| step.emit(s)).is_some()),
    );
}

/// The compare step a key asks for, without Ctrl, Meta or Alt.
fn compare_key_of(e: &KeyboardEvent) -> Option<CompareStep> {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return None;
    }
    match e.key().to_lowercase().as_str() {
        "n" => Some(CompareStep::Next),
        "p" => Some(CompareStep::Previous),
        "a" => Some(CompareStep::Take(Side::A)),
        "b" => Some(CompareStep::Take(Side::B)),
        "escape" => Some(CompareStep::Leave),
        _ => None,
    }
}

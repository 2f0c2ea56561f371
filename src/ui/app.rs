use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::model::offsets::slice_chars;

#[function_component(App)]
pub fn app() -> Html {
    let text = use_state(String::new);
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    let analysis = crate::analyse(&text);
    let mut pieces = Vec::new();
    let mut at = 0;
    for a in &analysis.annotations {
        if a.start < at {
            continue;
        }
        pieces.push(html! { {slice_chars(&text, at, a.start)} });
        pieces.push(html! { <mark class="hl-quote">{slice_chars(&text, a.start, a.end)}</mark> });
        at = a.end;
    }
    pieces.push(html! { {slice_chars(&text, at, usize::MAX)} });
    html! {
        <main class="app">
            <header class="app-header">
                <h1>{"QuoteLens"}</h1>
                <p class="hint">{"Paste a news article below to see its quotes, speakers and claims. Nothing leaves your browser."}</p>
            </header>
            <textarea id="editor" aria-label="Article text" placeholder="Paste an article here" oninput={on_input} value={(*text).clone()} />
            <section id="view" class="view" aria-label="Annotated article">{ for pieces }</section>
        </main>
    }
}

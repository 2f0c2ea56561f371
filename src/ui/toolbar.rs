//! Above the article: back to editing, adding annotations from a selection, and the
//! legend whose entries switch each kind of highlight on and off.

use yew::prelude::*;

use crate::edit::layout::Mark;
use crate::model::Kind;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub shown: Vec<Mark>,
    pub on_toggle: Callback<Mark>,
    pub on_add: Callback<Kind>,
    pub on_edit: Callback<()>,
}

#[function_component(Toolbar)]
pub fn toolbar(p: &ToolbarProps) -> Html {
    let add = |kind: Kind, label: &str, key: &str| {
        let on = p.on_add.clone();
        html! {
            <button type="button" class={classes!("btn", "btn-add", format!("add-{}", kind.as_str()))}
                id={format!("add-{}", kind.as_str())} title={format!("Mark the selected words ({key})")}
                aria-keyshortcuts={key.to_string()}
                onmousedown={|e: MouseEvent| e.prevent_default()} onclick={move |_| on.emit(kind)}>
                {label.to_string()}<kbd>{key.to_string()}</kbd>
            </button>
        }
    };
    html! {
        <div class="toolbar" role="toolbar" aria-label="Annotate">
            <button type="button" class="btn" id="edit-text" title="Edit the article text (E)"
                onclick={let on = p.on_edit.clone(); move |_| on.emit(())}>{"Edit text"}</button>
            <span class="sep" aria-hidden="true"></span>
            <span class="add-label">{"Add:"}</span>
            { add(Kind::Quote, "Quote", "Q") }
            { add(Kind::Claim, "Claim", "C") }
            { add(Kind::Attribution, "Speaker", "A") }
            <ul class="legend" aria-label="Highlights: show or hide">
                { for Mark::ALL.iter().map(|&m| {
                    let on = p.on_toggle.clone();
                    let pressed = p.shown.contains(&m);
                    html! {
                        <li>
                            <button type="button" class={classes!("legend-item", format!("legend-{}", m.class()))}
                                aria-pressed={pressed.to_string()} title={format!("Show or hide {}", m.label().to_lowercase())}
                                onclick={move |_| on.emit(m)}>
                                <span class={classes!("swatch", format!("mk-{}", m.class()))} aria-hidden="true">{"Ab"}</span>
                                {m.label()}
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

//! Why an annotation was found and how sure the engine is, in plain words.

use yew::prelude::*;

use crate::edit::provenance::{confidence_text, explain};
use crate::model::{Annotation, Kind};

#[derive(Properties, PartialEq)]
pub struct WhyFoundProps {
    pub annotation: Annotation,
}

#[function_component(WhyFound)]
pub fn why_found(p: &WhyFoundProps) -> Html {
    let a = &p.annotation;
    let why = explain(a);
    // A claim's one figure is its check-worthiness (the inspector's claim row): no second
    // percentage beside it.
    let confidence = a.confidence.filter(|_| a.kind != Kind::Claim);
    if why.is_none() && confidence.is_none() {
        return Html::default();
    }
    // The band is named in the text too: colour is never the only signal.
    let band = confidence.map(|c| {
        if c >= 0.8 {
            "conf-high"
        } else if c >= 0.5 {
            "conf-mid"
        } else {
            "conf-low"
        }
    });
    html! {
        <dl class="provenance" id="provenance">
            if let Some(why) = why {
                <div class="insp-row"><dt class="label">{"Why"}</dt><dd class="why" id="why">{why}</dd></div>
            }
            if let Some(c) = confidence {
                <div class="insp-row"><dt class="label">{"Confidence"}</dt>
                    <dd class={classes!("confidence", band)} id="confidence">{confidence_text(c)}</dd></div>
            }
        </dl>
    }
}

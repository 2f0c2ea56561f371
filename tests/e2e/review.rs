//! Trust and review in the browser: why a suggestion was made and how sure it is, the
//! review queue driven by the keyboard alone, and a custom cue word.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use quotelens::edit::provenance::{confidence_text, explain, percent};
use quotelens::edit::review::Review;
use quotelens::edit::{reduce, transfer, Action, ReviewStep, State};
use quotelens::{analyse, Annotation, Kind};
use serde_json::{json, Value};

use crate::harness::{seed_text, Browser};

const POMPEO: &str = "000_0399775715a1bf4a.txt";

/// Press `chord` (keys held down in order, released in reverse) on whatever has focus:
/// keyboard input only, no element is clicked or targeted.
async fn chord(b: &Browser, chord: &[char]) {
    let mut keys = KeyActions::new("keyboard".into());
    for &c in chord {
        keys = keys.then(KeyAction::Down { value: c });
    }
    for &c in chord.iter().rev() {
        keys = keys.then(KeyAction::Up { value: c });
    }
    b.client.perform_actions(keys).await.unwrap();
}

async fn key(b: &Browser, c: char) {
    chord(b, &[c]).await;
}

/// Paste `text` into the empty editor and wait for the reading view and its analysis.
async fn paste_article(b: &Browser, text: &str) {
    b.paste("#editor", text).await;
    b.wait_until(
        "the analysed reading view",
        "document.querySelector('#view .mk') && !document.querySelector('#editor')",
    )
    .await;
}

/// The document as the app holds it after pasting `text` (the app's own reducer, natively).
fn pasted(text: &str) -> State {
    // A pasted text has no marked furniture and no choices: the engine's plain analysis.
    let state = reduce(State::default(), Action::TypeText(text.to_string()));
    let a = analyse(text);
    reduce(
        state,
        Action::Analysed {
            text: text.to_string(),
            annotations: a.annotations,
            furniture: a.furniture,
        },
    )
}

fn current(state: &State) -> Annotation {
    state
        .review
        .as_ref()
        .unwrap()
        .current(&state.doc)
        .unwrap()
        .clone()
}

/// Wait until the queue shows `progress` with the item `id` focused, highlighted and in view.
async fn shows(b: &Browser, progress: &str, id: &str) {
    b.wait_until(
        progress,
        &format!(
            "document.querySelector('#review-progress') && document.querySelector('#review-progress').textContent === {}",
            json!(progress)
        ),
    )
    .await;
    b.wait_until(
        &format!("{id} focused, highlighted and in view"),
        &format!(
            "(el => el && el.dataset.id === {id} && el.classList.contains('active')
                && (r => r.top >= 0 && r.bottom <= innerHeight)(el.getBoundingClientRect()))(document.activeElement)",
            id = json!(id)
        ),
    )
    .await;
}

fn span(a: &Value) -> (String, u64, u64) {
    (
        a["kind"].as_str().unwrap().to_string(),
        a["start"].as_u64().unwrap(),
        a["end"].as_u64().unwrap(),
    )
}

fn span_of(a: &Annotation) -> (String, u64, u64) {
    (a.kind.as_str().to_string(), a.start as u64, a.end as u64)
}

/// A short article whose every annotation carries a rule and a confidence, as a
/// `quotelens/1` file (the browser imports it; the values are the file's, not a guess).
const TEXT: &str = "Bridge to reopen in May\n\nThe minister spoke on Monday. \"We will rebuild the bridge by May,\" said Anna Berg, the minister.\n\nCritics disagreed. \"It cannot be done,\" said Tom Hale. \"Not this year,\" he added.";

fn with_provenance() -> Vec<Annotation> {
    let mut found = analyse(TEXT).annotations;
    let sure = [0.92, 0.64, 0.31, 0.77, 0.55, 0.12, 0.86];
    for (i, a) in found.iter_mut().enumerate() {
        a.rule = Some(
            match a.kind {
                Kind::Quote | Kind::Attribution => "quote-comma-cue-name",
                Kind::Claim => "check-worthy-sentence",
            }
            .into(),
        );
        a.confidence = Some(sure[i % sure.len()]);
        if a.kind == Kind::Attribution && a.text == "he" {
            a.why = Some("pronoun resolved to Tom Hale, 1 sentence back".into());
        }
    }
    found
}

/// Open the `quotelens/1` file for `text` with `annotations` through the file picker.
async fn import(b: &Browser, text: &str, annotations: Vec<Annotation>) {
    let dir = crate::harness::root().join("target").join("e2e-files");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("provenance.quotelens.json");
    std::fs::write(&path, quotelens::Document::new(text, annotations).to_json()).unwrap();
    b.upload("#file-picker", &path).await;
    b.wait_until(
        "the imported article",
        "document.querySelector('#view .mk')",
    )
    .await;
}

#[tokio::test]
async fn a_focused_suggestion_says_why_and_how_sure() {
    let b = Browser::open().await;
    let found = with_provenance();
    import(&b, TEXT, found.clone()).await;
    // Keyboard: Tab to the first highlight, Enter selects it.
    let mut id = Value::Null;
    for _ in 0..40 {
        key(&b, Key::Tab.into()).await;
        id = b
            .eval("document.activeElement.classList.contains('mk') ? document.activeElement.dataset.id : null")
            .await;
        if !id.is_null() {
            break;
        }
    }
    let id = id.as_str().expect("Tab reaches a highlight").to_string();
    key(&b, Key::Enter.into()).await;
    b.wait_for_css("#inspector #confidence").await;
    let a = found.iter().find(|a| a.id == id).unwrap();
    assert_eq!(b.text_of("#inspector #why").await, explain(a).unwrap());
    assert_eq!(
        b.text_of("#inspector #confidence").await,
        confidence_text(a.confidence.unwrap())
    );
    b.screenshot("10-provenance-in-inspector").await;

    each_kind_says_its_own_in_words(&b, &found).await;

    // The review queue starts at the least sure of them.
    let doc = quotelens::edit::Doc {
        text: TEXT.into(),
        auto: found.clone(),
        analysed: true,
        ..Default::default()
    };
    let first = Review::default().current(&doc).unwrap().clone();
    assert_eq!(first.confidence, Some(0.12));
    key(&b, Key::Escape.into()).await;
    key(&b, 'r').await;
    let total = Review::progress(&doc).total;
    shows(&b, &format!("0 of {total} reviewed"), &first.id).await;
    assert_eq!(
        b.text_of("#inspector #confidence").await,
        "12%: doubtful: worth a check"
    );
    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    b.close().await;
}

/// Each kind says its own, in words: a pronoun's resolution too.
async fn each_kind_says_its_own_in_words(b: &Browser, found: &[Annotation]) {
    let he = found.iter().find(|a| a.text == "he").unwrap();
    for a in [he]
        .into_iter()
        .chain(found.iter().filter(|a| a.kind != Kind::Attribution))
    {
        b.eval(&format!(
            "document.querySelector(\"#view .mk.first[data-id='{}']\").focus()",
            a.id
        ))
        .await;
        key(b, Key::Enter.into()).await;
        let c = a.confidence.unwrap();
        let (why, sure) = (explain(a).unwrap(), confidence_text(c));
        // The band has its own look besides the words.
        let band = match c {
            c if c >= 0.8 => "conf-high",
            c if c >= 0.5 => "conf-mid",
            _ => "conf-low",
        };
        b.wait_until(
            &format!("{} says why", a.id),
            &format!(
                "(w => w && w.textContent === {} && (c => c.textContent === {} && c.className === {})(document.querySelector('#inspector #confidence')))(document.querySelector('#inspector #why'))",
                json!(why),
                json!(sure),
                json!(format!("confidence {band}"))
            ),
        )
        .await;
    }
    assert!(explain(he)
        .unwrap()
        .ends_with("pronoun resolved to Tom Hale, 1 sentence back"));
}

#[tokio::test]
async fn the_review_queue_by_keyboard_alone() {
    let b = Browser::open_sized(1280, 700).await;
    let seed = seed_text(POMPEO);
    paste_article(&b, &seed).await;
    // The same steps through the app's reducer natively say what the page must show.
    let mut native = pasted(&seed);
    let total = Review::progress(&native.doc).total;
    assert!(total > 20, "the seed has many suggestions");
    assert_eq!(
        b.text_of(".review-count").await,
        format!("0 of {total} reviewed")
    );

    key(&b, 'r').await;
    native = reduce(native, Action::Review(ReviewStep::Start));
    let first = current(&native);
    shows(&b, &format!("0 of {total} reviewed"), &first.id).await;
    the_least_sure_comes_first_and_says_why(&b, &native, &first).await;
    b.screenshot("11-review-queue").await;

    key(&b, 'y').await;
    native = reduce(native, Action::Review(ReviewStep::Accept));
    let second = current(&native);
    shows(&b, &format!("1 of {total} reviewed"), &second.id).await;

    key(&b, 'n').await;
    native = reduce(native, Action::Review(ReviewStep::Reject));
    let third = current(&native);
    shows(&b, &format!("2 of {total} reviewed"), &third.id).await;
    assert_eq!(
        b.count(&format!("#view [data-id='{}']", second.id)).await,
        0,
        "the rejected suggestion is gone"
    );

    key(&b, Key::Right.into()).await;
    native = reduce(native, Action::Review(ReviewStep::Skip));
    let fourth = current(&native);
    assert_ne!(fourth.id, third.id);
    shows(&b, &format!("2 of {total} reviewed"), &fourth.id).await;

    s_opens_the_speaker_fix(&b).await;
    native = reduce(
        native,
        Action::Review(ReviewStep::Speaker("Jane Roe".into())),
    );
    let fifth = current(&native);
    shows(&b, &format!("3 of {total} reviewed"), &fifth.id).await;

    // Undo reopens the last decision; redo makes it again.
    chord(&b, &[Key::Control.into(), 'z']).await;
    shows(&b, &format!("2 of {total} reviewed"), &fourth.id).await;
    chord(&b, &[Key::Control.into(), Key::Shift.into(), 'z']).await;
    shows(&b, &format!("3 of {total} reviewed"), &fifth.id).await;

    key(&b, Key::Escape.into()).await;
    b.wait_until("the queue closed", "!document.querySelector('#review')")
        .await;
    native = reduce(native, Action::Review(ReviewStep::Stop));

    let bytes = downloaded_by_keyboard(&b).await;
    assert_eq!(
        bytes,
        transfer::export_json(&native.doc),
        "the page made the same decisions as the reducer"
    );
    the_download_holds_each_decision(&bytes, &first, &second, &third, &fourth);
    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    b.close().await;
}

/// The least sure suggestion comes first, and says why and how sure.
async fn the_least_sure_comes_first_and_says_why(b: &Browser, native: &State, first: &Annotation) {
    assert!(native
        .doc
        .auto
        .iter()
        .all(|a| a.confidence >= first.confidence));
    if first.kind == Kind::Claim {
        // A claim shows one figure, its check-worthiness, not a second percentage.
        let score = first.score.expect("a claim is scored");
        let row = b.text_of("#inspector #check-worthiness").await;
        assert!(row.contains(&percent(score)), "{row}");
        assert_eq!(b.count("#inspector #confidence").await, 0);
    } else {
        assert_eq!(
            b.text_of("#inspector #confidence").await,
            confidence_text(first.confidence.expect("the engine says how sure"))
        );
    }
    assert_eq!(b.text_of("#inspector #why").await, explain(first).unwrap());
}

/// S opens the speaker fix with the focus in it; typing a name and Enter saves it.
async fn s_opens_the_speaker_fix(b: &Browser) {
    key(b, 's').await;
    b.wait_until(
        "the speaker field focused",
        "document.activeElement && document.activeElement.id === 'review-speaker'",
    )
    .await;
    b.press(&format!("Jane Roe{}", char::from(Key::Enter)))
        .await;
}

/// Download by keyboard too: focus the button, press Enter.
async fn downloaded_by_keyboard(b: &Browser) -> String {
    b.eval("document.querySelector('#download-json').focus()")
        .await;
    key(b, Key::Enter.into()).await;
    let file = b.downloaded(".quotelens.json").await;

    std::fs::read_to_string(file).unwrap()
}

/// The exported document `bytes` holds each suggestion as the review decided it.
fn the_download_holds_each_decision(
    bytes: &str,
    accepted: &Annotation,
    rejected: &Annotation,
    skipped: &Annotation,
    speaker_fixed: &Annotation,
) {
    let doc: Value = serde_json::from_str(bytes).unwrap();
    let anns = doc["annotations"].as_array().unwrap();
    let find = |a: &Annotation| anns.iter().find(|x| span(x) == span_of(a));
    assert_eq!(find(accepted).expect("accepted")["origin"], "user");
    assert!(find(rejected).is_none(), "rejected");
    assert_eq!(find(skipped).expect("skipped")["origin"], "auto");
    let fixed = find(speaker_fixed).expect("speaker fixed");
    assert_eq!(fixed["origin"], "user");
    let speaker = if speaker_fixed.kind == Kind::Attribution {
        fixed["speaker"].clone()
    } else {
        let attr = fixed["attribution"].as_str();
        match attr {
            Some(id) => anns.iter().find(|x| x["id"] == id).unwrap()["speaker"].clone(),
            None => fixed["speaker"].clone(),
        }
    };
    assert_eq!(speaker, "Jane Roe");
}

#[tokio::test]
async fn a_custom_cue_word_changes_the_analysis_at_once_and_survives_a_reload() {
    // The engine guesses that an unknown past-tense verb beside a quotation is a cue, so
    // the direct quote is attributed either way; the reported speech needs the list.
    let text = "Opening night\n\nThe director, Maria Lopez, watched from the wings. \"The best reviews are the ones you never read,\" she zinged. Later she zinged that the critics would be kind to the cast.";
    let zinged = "[...document.querySelectorAll('#view .mk-cue')].filter(e => e.textContent === 'zinged').length";
    let reported = "[...document.querySelectorAll('#view .mk-claim')].some(e => e.textContent.includes('the critics would be kind'))";
    let b = Browser::open().await;
    paste_article(&b, text).await;
    b.wait_until("the direct quote attributed", &format!("{zinged} === 1"))
        .await;
    assert_eq!(b.eval(reported).await, false);

    b.click("#cue-editor summary").await;
    let input = b.wait_for_css("#cue-new").await;
    input
        .send_keys(&format!("Zinged{}", char::from(Key::Enter)))
        .await
        .unwrap();
    b.wait_until(
        "the reported speech attributed",
        &format!("{zinged} === 2 && {reported}"),
    )
    .await;
    assert_eq!(b.count("#cue-list li.added").await, 1);
    assert!(b.text_of("#cue-list li.added").await.starts_with("zinged"));
    assert_eq!(b.text_of("#cue-changes").await, "Using 1 added.");
    // The claim is attributed to Maria Lopez.
    b.eval("[...document.querySelectorAll('#view .mk-claim.first')].find(e => e.textContent.includes('the critics')).focus()").await;
    key(&b, Key::Enter.into()).await;
    b.wait_until(
        "the claim's speaker",
        "document.querySelector('#speaker-select') && document.querySelector('#speaker-select').selectedOptions[0].textContent === 'Maria Lopez'",
    )
    .await;
    b.screenshot("12-cue-editor").await;

    // The list is saved: after a reload it still applies.
    b.client.refresh().await.unwrap();
    b.wait_until(
        "attributed after the reload",
        &format!("document.querySelector('#view .mk') && {zinged} === 2 && {reported}"),
    )
    .await;

    // Removing the word undoes its effect; adding it back, then resetting, too.
    b.click("#cue-editor summary").await;
    b.click("#cue-list li.added button").await;
    b.wait_until("unattributed", &format!("{zinged} === 1 && !{reported}"))
        .await;
    let input = b.wait_for_css("#cue-new").await;
    input
        .send_keys(&format!("zinged{}", char::from(Key::Enter)))
        .await
        .unwrap();
    b.wait_until("attributed again", &format!("{zinged} === 2"))
        .await;
    b.click("#cue-reset").await;
    b.wait_until(
        "back to the built-in list",
        &format!("{zinged} === 1 && !{reported}"),
    )
    .await;
    assert_eq!(b.count("#cue-list li.added").await, 0);
    assert_eq!(
        b.eval("localStorage.getItem('quotelens.cues.v1')").await,
        Value::Null
    );
    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
    b.close().await;
}

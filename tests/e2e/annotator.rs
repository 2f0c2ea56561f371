//! The annotator as a person uses it: input, highlights, the side panel, corrections,
//! persistence, export and import, keyboard and themes. Screenshots of the main states
//! go to target/screenshots/.

use fantoccini::key::Key;
use fantoccini::Locator;
use quotelens::{analyse, Kind};
use serde_json::Value;

use crate::harness::{scratch, seed_text, Browser};

const POMPEO: &str = "000_0399775715a1bf4a.txt";
const LEYEN: &str = "004_5f6aecae78906b36.txt";

/// A short article whose quotes any engine finds: straight double quotes.
const TEXT: &str = "Bridge to reopen in May\n\nThe minister spoke on Monday. \"We will rebuild the bridge by May,\" said Anna Berg, the minister.\n\nCritics disagreed. \"It cannot be done,\" said Tom Hale. \"Not this year,\" he added.";

fn quotes_in(text: &str) -> usize {
    analyse(text)
        .annotations
        .iter()
        .filter(|a| a.kind == Kind::Quote)
        .count()
}

fn ctrl(key: &str) -> String {
    format!("{}{key}", char::from(Key::Control))
}

fn ctrl_shift(key: &str) -> String {
    format!(
        "{}{}{key}",
        char::from(Key::Control),
        char::from(Key::Shift)
    )
}

/// What `quotelens annotate --format FORMAT -` writes for `text`.
fn cli_export(text: &str, format: &str) -> Vec<u8> {
    let out = crate::common::cli_with_input(&["annotate", "--format", format, "-"], text);
    assert!(out.status.success(), "quotelens annotate --format {format}");
    out.stdout
}

/// Paste `text` into the empty editor and wait for the reading view's highlights.
async fn paste_article(b: &Browser, text: &str) {
    b.paste("#editor", text).await;
    b.wait_until(
        "the reading view",
        "document.querySelector('#view') && !document.querySelector('#editor')",
    )
    .await;
    if quotes_in(text) > 0 {
        b.wait_until("highlights", "document.querySelector('#view .mk-quote')")
            .await;
    }
}

async fn view_text(b: &Browser) -> String {
    b.eval("document.querySelector('#view').textContent")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn notice(b: &Browser) -> String {
    b.wait_until("a notice", "document.querySelector('#notice')")
        .await;
    b.text_of("#notice").await
}

async fn assert_no_console_errors(b: &Browser) {
    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

/// The id of the annotation with mark `class` whose first segment contains `text`.
async fn id_of(b: &Browser, class: &str, text: &str) -> String {
    let v = b
        .eval(&format!(
            "[...document.querySelectorAll('#view .mk-{class}.first')].find(e => e.textContent.includes({})).dataset.id",
            serde_json::json!(text)
        ))
        .await;
    v.as_str()
        .unwrap_or_else(|| panic!("no {class} mark with {text:?}"))
        .to_string()
}

/// The ids of annotations that start in the view with mark `class`.
async fn mark_ids(b: &Browser, class: &str) -> Vec<String> {
    let v = b
        .eval(&format!(
            "[...document.querySelectorAll('#view .mk-{class}.first')].map(e => e.dataset.id)"
        ))
        .await;
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn input_paste_edit_samples_and_files() {
    let b = Browser::open().await;
    b.screenshot("01-empty").await;
    let seed = seed_text(POMPEO);
    paste_article(&b, &seed).await;
    assert_eq!(
        mark_ids(&b, "quote").await.len(),
        quotes_in(&seed),
        "every quote the engine finds is highlighted"
    );
    assert_eq!(
        view_text(&b).await,
        seed,
        "the reading view shows the text exactly"
    );
    b.screenshot("02-reading-view").await;

    editing_is_one_click_away(&b, &seed).await;

    a_dropped_file_opens_as_the_article(&b).await;

    // A sample article, after New asks first.
    b.click("#new-doc").await;
    b.click("#confirm-ok").await;
    b.wait_for_css("#editor").await;
    b.eval("document.querySelectorAll('.sample')[1].click()")
        .await;
    b.wait_until("the second sample", "document.querySelector('#view') && document.querySelector('#view').textContent.includes('Ursula von der Leyen')").await;
    assert_eq!(view_text(&b).await, seed_text(LEYEN));

    let shown = an_html_file_becomes_its_readable_text(&b).await;

    unreadable_files_change_nothing(&b, &shown).await;
    assert_no_console_errors(&b).await;
    b.close().await;
}

/// Editing is one click away, and typing is analysed by itself.
async fn editing_is_one_click_away(b: &Browser, seed: &str) {
    b.click("#edit-text").await;
    assert_eq!(
        b.eval("document.querySelector('#editor').value").await,
        Value::String(seed.to_string())
    );
    let editor = b.wait_for_css("#editor").await;
    editor.clear().await.unwrap();
    editor
        .send_keys("Storm news\n\nThe mayor spoke. \"Typed at the very end,\" she said.")
        .await
        .unwrap();
    b.wait_until(
        "the typed quote in the side panel",
        "[...document.querySelectorAll('.entry')].some(e => e.textContent.includes('Typed at the very end'))",
    )
    .await;
    b.screenshot("03-editing-with-panel").await;
    b.click("#done-editing").await;
    b.wait_until("the typed quote highlighted", "[...document.querySelectorAll('#view .mk-quote')].some(e => e.textContent.includes('Typed at the very end'))").await;
}

/// A file dropped on the editor opens as the article.
async fn a_dropped_file_opens_as_the_article(b: &Browser) {
    b.click("#new-doc").await;
    b.click("#confirm-ok").await;
    b.wait_for_css("#editor").await;
    b.eval(
        "(() => { const dt = new DataTransfer();
           dt.items.add(new File(['Flood update\\n\\n\"The water is falling,\" the mayor said.'], 'dropped.md', {type: 'text/markdown'}));
           document.querySelector('.input').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
           return true; })()",
    )
    .await;
    b.wait_until(
        "the dropped file",
        "document.querySelector('#view') && document.querySelector('#view').textContent.includes('The water is falling')",
    )
    .await;
    assert_eq!(
        view_text(b).await,
        "Flood update\n\n\"The water is falling,\" the mayor said."
    );
}

/// An HTML file becomes its readable text: no script, no style. Returns the text shown.
async fn an_html_file_becomes_its_readable_text(b: &Browser) -> String {
    let body =
        "<p>Engineers inspected the dam on the river for the whole of Tuesday after the storm \
        passed, walking its length and testing the spillways one by one.</p>";
    let page = format!(
        "<!doctype html><html><head><title>Dam report</title><style>.x{{color:red}}</style>\
         <script>var secret = 1;</script></head><body><nav><a href='/'>Home</a> | <a href='/w'>World</a></nav>\
         <article><h1>Dam holds after storm</h1>{body}{body}\
         <p>The engineer said: \"The dam is safe.\"</p>{body}\
         <p>Residents were relieved.<script>alert('no')</script></p>{body}</article>\
         <footer>Copyright</footer></body></html>"
    );
    let html = scratch("article.html", page.as_bytes());
    b.upload("#file-picker", &html).await;
    b.wait_until(
        "the HTML article",
        "document.querySelector('#view').textContent.includes('Residents were relieved')",
    )
    .await;
    // What is visible: the page's furniture (navigation, footer) is folded away.
    let visible = "document.querySelector('#view').innerText";
    let shown = b.eval(visible).await.as_str().unwrap().to_string();
    assert!(
        shown.contains("The engineer said: \"The dam is safe.\""),
        "{shown}"
    );
    assert!(
        shown.contains("\n\nResidents were relieved."),
        "paragraphs stay apart: {shown:?}"
    );
    for absent in ["secret", "color:red", "alert", "Home | World", "<p>"] {
        assert!(
            !shown.contains(absent),
            "{absent:?} must not be shown: {shown}"
        );
    }
    shown
}

/// A binary file or an unknown type gets a clear message and changes nothing.
async fn unreadable_files_change_nothing(b: &Browser, shown: &str) {
    let visible = "document.querySelector('#view').innerText";
    let binary = scratch(
        "photo.txt",
        &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe],
    );
    b.upload("#file-picker", &binary).await;
    assert!(notice(b).await.contains("does not look like text"));
    assert_eq!(b.eval(visible).await.as_str().unwrap(), shown);
    let pdf = scratch("paper.pdf", b"%PDF-1.4");
    b.upload("#file-picker", &pdf).await;
    b.wait_until(
        "the type message",
        "document.querySelector('#notice').textContent.includes('is not a text')",
    )
    .await;
    assert_eq!(b.eval(visible).await.as_str().unwrap(), shown);
}

#[tokio::test]
async fn bad_text_input_gets_a_message_and_loses_nothing() {
    let b = Browser::open().await;
    // Blank text: nothing to read yet, no error.
    b.paste("#editor", "   \n  ").await;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert_eq!(b.count("#editor").await, 1);
    assert_eq!(b.count("#view").await, 0);
    // Huge text (over the 2,000,000 characters the app analyses): kept and shown, not
    // analysed, with a message.
    let huge = "word. ".repeat(340_000) + "\"The end,\" she said.";
    b.paste("#editor", &huge).await;
    b.wait_until("the huge text", "document.querySelector('#view')")
        .await;
    assert!(notice(&b).await.contains("too long to analyse"));
    // The blank text pasted first is kept too: nothing typed or pasted is lost.
    let len = b
        .eval("document.querySelector('#view').textContent.length")
        .await;
    assert_eq!(len.as_u64().unwrap() as usize, "   \n  ".len() + huge.len());
    assert_no_console_errors(&b).await;
    b.close().await;
}

#[tokio::test]
async fn highlights_have_a_second_signal_toggles_and_linked_hover() {
    let b = Browser::open().await;
    paste_article(&b, TEXT).await;
    let quotes = mark_ids(&b, "quote").await;
    assert_eq!(quotes.len(), quotes_in(TEXT));

    // Mark "Tom Hale" as the speaker of the second quote, and add a claim.
    b.click(&format!("#view .mk-quote.first[data-id='{}']", quotes[1]))
        .await;
    b.select_text("#view", "Tom Hale").await;
    b.press("a").await;
    b.wait_until("the speaker mark", "[...document.querySelectorAll('#view .mk-speaker')].some(e => e.textContent === 'Tom Hale')").await;
    b.select_text("#view", "Critics disagreed.").await;
    b.press("c").await;
    b.wait_until(
        "the claim mark",
        "document.querySelector('#view .mk-claim')",
    )
    .await;
    b.press(&Key::Escape.to_string()).await;

    colour_is_never_the_only_signal(&b).await;

    hovering_a_quote_lights_its_speaker_and_the_reverse(&b).await;

    the_legend_switches_each_kind_off_and_on(&b).await;
    assert_no_console_errors(&b).await;
    b.close().await;
}

/// Colour is never the only signal.
async fn colour_is_never_the_only_signal(b: &Browser) {
    let style =
        |css: &str, prop: &str| format!("getComputedStyle(document.querySelector('{css}')).{prop}");
    assert_eq!(
        b.eval(&style("#view .mk-quote", "borderBottomStyle")).await,
        "solid"
    );
    assert_eq!(
        b.eval(&style("#view .mk-claim", "borderBottomStyle")).await,
        "dashed"
    );
    assert_ne!(
        b.eval(&style("#view .mk-speaker", "boxShadow")).await,
        "none"
    );
    assert_eq!(
        b.eval(&style("#view .mk-speaker", "fontWeight")).await,
        "600"
    );
    // A claim's score badge is visible (a person's claim has no score yet: "?").
    let badges = b
        .eval(
            "[...document.querySelectorAll('#view .mk-claim.first')]
                .map(e => [e.classList.contains('mine'), getComputedStyle(e, '::before').content])",
        )
        .await;
    for pair in badges.as_array().unwrap() {
        let (mine, content) = (pair[0] == true, pair[1].as_str().unwrap());
        if mine {
            assert_eq!(content, "\"?\"");
        } else {
            assert!(
                content.ends_with("%\"") && content.len() <= 6,
                "a score badge: {content}"
            );
        }
    }
}

/// Hovering a quote lights up its speaker, and the reverse.
async fn hovering_a_quote_lights_its_speaker_and_the_reverse(b: &Browser) {
    let quote = id_of(b, "quote", "It cannot be done").await;
    let speaker_id = b.eval("[...document.querySelectorAll('#view .mk-speaker')].find(e => e.textContent === 'Tom Hale').dataset.id").await;
    let hover = |css: String| {
        format!("document.querySelector(\"{css}\").dispatchEvent(new MouseEvent('mouseover', {{bubbles: true}}))")
    };
    b.eval(&hover(format!(
        "#view .mk-quote.first[data-id='{}']",
        quote
    )))
    .await;
    b.wait_until(
        "the speaker lit",
        &format!(
            "document.querySelector(\"#view .mk-speaker.lit[data-id='{}']\")",
            speaker_id.as_str().unwrap()
        ),
    )
    .await;
    b.screenshot("04-hover-links-quote-and-speaker").await;
    b.eval("document.querySelector('#view').dispatchEvent(new MouseEvent('mouseleave'))")
        .await;
    b.eval(&hover(format!(
        "#view .mk-speaker[data-id='{}']",
        speaker_id.as_str().unwrap()
    )))
    .await;
    b.wait_until(
        "the quote lit",
        &format!(
            "document.querySelector(\"#view .mk-quote.lit[data-id='{}']\")",
            quote
        ),
    )
    .await;
    assert_eq!(
        b.count(&format!("#view .mk-quote.lit:not([data-id='{}'])", quote))
            .await,
        0,
        "only its own quotes light up"
    );
}

/// The legend switches each kind off and on.
async fn the_legend_switches_each_kind_off_and_on(b: &Browser) {
    b.click(".legend-quote").await;
    b.wait_until(
        "quotes hidden",
        "document.querySelectorAll('#view .mk-quote').length === 0",
    )
    .await;
    assert_eq!(
        b.eval("document.querySelector('.legend-quote').getAttribute('aria-pressed')")
            .await,
        "false"
    );
    assert_eq!(view_text(b).await, TEXT, "hiding highlights keeps the text");
    b.click(".legend-quote").await;
    b.wait_until(
        "quotes shown",
        "document.querySelectorAll('#view .mk-quote').length > 0",
    )
    .await;
    b.click(".legend-claim").await;
    b.wait_until(
        "claims hidden",
        "document.querySelectorAll('#view .mk-claim').length === 0",
    )
    .await;
}

#[tokio::test]
async fn side_panel_totals_filter_and_jump() {
    let b = Browser::open_sized(1280, 700).await;
    let seed = seed_text(POMPEO);
    paste_article(&b, &seed).await;
    let merged = analyse(&seed).annotations;
    let summary = quotelens::edit::summary::summarize(&merged, "");
    assert_eq!(
        b.text_of("#total-quotes").await,
        summary.quote_total.to_string()
    );
    assert_eq!(
        b.text_of("#total-claims").await,
        summary.claim_total.to_string()
    );
    assert_eq!(
        b.text_of("#total-speakers").await,
        summary.speaker_total.to_string()
    );
    let entries = b.count(".panel .entry").await;
    assert_eq!(entries, summary.quote_total + summary.claim_total);

    // Clicking the last entry scrolls to it in the article and selects it.
    let id = b
        .eval("[...document.querySelectorAll('.panel .entry')].pop().dataset.entry")
        .await;
    let id = id.as_str().unwrap().to_string();
    b.eval("[...document.querySelectorAll('.panel .entry')].pop().click()")
        .await;
    let mark = format!("#view .mk.first[data-id='{id}']");
    b.wait_until(
        "the mark selected",
        &format!("document.querySelector(\"{mark}.active\")"),
    )
    .await;
    b.wait_until(
        "the mark in view",
        &format!("(r => r.top >= 0 && r.bottom <= innerHeight)(document.querySelector(\"{mark}\").getBoundingClientRect())"),
    )
    .await;
    assert_eq!(b.count("#inspector").await, 1);
    b.screenshot("05-selected-from-panel").await;

    // The filter narrows the lists, not the totals.
    let word = "consequences";
    b.wait_for_css("#panel-filter")
        .await
        .send_keys(word)
        .await
        .unwrap();
    b.wait_until(
        "filtered",
        &format!("document.querySelectorAll('.panel .entry').length < {entries}"),
    )
    .await;
    let shown = b.eval("[...document.querySelectorAll('.panel .entry')].map(e => e.textContent.toLowerCase().includes('consequences'))").await;
    assert!(
        shown.as_array().unwrap().iter().all(|v| v == true),
        "{shown}"
    );
    assert_eq!(
        b.text_of("#total-quotes").await,
        summary.quote_total.to_string()
    );
    b.wait_for_css("#panel-filter")
        .await
        .send_keys("zzzz")
        .await
        .unwrap();
    b.wait_until(
        "nothing matches",
        "document.querySelectorAll('.panel .entry').length === 0",
    )
    .await;
    assert_no_console_errors(&b).await;
    b.close().await;
}

/// The first highlight of the quote with id `id`.
fn quote_sel(id: &str) -> String {
    format!("#view .mk-quote.first[data-id='{id}']")
}

#[tokio::test]
async fn corrections_with_toolbar_keys_and_undo() {
    let b = Browser::open().await;
    paste_article(&b, TEXT).await;
    let quotes = mark_ids(&b, "quote").await;
    assert!(quotes.len() >= 3, "three quotes in {TEXT}");

    add_a_claim_then_undo_and_redo(&b).await;

    // Reject an automatic quote with Delete.
    b.click(&quote_sel(&quotes[0])).await;
    b.wait_until("inspector", "document.querySelector('#inspector')")
        .await;
    assert!(b
        .text_of("#inspector")
        .await
        .contains("found automatically"));
    b.screenshot("06-inspector").await;
    b.press(&Key::Delete.to_string()).await;
    b.wait_until(
        "rejected",
        &format!("!document.querySelector(\"{}\")", quote_sel(&quotes[0])),
    )
    .await;

    mark_a_speaker_then_rename_them(&b, &quotes[1]).await;

    move_a_quote_to_a_new_speaker_and_back(&b).await;

    // Change the claim's kind to a quote.
    b.click("#view .mk-claim.first").await;
    b.click("#inspector .kinds button:nth-child(1)").await;
    b.wait_until("now a quote", "[...document.querySelectorAll('#view .mk-quote.mine')].some(e => e.textContent === 'Critics disagreed.')").await;

    accept_the_rest_and_export_says_who_made_what(&b, quotes.len()).await;
    assert_no_console_errors(&b).await;
    b.close().await;
}

/// Add a claim with the toolbar; undo and redo it with the keyboard.
async fn add_a_claim_then_undo_and_redo(b: &Browser) {
    b.select_text("#view", "Critics disagreed.").await;
    b.click("#add-claim").await;
    b.wait_until(
        "the claim",
        "document.querySelector('#view .mk-claim.mine')",
    )
    .await;
    assert_eq!(
        b.text_of("#view .mk-claim.mine").await,
        "Critics disagreed."
    );
    assert!(b.text_of("#inspector").await.contains("yours"));
    b.press(&ctrl("z")).await;
    b.wait_until("undone", "!document.querySelector('#view .mk-claim')")
        .await;
    b.press(&ctrl_shift("z")).await;
    b.wait_until("redone", "document.querySelector('#view .mk-claim.mine')")
        .await;
}

/// Mark a speaker for the second quote, then rename them.
async fn mark_a_speaker_then_rename_them(b: &Browser, quote: &str) {
    b.click(&quote_sel(quote)).await;
    b.select_text("#view", "Tom Hale").await;
    b.press("a").await;
    b.wait_until(
        "speaker in panel",
        "[...document.querySelectorAll('.panel .who')].some(e => e.textContent === 'Tom Hale')",
    )
    .await;
    let tom = id_of(b, "speaker", "Tom Hale").await;
    b.click(&format!("#view .mk-speaker.first[data-id='{tom}']"))
        .await;
    let name = b.wait_for_css("#speaker-name").await;
    name.clear().await.unwrap();
    name.send_keys(&format!("Thomas Hale{}", char::from(Key::Enter)))
        .await
        .unwrap();
    b.wait_until(
        "renamed",
        "[...document.querySelectorAll('.panel .who')].some(e => e.textContent === 'Thomas Hale')",
    )
    .await;
}

/// Move the third quote to a new speaker.
async fn move_a_quote_to_a_new_speaker_and_back(b: &Browser) {
    b.click(&quote_sel(&id_of(b, "quote", "Not this year").await))
        .await;
    b.wait_for_css("#speaker-select")
        .await
        .select_by_value("\u{1}new")
        .await
        .unwrap();
    let name = b.wait_for_css("#speaker-name").await;
    name.send_keys(&format!("A critic{}", char::from(Key::Enter)))
        .await
        .unwrap();
    b.wait_until(
        "new speaker",
        "[...document.querySelectorAll('.panel .who')].some(e => e.textContent === 'A critic')",
    )
    .await;
    // ...and back to an existing one.
    b.wait_for_css("#speaker-select")
        .await
        .select_by_value("Thomas Hale")
        .await
        .unwrap();
    b.wait_until("moved back", "[...document.querySelectorAll('.panel .speaker')].some(s => s.querySelector('.who').textContent === 'Thomas Hale' && s.querySelector('.count').textContent === '2')").await;
}

/// Accept what is left automatic: the export says who made what.
async fn accept_the_rest_and_export_says_who_made_what(b: &Browser, quotes: usize) {
    let auto_left = b.eval("[...document.querySelectorAll('#view .mk-quote.first:not(.mine)')].map(e => e.dataset.id)").await;
    for id in auto_left.as_array().unwrap() {
        b.click(&quote_sel(id.as_str().unwrap())).await;
        b.click("#accept").await;
    }
    b.wait_until(
        "all mine",
        "document.querySelectorAll('#view .mk-quote.first:not(.mine)').length === 0",
    )
    .await;
    b.click("#download-json").await;
    let file = b.downloaded(".quotelens.json").await;
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let anns = doc["annotations"].as_array().unwrap();
    let quotes_out: Vec<&Value> = anns.iter().filter(|a| a["kind"] == "quote").collect();
    assert_eq!(quotes_out.len(), quotes, "one rejected, one added");
    assert!(quotes_out.iter().all(|a| a["origin"] == "user"));
    assert!(anns
        .iter()
        .any(|a| a["kind"] == "attribution" && a["speaker"] == "Thomas Hale"));
    assert!(!anns
        .iter()
        .any(|a| a["text"] == "\"We will rebuild the bridge by May,\""));
}

#[tokio::test]
async fn autosave_restores_after_reload_and_new_asks_first() {
    let b = Browser::open().await;
    paste_article(&b, TEXT).await;
    b.select_text("#view", "Critics disagreed.").await;
    b.press("c").await;
    b.wait_until(
        "the claim",
        "document.querySelector('#view .mk-claim.mine')",
    )
    .await;
    b.client.refresh().await.unwrap();
    // The person's claim at once, the engine's marks once the text is analysed again.
    b.wait_until(
        "restored and analysed",
        "document.querySelector('#view .mk-claim.mine') && document.querySelector('#view .mk-quote')",
    )
    .await;
    assert_eq!(view_text(&b).await, TEXT);
    assert_eq!(
        b.text_of("#view .mk-claim.mine").await,
        "Critics disagreed."
    );

    b.click("#new-doc").await;
    b.wait_for_css("#confirm").await;
    b.screenshot("07-confirm-new").await;
    b.click("#confirm-cancel").await;
    assert_eq!(b.count("#confirm").await, 0);
    assert_eq!(view_text(&b).await, TEXT, "cancel keeps everything");
    b.click("#new-doc").await;
    b.click("#confirm-ok").await;
    b.wait_for_css("#editor").await;
    assert_eq!(b.eval("document.querySelector('#editor').value").await, "");
    b.client.refresh().await.unwrap();
    b.wait_for_css("#editor").await;
    assert_eq!(
        b.count("#view").await,
        0,
        "the discarded document stays discarded"
    );
    assert_no_console_errors(&b).await;
    b.close().await;
}

#[tokio::test]
async fn export_matches_the_command_line_and_import_resumes_review() {
    let b = Browser::open().await;
    let seed = seed_text(POMPEO);
    paste_article(&b, &seed).await;
    b.click("#download-json").await;
    let path = b.downloaded(".quotelens.json").await;
    // Named from the headline: the article's first line of four words, furniture left out.
    let stem =
        quotelens::edit::transfer::article_file_stem(&seed, &quotelens::analyse(&seed).furniture);
    assert_eq!(
        path.file_name().unwrap().to_string_lossy(),
        format!("{stem}.quotelens.json")
    );
    let bytes = std::fs::read_to_string(&path).unwrap();
    // The command line, given the same text, writes the same bytes.
    assert_eq!(
        bytes,
        String::from_utf8(cli_export(&seed, "native")).unwrap(),
        "app and CLI export the same bytes"
    );

    the_other_formats_are_the_command_lines(&b, &seed, &path).await;

    // Copy JSON puts the same bytes on the clipboard.
    b.click("#copy-json").await;
    b.wait_until("copied", "document.querySelector('#notice') && document.querySelector('#notice').textContent.includes('Copied')").await;
    let clip = b
        .eval_async(
            "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('error: ' + e))",
        )
        .await;
    assert_eq!(clip.as_str().unwrap(), bytes);

    let reviewed = import_resumes_review(&b, &seed, &path).await;

    a_bad_file_changes_nothing(&b, &seed, &reviewed).await;
    assert_no_console_errors(&b).await;
    b.close().await;
}

/// The other formats, from the menu, are the command line's too.
async fn the_other_formats_are_the_command_lines(b: &Browser, seed: &str, path: &std::path::Path) {
    let stem = path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .replace(".quotelens.json", "");
    for (format, suffix) in [("w3c", ".jsonld"), ("csv", ".csv")] {
        b.click("#more-formats summary").await;
        b.click(&format!("#export-{format}")).await;
        let file = b.downloaded(suffix).await;
        assert_eq!(
            file.file_name().unwrap().to_string_lossy(),
            format!("{stem}{suffix}")
        );
        assert_eq!(
            std::fs::read(&file).unwrap(),
            cli_export(seed, format),
            "{format}"
        );
    }
    b.click("#more-formats summary").await;
    b.click("#export-brat").await;
    let ann = std::fs::read_to_string(b.downloaded(".ann").await).unwrap();
    assert!(
        ann.lines().any(|l| l.starts_with('T')),
        "brat text-bound annotations"
    );
    let txt = b.downloaded(&format!("{stem}.txt")).await;
    assert_eq!(std::fs::read_to_string(txt).unwrap(), seed);
}

/// Review: add a claim, export, start over, import, and the review is back. Returns
/// the reviewed document exported.
async fn import_resumes_review(b: &Browser, seed: &str, path: &std::path::Path) -> String {
    b.select_text("#view", "malicious cyber activity").await;
    b.press("c").await;
    b.wait_until("speaker", "document.querySelector('#view .mk-claim.mine')")
        .await;
    std::fs::remove_file(path).unwrap();
    b.click("#download-json").await;
    let reviewed_path = b.downloaded(".quotelens.json").await;
    let reviewed = std::fs::read_to_string(&reviewed_path).unwrap();
    assert!(reviewed.contains("\"text\": \"malicious cyber activity\""));
    let keep = scratch("reviewed.quotelens.json", reviewed.as_bytes());
    std::fs::remove_file(&reviewed_path).unwrap();

    b.click("#new-doc").await;
    b.click("#confirm-ok").await;
    b.wait_for_css("#editor").await;
    b.upload("#file-picker", &keep).await;
    b.wait_until("imported", "document.querySelector('#view .mk-claim.mine')")
        .await;
    assert_eq!(view_text(b).await, seed);
    b.click("#download-json").await;
    let again = std::fs::read_to_string(b.downloaded(".quotelens.json").await).unwrap();
    assert_eq!(
        again, reviewed,
        "import then export gives back the same file"
    );
    reviewed
}

/// A bad file gets a clear message and changes nothing.
async fn a_bad_file_changes_nothing(b: &Browser, seed: &str, reviewed: &str) {
    let mut tampered: Value = serde_json::from_str(reviewed).unwrap();
    let first = &mut tampered["annotations"][0];
    first["start"] = (first["start"].as_u64().unwrap() + 1).into();
    first["end"] = (first["end"].as_u64().unwrap() + 1).into();
    let shifted = serde_json::to_string_pretty(&tampered).unwrap();
    for (name, body, says) in [
        (
            "broken.quotelens.json",
            "{\"format\": \"quotelens/1\", \"text\": ",
            "not valid JSON",
        ),
        ("other.quotelens.json", "{\"format\": \"brat\"}", "format"),
        ("shifted.quotelens.json", &shifted, "annotations[0]"),
    ] {
        b.upload("#file-picker", &scratch(name, body.as_bytes()))
            .await;
        b.wait_until(says, &format!("document.querySelector('#notice') && document.querySelector('#notice').textContent.includes('{says}')")).await;
        assert!(b.text_of("#notice").await.contains("Nothing was imported"));
        assert_eq!(view_text(b).await, seed);
        assert_eq!(b.count("#view .mk-claim.mine").await, 1);
    }
}

#[tokio::test]
async fn keyboard_themes_contrast_and_phone_layout() {
    let b = Browser::open().await;
    paste_article(&b, TEXT).await;
    // Keyboard only: Tab reaches a highlight, its focus is visible, Enter selects it.
    let mut reached = false;
    for _ in 0..30 {
        b.press(&Key::Tab.to_string()).await;
        if b.eval("document.activeElement.classList.contains('mk-quote')")
            .await
            == true
        {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab reaches the first quote");
    assert_ne!(
        b.eval("getComputedStyle(document.activeElement).outlineStyle")
            .await,
        "none",
        "focus is visible"
    );
    b.press(&Key::Enter.to_string()).await;
    b.wait_for_css("#inspector").await;
    assert!(
        b.count("[role=toolbar][aria-label]").await == 1 && b.count("#view[aria-label]").await == 1
    );

    // Text contrast meets WCAG AA in both themes.
    let contrast = "(() => {
        const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const bg = el => { while (el) { const c = getComputedStyle(el).backgroundColor; if (!c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') return c; el = el.parentElement; } return 'rgb(255,255,255)'; };
        const worst = [];
        for (const sel of ['#view', '#view .mk-quote', '#view .mk-speaker', '#view .mk-cue', '#view .mk-claim', '.hint', '.totals dt', '.entry', '.btn', '.legend-item', '.origin', '.muted']) {
          for (const el of document.querySelectorAll(sel)) {
            const a = lum(getComputedStyle(el).color), b = lum(bg(el));
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) worst.push(sel + ' ' + ratio.toFixed(2));
            break;
          }
        }
        return worst;
    })()";
    assert_eq!(b.eval(contrast).await, serde_json::json!([]), "light theme");
    b.click("#theme-toggle").await;
    b.wait_until("dark", "document.documentElement.dataset.theme === 'dark'")
        .await;
    // Let the highlight colour transitions finish.
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert_eq!(b.eval(contrast).await, serde_json::json!([]), "dark theme");
    b.screenshot("08-dark-theme").await;
    b.client.refresh().await.unwrap();
    b.wait_until(
        "dark after reload",
        "document.documentElement.dataset.theme === 'dark' && document.querySelector('#view')",
    )
    .await;
    assert_no_console_errors(&b).await;
    b.close().await;

    // A 360 px phone: nothing overflows sideways, the panel follows the article.
    let b = Browser::open_sized(500, 780).await;
    b.emulate_viewport(360, 780).await;
    paste_article(&b, &seed_text(POMPEO)).await;
    assert_eq!(b.eval("innerWidth").await, 360);
    assert_eq!(
        b.eval("document.documentElement.scrollWidth <= innerWidth")
            .await,
        true,
        "no sideways scrolling"
    );
    assert_eq!(b.eval("document.querySelector('.panel').getBoundingClientRect().top >= document.querySelector('#view').getBoundingClientRect().bottom - 1").await, true);
    b.screenshot("09-phone").await;
    b.client.find(Locator::Css(".panel")).await.unwrap();
    assert_no_console_errors(&b).await;
    b.close().await;
}

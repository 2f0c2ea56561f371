//! Whole web pages in the app: a dropped HTML file, a paste that carries the page's HTML,
//! page furniture folded, a block brought into the article or pushed out of it, and the
//! article regions in the export.

use serde_json::Value;

use crate::harness::{seed_text, Browser};

const POMPEO: &str = "000_0399775715a1bf4a.txt";

const PROSE: &str = "Engineers inspected the dam on the river for the whole of Tuesday after the storm passed, walking its length and testing the spillways one by one.";

/// A news page: navigation, the article (headline, byline, paragraphs, a quote), related
/// stories and a footer.
fn page_html() -> String {
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Dam report</title>\
         <script>var secret = 1;</script></head><body>\
         <nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World news</a></li><li><a href='/s'>Sport</a></li></ul></nav>\
         <article><h1>Dam holds after storm</h1><p class='byline'>By Ann Lee</p>\
         <p>{PROSE}</p><p>\"The dam is safe and the town is dry,\" the chief engineer said on Wednesday morning.</p>\
         <p>{PROSE}</p><p>Residents were relieved, and the schools reopened on Thursday after two days.</p></article>\
         <aside><h2>Related stories</h2><ul><li><a href='/1'>Floods close the coast road for a week</a></li>\
         <li><a href='/2'>Storm season starts early this year</a></li></ul></aside>\
         <footer>About us | Contact | Privacy</footer></body></html>"
    )
}

/// The text a browser copies beside that HTML.
fn page_plain() -> String {
    format!(
        "Home\nWorld news\nSport\nDam holds after storm\nBy Ann Lee\n\n{PROSE}\n\n\"The dam is safe and the town is dry,\" the chief engineer said on Wednesday morning.\n\n{PROSE}\n\nResidents were relieved, and the schools reopened on Thursday after two days.\n\nRelated stories\nFloods close the coast road for a week\nStorm season starts early this year\nAbout us | Contact | Privacy\n"
    )
}

/// What is visible in the reading view (folded furniture is not).
async fn visible(b: &Browser) -> String {
    b.eval("document.querySelector('#view').innerText")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The exported quotelens/1 JSON (the download is removed after reading).
async fn export(b: &Browser) -> Value {
    b.click("#download-json").await;
    let path = b.downloaded(".quotelens.json").await;
    let json = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    quotelens::model::document_from_json(&json).expect("the export validates");
    serde_json::from_str(&json).unwrap()
}

/// The article regions' texts of an export.
fn regions(doc: &Value) -> Vec<String> {
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    doc["article"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|r| {
                    let (s, e) = (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
                    text[s as usize..e as usize].iter().collect()
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_paste_with_the_pages_html_shows_the_article_with_furniture_folded() {
    let b = Browser::open().await;
    b.wait_for_css("#editor").await;
    b.paste_page("#editor", &page_html(), &page_plain()).await;
    b.wait_until(
        "the article with a quote",
        "document.querySelector('#view .mk-quote') && document.querySelector('#view .furniture.folded')",
    )
    .await;
    b.screenshot("page-01-html-paste").await;
    let shown = visible(&b).await;
    assert!(
        shown.contains("Dam holds after storm"),
        "the headline: {shown}"
    );
    assert!(shown.contains("Residents were relieved"), "{shown}");
    for folded in [
        "World news",
        "Floods close the coast road",
        "About us | Contact",
    ] {
        assert!(!shown.contains(folded), "{folded:?} is shown: {shown}");
    }
    // The document is the copied text, kept whole; the export marks the article.
    let doc = export(&b).await;
    assert_eq!(doc["text"].as_str().unwrap(), page_plain());
    let article = regions(&doc).join("\n");
    assert!(article.contains("\"The dam is safe"), "{article}");
    assert!(!article.contains("Storm season"), "{article}");
    assert!(!article.contains("World news"), "{article}");

    bring_the_related_stories_in(&b).await;

    push_the_quotes_paragraph_out_and_undo(&b).await;
    b.close().await;
}

/// Unfold the related stories and bring them into the article.
async fn bring_the_related_stories_in(b: &Browser) {
    let related = "[...document.querySelectorAll('#view .furniture')].find(e => e.textContent.includes('Storm season'))";
    b.eval(&format!("{related}.querySelector('.fold').click()"))
        .await;
    b.wait_until(
        "the unfolded block",
        &format!("!{related}.classList.contains('folded') && {related}.querySelector('.bring-in')"),
    )
    .await;
    assert!(visible(b).await.contains("Storm season starts early"));
    b.screenshot("page-02-unfolded").await;
    b.eval(&format!("{related}.querySelector('.bring-in').click()"))
        .await;
    b.wait_until(
        "the block in the article",
        "[...document.querySelectorAll('#view .para')].some(e => e.textContent.includes('Storm season'))",
    )
    .await;
    let doc = export(b).await;
    assert!(
        regions(&doc)
            .join("\n")
            .contains("Storm season starts early"),
        "{:?}",
        regions(&doc)
    );
}

/// Push the quote's paragraph out: its quote goes, and undo brings it back.
async fn push_the_quotes_paragraph_out_and_undo(b: &Browser) {
    let quote_para = "[...document.querySelectorAll('#view .para')].find(e => e.textContent.includes('The dam is safe'))";
    b.eval(&format!("{quote_para}.querySelector('.push-out').click()"))
        .await;
    b.wait_until("no quote", "!document.querySelector('#view .mk-quote')")
        .await;
    let doc = export(b).await;
    assert!(!regions(&doc).join("\n").contains("The dam is safe"));
    assert!(
        doc["annotations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["kind"] != "quote"),
        "no quote outside the article"
    );
    b.click("#undo").await;
    b.wait_until(
        "the quote again",
        "document.querySelector('#view .mk-quote')",
    )
    .await;
}

#[tokio::test]
async fn a_dropped_html_file_and_a_pasted_page_fold_their_furniture() {
    let b = Browser::open().await;
    b.wait_for_css("#editor").await;
    drop_page_html(&b).await;
    b.wait_until(
        "the dropped page",
        "document.querySelector('#view .mk-quote') && document.querySelector('#view .furniture.folded')",
    )
    .await;
    let shown = visible(&b).await;
    assert!(shown.contains("Residents were relieved"), "{shown}");
    for absent in ["secret", "World news", "Floods close", "<p>"] {
        assert!(!shown.contains(absent), "{absent:?} is shown: {shown}");
    }
    let doc = export(&b).await;
    assert!(!regions(&doc).is_empty());

    // The seed's copied page as plain text: navigation, "Related Topics" and "Recent
    // Stories" folded, nothing annotated in them.
    b.click("#new-doc").await;
    b.click("#confirm-ok").await;
    b.wait_for_css("#editor").await;
    b.paste("#editor", &seed_text(POMPEO)).await;
    b.wait_until(
        "the seed with folded furniture",
        "document.querySelector('#view .mk-quote') && document.querySelector('#view .furniture.folded')",
    )
    .await;
    let shown = visible(&b).await;
    for folded in ["Related Topics", "Recent Stories", "UVAS lab begins"] {
        assert!(!shown.contains(folded), "{folded:?} is shown");
    }
    let marked_in_furniture = b
        .eval("document.querySelectorAll('#view .furniture .mk').length")
        .await;
    assert_eq!(marked_in_furniture, 0, "nothing annotated in the furniture");
    b.screenshot("page-03-seed-folded").await;
    b.close().await;
}

/// A page is read in the analysis worker: dropped as soon as the editor shows (the
/// worker may still be warming up: the page waits for it), the article comes back from
/// the worker, and the page's own Wasm holds none of the extraction code.
#[tokio::test]
async fn a_page_is_read_in_the_worker_and_the_pages_wasm_holds_no_extraction() {
    let b = Browser::open().await;
    b.wait_for_css("#editor").await;
    drop_page_html(&b).await;
    b.wait_until(
        "the dropped page",
        "document.querySelector('#view .furniture.folded') && document.querySelector('#view').innerText.includes('Residents were relieved')",
    )
    .await;
    // The worker answered it: its reply came after it said it was ready.
    let marks = b
        .eval(
            "['quotelens-page-start', 'quotelens-worker-ready', 'quotelens-page-done']
               .map(n => performance.getEntriesByName(n).map(e => e.startTime)[0] ?? null)",
        )
        .await;
    let [start, ready, done] = [0, 1, 2].map(|i| marks[i].as_f64());
    let (start, ready, done) = (start.unwrap(), ready.unwrap(), done.unwrap());
    assert!(start <= done && ready <= done, "{marks}");
    assert!(
        b.eval("document.querySelector('#notice')").await.is_null(),
        "the notice while it worked is gone"
    );
    // A message only the extraction code holds is in the worker's Wasm, not the page's.
    let holds = b
        .eval_async(
            "const done = arguments[0];
             const bytes = async u => new TextDecoder('latin1').decode(await (await fetch(u)).arrayBuffer());
             const page = (await (await fetch('/')).text()).match(/quotelens-[0-9a-f]+_bg\\.wasm/)[0];
             const mark = 'This page is only frames';
             done([(await bytes(page)).includes(mark), (await bytes('quotelens-worker_bg.wasm')).includes(mark)]);",
        )
        .await;
    assert_eq!(
        holds,
        serde_json::json!([false, true]),
        "page's Wasm, worker's"
    );
    b.close().await;
}

/// A page the worker finds no text in gets its reason, and the document stays as it was.
#[tokio::test]
async fn a_page_without_text_says_why_and_keeps_the_document() {
    let b = Browser::open().await;
    b.wait_for_css("#editor").await;
    b.paste("#editor", &format!("{PROSE}\n\n{PROSE}")).await;
    b.wait_for_css("#view").await;
    open_page_until_notice(
        &b,
        "app.html",
        "<!doctype html><html><head><script src=app.js></script></head><body><div id=root></div></body></html>",
        "scripts build it",
    )
    .await;
    assert!(
        visible(&b).await.contains("Engineers inspected the dam"),
        "the text is kept"
    );
    b.close().await;
}

/// Drop the test page as an HTML file on the input, as a person drags one from their files.
async fn drop_page_html(b: &Browser) {
    b.eval_async(&format!(
        "const dt = new DataTransfer();
         dt.items.add(new File([{html}], 'dam.html', {{type: 'text/html'}}));
         document.querySelector('section.input').dispatchEvent(new DragEvent('drop', {{dataTransfer: dt, bubbles: true, cancelable: true}}));
         arguments[0](true);",
        html = serde_json::json!(page_html()),
    ))
    .await;
}

/// In a browser that cannot start the worker, an opened page gets a message saying so,
/// and the document stays as it was (a pasted text, kept for annotating by hand).
#[tokio::test]
async fn without_a_worker_an_opened_page_says_why_and_keeps_the_document() {
    let b = Browser::open().await;
    b.before_each_page("window.Worker = function () { throw new Error('no workers here'); };")
        .await;
    b.client.refresh().await.unwrap();
    b.wait_for_css("#editor").await;
    b.paste("#editor", PROSE).await;
    b.wait_for_css("#view").await;
    open_page_until_notice(&b, "dam.html", &page_html(), "The page could not be read").await;
    let shown = visible(&b).await;
    assert!(shown.contains("Engineers inspected the dam"), "{shown}");
    assert!(!shown.contains("Residents were relieved"), "{shown}");
    b.close().await;
}

/// Open `html` as the file `name` with the file picker and wait for a notice holding `says`.
async fn open_page_until_notice(b: &Browser, name: &str, html: &str, says: &str) {
    let path = std::env::temp_dir().join(format!("quotelens-e2e-{}-{name}", std::process::id()));
    std::fs::write(&path, html).unwrap();
    b.upload("#file-picker", &path).await;
    b.wait_until(
        "the notice",
        &format!(
            "document.querySelector('#notice') && document.querySelector('#notice').innerText.includes({})",
            serde_json::json!(says)
        ),
    )
    .await;
    std::fs::remove_file(&path).unwrap();
}

/// A page whose headline is short and stands five lines above its body (a byline, a
/// date, a share bar, a photo's caption between), with a box of related stories after.
fn headlined_page() -> (String, String) {
    let html = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Dam</title></head><body>\
         <nav><a href='/'>Home</a> | <a href='/w'>World news</a></nav>\
         <article><h1>Dam holds</h1><p class='byline'>By Ann Lee</p><p class='date'>3 March 2026, 10:32</p>\
         <p><a href='/s'>Share</a> <a href='/t'>Tweet</a></p><figure><img src='d.jpg'><figcaption>The dam at dawn.</figcaption></figure>\
         <p>{PROSE}</p><p>\"The dam is safe and the town is dry,\" the chief engineer said on Wednesday morning.</p>\
         <p>{PROSE}</p></article>\
         <aside><h2>Related stories</h2><ul><li><a href='/1'>Floods close the coast road for a week</a></li>\
         <li><a href='/2'>Storm season starts early this year</a></li></ul></aside>\
         <footer>About us | Contact | Privacy</footer></body></html>"
    );
    let plain = format!(
        "Home | World news\nDam holds\nBy Ann Lee\n3 March 2026, 10:32\nShare Tweet\nThe dam at dawn.\n\n{PROSE}\n\n\"The dam is safe and the town is dry,\" the chief engineer said on Wednesday morning.\n\n{PROSE}\n\nRelated stories\nFloods close the coast road for a week\nStorm season starts early this year\nAbout us | Contact | Privacy\n"
    );
    (html, plain)
}

#[tokio::test]
async fn a_pages_headline_stays_in_the_article_and_one_line_of_furniture_can_be_brought_in() {
    let b = Browser::open().await;
    b.wait_for_css("#editor").await;
    let (html, plain) = headlined_page();
    b.paste_page("#editor", &html, &plain).await;
    b.wait_until(
        "the article with a quote",
        "document.querySelector('#view .mk-quote') && document.querySelector('#view .furniture.folded')",
    )
    .await;
    let shown = visible(&b).await;
    assert!(shown.contains("Dam holds"), "the headline: {shown}");
    for folded in ["Share Tweet", "World news", "Storm season"] {
        assert!(!shown.contains(folded), "{folded:?} is shown: {shown}");
    }
    let article = regions(&export(&b).await).join("\n");
    assert!(article.starts_with("Dam holds\n"), "{article}");

    one_plus_brings_its_line_alone(&b).await;

    selected_words_bring_their_line_alone(&b).await;
    b.close().await;
}

/// Unfold the related stories: each line has its own "+"; one click on one brings in
/// that line alone, and the rest of the block stays open, still furniture.
async fn one_plus_brings_its_line_alone(b: &Browser) {
    let related = "[...document.querySelectorAll('#view .furniture')].find(e => e.textContent.includes('Storm season'))";
    b.eval(&format!("{related}.querySelector('.fold').click()"))
        .await;
    b.wait_until(
        "the lines' controls",
        &format!("{related}.querySelectorAll('.fline > .bring-line').length >= 3"),
    )
    .await;
    each_plus_sits_beside_its_line(b, related).await;
    b.eval(&format!(
        "[...{related}.querySelectorAll('.fline')].find(l => l.textContent.includes('Floods close')).querySelector('.bring-line').id = 'bring-floods'"
    ))
    .await;
    b.click("#bring-floods").await;
    b.wait_until(
        "the line in the article",
        "[...document.querySelectorAll('#view .para')].some(e => e.textContent.includes('Floods close'))",
    )
    .await;
    b.screenshot("page-04-one-line-brought-in").await;
    let shown = visible(b).await;
    assert!(
        shown.contains("Storm season starts early"),
        "the rest stays unfolded: {shown}"
    );
    let after = b
        .eval(
            "[...document.querySelectorAll('#view .furniture')].filter(e => e.textContent.includes('Storm season') || e.textContent.includes('Related stories'))
               .map(e => e.classList.contains('folded'))",
        )
        .await;
    assert_eq!(
        after,
        serde_json::json!([false, false]),
        "the furniture before and after the line, both open"
    );
    let article = regions(&export(b).await).join("\n");
    assert!(article.contains("Floods close the coast road"), "{article}");
    for still_out in ["Related stories", "Storm season"] {
        assert!(!article.contains(still_out), "{still_out}: {article}");
    }
}

/// Each "+" sits in the gutter left of its line's words, clear of the block's buttons.
async fn each_plus_sits_beside_its_line(b: &Browser, related: &str) {
    let clear = b
        .eval(&format!(
            "(() => {{
                const block = {related};
                const buttons = [...block.querySelectorAll(':scope > button')].map(e => e.getBoundingClientRect());
                return [...block.querySelectorAll('.fline')].every(line => {{
                    const plus = line.querySelector('.bring-line').getBoundingClientRect();
                    const r = document.createRange(); r.setStart(line.lastChild, 0); r.setEnd(line.lastChild, 1);
                    const word = r.getBoundingClientRect();
                    const apart = b => plus.right <= b.left || plus.left >= b.right || plus.bottom <= b.top || plus.top >= b.bottom;
                    return plus.width > 0 && plus.right <= word.left && Math.abs(plus.top - word.top) < word.height && buttons.every(apart);
                }});
             }})()"
        ))
        .await;
    assert_eq!(
        clear, true,
        "each line's + beside its words, clear of the buttons"
    );
}

/// Words selected in an open block: "Bring into the article" takes their line alone.
async fn selected_words_bring_their_line_alone(b: &Browser) {
    let storm = "[...document.querySelectorAll('#view .furniture')].find(e => e.textContent.includes('Storm season'))";
    b.select_text("#view", "season starts").await;
    b.eval(&format!(
        "{storm}.querySelector('.bring-in').id = 'bring-selected'"
    ))
    .await;
    b.click("#bring-selected").await;
    b.wait_until(
        "the selected line in the article",
        "[...document.querySelectorAll('#view .para')].some(e => e.textContent.includes('Storm season'))",
    )
    .await;
    let article = regions(&export(b).await).join("\n");
    assert!(article.contains("Storm season starts early"), "{article}");
    for still_out in ["Related stories", "About us"] {
        assert!(!article.contains(still_out), "{still_out}: {article}");
    }
}

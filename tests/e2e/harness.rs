//! Browser end-to-end harness: serves the built `dist/` on a loopback port, starts
//! chromedriver and headless Chromium, and acts as a user through WebDriver.

#![allow(dead_code)] // each test file uses only some of the helpers
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Write `contents` to `name` in the tests' scratch folder, for a test to upload.
pub fn scratch(name: &str, contents: &[u8]) -> PathBuf {
    let dir = root().join("target").join("e2e-files");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// `../shared/` beside the checkout.
pub fn shared(rel: &str) -> PathBuf {
    root().join("..").join("shared").join(rel)
}

pub fn seed_text(name: &str) -> String {
    std::fs::read_to_string(root().join("samples").join(name)).expect("seed article readable")
}

/// A static server for `dist/` that records every path requested of it.
pub struct StaticServer {
    pub port: u16,
    pub requests: Arc<Mutex<Vec<String>>>,
    accepting: tokio::task::AbortHandle,
}

impl StaticServer {
    /// Serve `dist/`, or the build `QUOTELENS_DIST` names (to compare two builds).
    pub async fn start() -> StaticServer {
        let dist = std::env::var("QUOTELENS_DIST").map_or_else(|_| root().join("dist"), Into::into);
        StaticServer::start_in(dist).await
    }

    /// Serve the built app from `dist` (a copy of `dist/`, say).
    pub async fn start_in(dist: PathBuf) -> StaticServer {
        assert!(
            dist.join("index.html").exists(),
            "dist/ is not built: run `trunk build --release` first"
        );
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = requests.clone();
        let accepting = tokio::spawn(async move {
            loop {
                let Ok((mut sock, _)) = listener.accept().await else {
                    break;
                };
                let dist = dist.clone();
                let log = log.clone();
                tokio::spawn(async move {
                    let mut buf = Vec::new();
                    let mut chunk = [0u8; 4096];
                    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                        match sock.read(&mut chunk).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => buf.extend_from_slice(&chunk[..n]),
                        }
                    }
                    let head = String::from_utf8_lossy(&buf).to_string();
                    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
                    log.lock().unwrap().push(path.clone());
                    let (status, ctype, body) = serve_file(&dist, &path);
                    let header = format!(
                        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = sock.write_all(header.as_bytes()).await;
                    let _ = sock.write_all(&body).await;
                    let _ = sock.shutdown().await;
                });
            }
        })
        .abort_handle();
        StaticServer {
            port,
            requests,
            accepting,
        }
    }

    /// Close the port, as a server that went away: connections are refused from now on.
    pub async fn stop(&self) {
        self.accepting.abort();
        let deadline = Instant::now() + Duration::from_secs(5);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
            assert!(Instant::now() < deadline, "the server does not stop");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }
}

fn serve_file(dist: &Path, path: &str) -> (&'static str, &'static str, Vec<u8>) {
    let clean = path
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .trim_start_matches('/');
    if clean.split('/').any(|seg| seg == "..") {
        return ("403 Forbidden", "text/plain", b"forbidden".to_vec());
    }
    let file = if clean.is_empty() {
        dist.join("index.html")
    } else {
        dist.join(clean)
    };
    let ctype = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    };
    match std::fs::read(&file) {
        Ok(body) => ("200 OK", ctype, body),
        Err(_) => ("404 Not Found", "text/plain", b"not found".to_vec()),
    }
}

/// One browser session on a served app; dropped sessions kill their chromedriver.
pub struct Browser {
    pub client: Client,
    pub server: StaticServer,
    pub download_dir: PathBuf,
    driver: Child,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// What Chromium's performance log records: every request, and with `QUOTELENS_TRACE` set
/// (a tool's run, see `profile.rs`) the main thread's trace events too.
fn perf_logging() -> Value {
    match std::env::var("QUOTELENS_TRACE") {
        Ok(categories) if !categories.is_empty() => {
            json!({"enableNetwork": true, "enablePage": false,
            "traceCategories": categories, "bufferUsageReportingInterval": 1000})
        }
        _ => json!({"enableNetwork": true, "enablePage": false}),
    }
}

impl Browser {
    /// Start the server, chromedriver and a headless Chromium of `width` x `height`, and open the app.
    pub async fn open_sized(width: u32, height: u32) -> Browser {
        Browser::open_on(StaticServer::start().await, width, height).await
    }

    /// Open the app served by `server` in a headless Chromium of `width` x `height`.
    pub async fn open_on(server: StaticServer, width: u32, height: u32) -> Browser {
        let port = free_port();
        let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts (scripts/test.sh installs it)");
        let download_dir = root()
            .join("target")
            .join("e2e-downloads")
            .join(format!("{port}"));
        let _ = std::fs::remove_dir_all(&download_dir);
        std::fs::create_dir_all(&download_dir).unwrap();
        let profile = std::env::temp_dir().join(format!("quotelens-chromium-{port}"));
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.display()),
                ],
                // Every request the page makes, for `network_requests`.
                "perfLoggingPrefs": perf_logging(),
                "prefs": {
                    "download.default_directory": download_dir.to_string_lossy(),
                    "download.prompt_for_download": false,
                },
            }),
        );
        caps.insert(
            "goog:loggingPrefs".into(),
            json!({"browser": "ALL", "performance": "ALL"}),
        );
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() > deadline => panic!("cannot reach chromedriver: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        };
        // Downloads in headless Chromium need an explicit allowance.
        let _ = client
            .issue_cmd(Cdp(json!({"cmd": "Browser.setDownloadBehavior",
                "params": {"behavior": "allow",
                           "downloadPath": download_dir.to_string_lossy()}})))
            .await;
        // "Copy JSON" is checked by reading the clipboard back.
        let _ = client
            .issue_cmd(Cdp(json!({"cmd": "Browser.grantPermissions",
                "params": {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}})))
            .await;
        client.goto(&server.url()).await.unwrap();
        let b = Browser {
            client,
            server,
            download_dir,
            driver,
        };
        b.wait_for_css("#editor, #view").await;
        b
    }

    pub async fn open() -> Browser {
        Browser::open_sized(1280, 900).await
    }

    /// Paste `text` into the element matched by `css`, as the browser does for a real paste.
    pub async fn paste(&self, css: &str, text: &str) {
        self.client
            .execute(
                "const el = document.querySelector(arguments[0]); el.focus();
                 const dt = new DataTransfer(); dt.setData('text/plain', arguments[1]);
                 const ev = new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true});
                 if (el.dispatchEvent(ev)) { document.execCommand('insertText', false, arguments[1]); }",
                vec![json!(css), json!(text)],
            )
            .await
            .unwrap();
    }

    /// A real `paste` event into `css` carrying a copied page: its HTML and its plain text,
    /// as a browser puts both on the clipboard.
    pub async fn paste_page(&self, css: &str, html: &str, plain: &str) {
        self.client
            .execute(
                "const el = document.querySelector(arguments[0]); el.focus();
                 const dt = new DataTransfer();
                 dt.setData('text/html', arguments[1]); dt.setData('text/plain', arguments[2]);
                 el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));",
                vec![json!(css), json!(html), json!(plain)],
            )
            .await
            .unwrap();
    }

    pub async fn wait_for_css(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// Poll `script` (a JS expression) until it is truthy; returns its value.
    pub async fn wait_until(&self, what: &str, script: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let v = self.eval(script).await;
            if !(v.is_null() || v == json!(false) || v == json!(0) || v == json!("")) {
                return v;
            }
            if Instant::now() > deadline {
                self.screenshot(&format!("timeout-{}", what.replace(' ', "-")))
                    .await;
                // What the app told the person, for a run whose screenshot is out of reach (CI).
                let notice = self
                    .eval("(document.querySelector('.notice-slot') || {}).textContent || ''")
                    .await;
                panic!("timed out waiting for {what} ({script}); the app's notice: {notice}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn eval(&self, expr: &str) -> Value {
        self.client
            .execute(&format!("return ({expr});"), vec![])
            .await
            .unwrap()
    }

    pub async fn text_of(&self, css: &str) -> String {
        self.wait_for_css(css).await.text().await.unwrap()
    }

    /// Save a screenshot under `target/screenshots/NAME.png` for people to look at.
    pub async fn screenshot(&self, name: &str) {
        let dir = root().join("target").join("screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        if let Ok(png) = self.client.screenshot().await {
            std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
        }
    }

    /// Console messages at SEVERE level since the last call.
    pub async fn console_errors(&self) -> Vec<String> {
        let logs = self
            .client
            .issue_cmd(BrowserLog("browser"))
            .await
            .unwrap_or(Value::Null);
        logs.as_array()
            .map(|entries| {
                entries
                    .iter()
                    .filter(|e| e["level"] == "SEVERE")
                    .map(|e| e["message"].as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The URL of every request the browser sent since the last call (its network log).
    pub async fn network_requests(&self) -> Vec<String> {
        self.performance_log()
            .await
            .into_iter()
            .filter(|m| m["method"] == "Network.requestWillBeSent")
            .filter_map(|m| m["params"]["request"]["url"].as_str().map(str::to_string))
            .collect()
    }

    /// Chromium's performance log since the last call, one parsed message per entry
    /// (`{"method": ..., "params": ...}`).
    pub async fn performance_log(&self) -> Vec<Value> {
        let logs = self
            .client
            .issue_cmd(BrowserLog("performance"))
            .await
            .unwrap_or(Value::Null);
        logs.as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e["message"].as_str())
            .filter_map(|m| serde_json::from_str::<Value>(m).ok())
            .map(|m| m["message"].clone())
            .collect()
    }

    /// Run `script` at the start of every page this session opens, before the page's own.
    pub async fn before_each_page(&self, script: &str) {
        self.client
            .issue_cmd(Cdp(json!({"cmd": "Page.addScriptToEvaluateOnNewDocument",
                "params": {"source": script}})))
            .await
            .unwrap();
    }

    /// Click the element matched by `css`.
    pub async fn click(&self, css: &str) {
        self.wait_for_css(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
    }

    /// How many elements match `css`.
    pub async fn count(&self, css: &str) -> usize {
        self.eval(&format!("document.querySelectorAll({}).length", json!(css)))
            .await
            .as_u64()
            .unwrap_or(0) as usize
    }

    /// Type `keys` into the focused element (fantoccini::key::Key chars for modifiers).
    pub async fn press(&self, keys: &str) {
        self.client
            .active_element()
            .await
            .unwrap()
            .send_keys(keys)
            .await
            .unwrap();
    }

    /// Select the first occurrence of `needle` in the text of `css`, as a mouse drag would.
    pub async fn select_text(&self, css: &str, needle: &str) {
        let found = self
            .client
            .execute(
                "const root = document.querySelector(arguments[0]);
                 const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                 const nodes = []; let text = '';
                 while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
                 const i = text.indexOf(arguments[1]); if (i < 0) return false;
                 const at = (pos, end) => { for (const [n, o] of nodes) { const l = n.data.length;
                     if (pos < o + l || (end && pos === o + l)) return [n, pos - o]; } };
                 const [sn, so] = at(i, false), [en, eo] = at(i + arguments[1].length, true);
                 const r = document.createRange(); r.setStart(sn, so); r.setEnd(en, eo);
                 const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r); return true;",
                vec![json!(css), json!(needle)],
            )
            .await
            .unwrap();
        assert_eq!(found, json!(true), "{needle:?} is in {css}");
    }

    /// Choose `path` in the file input matched by `css`.
    pub async fn upload(&self, css: &str, path: &Path) {
        let input = self.wait_for_css(css).await;
        input.send_keys(&path.to_string_lossy()).await.unwrap();
    }

    /// Wait for a finished download whose name ends with `suffix`; returns its path.
    pub async fn downloaded(&self, suffix: &str) -> PathBuf {
        let deadline = Instant::now() + Duration::from_secs(15);
        // Chromium may reserve the final name with an empty file while the bytes still
        // go to a `.crdownload`; a file counts as downloaded once it has bytes, no
        // download is in flight, and its size held since the last look.
        let mut last_size = None;
        loop {
            if let Ok(entries) = std::fs::read_dir(&self.download_dir) {
                let entries: Vec<_> = entries.flatten().collect();
                let in_flight = entries
                    .iter()
                    .any(|e| e.file_name().to_string_lossy().ends_with(".crdownload"));
                let found = entries
                    .iter()
                    .find(|e| e.file_name().to_string_lossy().ends_with(suffix));
                if let Some(e) = found {
                    let size = e.metadata().map(|m| m.len()).unwrap_or(0);
                    if !in_flight && size > 0 && last_size == Some(size) {
                        return e.path();
                    }
                    last_size = Some(size);
                }
            }
            assert!(
                Instant::now() < deadline,
                "no download ending in {suffix} in {}",
                self.download_dir.display()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Run `script` (a JS function body) that calls `arguments[0](value)` when done.
    pub async fn eval_async(&self, script: &str) -> Value {
        self.client.execute_async(script, vec![]).await.unwrap()
    }

    /// Make the page's viewport `width` x `height` CSS pixels, as a phone's (headless
    /// Chromium will not make its window narrower than 500 pixels).
    pub async fn emulate_viewport(&self, width: u32, height: u32) {
        self.client
            .issue_cmd(Cdp(json!({"cmd": "Emulation.setDeviceMetricsOverride",
                "params": {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": true}})))
            .await
            .unwrap();
    }

    /// Send one Chrome DevTools Protocol command to the page (`Profiler.start`, ...) and
    /// return its result.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(Cdp(json!({"cmd": cmd, "params": params})))
            .await
            .unwrap_or_else(|e| panic!("{cmd}: {e}"))
    }

    pub async fn close(self) {
        let Browser { client, .. } = &self;
        let _ = client.clone().close().await;
    }
}

/// Chromium's log endpoint (not in WebDriver proper): "browser" (console) or "performance".
#[derive(Debug, Clone)]
struct BrowserLog(&'static str);

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({"type": self.0}).to_string()),
        )
    }
}

/// Any Chrome DevTools command through chromedriver.
#[derive(Debug, Clone)]
struct Cdp(Value);

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.0.to_string()))
    }
}

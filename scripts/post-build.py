"""Trunk post-build hook (Trunk.toml): finish the staged page before it goes to dist/.

1. Content-Security-Policy without 'unsafe-inline' for scripts: Trunk writes the Wasm
   loader (and, under `trunk serve`, its reload script) as inline <script>s, so put the
   SHA-256 of every inline script into script-src instead. Any inline script counts, so
   one added to index.html later is covered without an edit here.
2. The offline service worker: web/sw.js with this build's version and file list, so
   each build caches its own files under its own name and drops older builds' caches.

Runs on TRUNK_STAGING_DIR, the staged dist/; only the standard library.
"""

import base64
import hashlib
import json
import os
import pathlib
import re
import sys

STAGING = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", "dist"))
SOURCE = pathlib.Path(os.environ.get("TRUNK_SOURCE_DIR", "."))
PUBLIC_URL = os.environ.get("TRUNK_PUBLIC_URL", "/")
SERVICE_WORKER = "sw.js"

INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
CSP_META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")', re.I)


def fail(message):
    sys.exit(f"post-build: {message}")


def inline_script_hashes(html):
    """'sha256-…' of each <script> without a src, in page order."""
    hashes = []
    for attrs, body in INLINE_SCRIPT.findall(html):
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


def with_dev_reload_pinned(html):
    """`trunk serve` fills two placeholders of its reload script per request (from the Host
    header), which would change the script after it was hashed. Fill them here as Trunk
    does when a request has no Host: the script is then the same for every request."""
    base = PUBLIC_URL if PUBLIC_URL.endswith("/") else PUBLIC_URL + "/"
    return (
        html.replace("'{{__TRUNK_ADDRESS__}}'", "window.location.host")
        .replace("`{{__TRUNK_ADDRESS__}}`", "window.location.host")
        .replace("{{__TRUNK_WS_BASE__}}", base)
    )


def with_script_hashes(html):
    """The page with its CSP's script-src allowing exactly its inline scripts."""
    found = CSP_META.findall(html)
    if len(found) != 1:
        fail(f"expected one Content-Security-Policy <meta> in index.html, found {len(found)}")
    hashes = inline_script_hashes(html)
    directives = []
    for directive in found[0][1].split(";"):
        words = directive.split()
        if not words:
            continue
        if words[0] == "script-src":
            if "'unsafe-inline'" in words:
                fail("script-src must not allow 'unsafe-inline'; the hashes replace it")
            words = [w for w in words if not w.startswith("'sha256-")] + hashes
        directives.append(" ".join(words))
    if not any(d.startswith("script-src ") for d in directives):
        fail("the Content-Security-Policy has no script-src")
    policy = "; ".join(directives)
    print(f"post-build: script-src allows {len(hashes)} inline script(s)")
    return CSP_META.sub(lambda m: m.group(1) + policy + m.group(3), html)


def write_service_worker():
    """web/sw.js with this build's file list and a version derived from their bytes."""
    files = sorted(
        p for p in STAGING.rglob("*") if p.is_file() and p.name != SERVICE_WORKER
    )
    version = hashlib.sha256()
    urls = []
    for path in files:
        rel = path.relative_to(STAGING).as_posix()
        version.update(rel.encode("utf-8") + b"\0" + path.read_bytes())
        # The page itself is cached under the directory URL it is served at.
        urls.append(PUBLIC_URL if rel == "index.html" else PUBLIC_URL + rel)
    template = (SOURCE / "web" / SERVICE_WORKER).read_text(encoding="utf-8")
    for placeholder in ("__QUOTELENS_BUILD__", "__QUOTELENS_FILES__"):
        if placeholder not in template:
            fail(f"web/{SERVICE_WORKER} lacks {placeholder}")
    worker = template.replace("__QUOTELENS_BUILD__", version.hexdigest()[:16]).replace(
        "__QUOTELENS_FILES__", json.dumps(urls)
    )
    (STAGING / SERVICE_WORKER).write_text(worker, encoding="utf-8")
    print(f"post-build: {SERVICE_WORKER} caches {len(urls)} files as build {version.hexdigest()[:16]}")


def main():
    page = STAGING / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(with_script_hashes(with_dev_reload_pinned(html)), encoding="utf-8")
    write_service_worker()


main()

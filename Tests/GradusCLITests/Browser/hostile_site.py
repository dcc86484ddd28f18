#!/usr/bin/env python3
"""Builds the hostile course with the real gradus binary and opens every page in headless Chromium, reporting
whether any payload ran script or loaded anything external, as JSON on standard output.

Usage: hostile_site.py GRADUS CONTENT_DIR TEMPLATES_DIR safe|unsafe

Every payload, if it runs or loads, requests http://127.0.0.1:PORT/<payload-name> from a local HTTP server started
here (the lesson's "BEACON" is replaced by that address before the build); the report lists the names requested.
It also lists every link whose resolved URL (as the browser decodes entities and whitespace) has a scheme other
than http, https, file or mailto, and every <script> element other than the site's own files under static/.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

gradus, content, templates, mode = [os.path.abspath(a) for a in sys.argv[1:4]] + [sys.argv[4]]
hits = []


class Beacon(BaseHTTPRequestHandler):
    def do_GET(self):
        hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Beacon)
threading.Thread(target=server.serve_forever, daemon=True).start()
beacon = "http://127.0.0.1:%d" % server.server_address[1]

work = tempfile.mkdtemp(prefix="gradus-hostile-")
shutil.copytree(templates, os.path.join(work, "templates"))
for folder, _, files in os.walk(content):
    target = os.path.join(work, "content", os.path.relpath(folder, content))
    os.makedirs(target, exist_ok=True)
    for name in files:
        with open(os.path.join(folder, name), encoding="utf-8") as source:
            text = source.read().replace("BEACON", beacon)
        with open(os.path.join(target, name), "w", encoding="utf-8") as out:
            out.write(text)

build = subprocess.run([gradus, "build"] + (["--unsafe"] if mode == "unsafe" else []), cwd=work,
                       capture_output=True, text=True, timeout=300)
report = {"status": build.returncode, "stderr": build.stderr, "pages": 0, "hits": [], "bad_links": [],
          "foreign_scripts": [], "alerts": 0}
if build.returncode == 0:
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    options.unhandled_prompt_behavior = "accept"
    driver = webdriver.Chrome(options=options, service=Service(executable_path="/usr/bin/chromedriver"))
    driver.set_page_load_timeout(20)
    site = os.path.join(work, "_site")
    try:
        for folder, _, files in sorted(os.walk(site)):
            for name in sorted(files):
                if not name.endswith(".html"):
                    continue
                path = os.path.join(folder, name)
                report["pages"] += 1
                try:
                    driver.get("file://" + path)
                    time.sleep(0.3)
                    # Hover and toggle everything, so that mouse and toggle handlers would fire too.
                    driver.execute_script(
                        "for (const e of document.querySelectorAll('*')) {"
                        " e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); }")
                    links = driver.execute_script(
                        "return Array.from(document.querySelectorAll('a[href], area[href]'), a => a.href)")
                    scripts = driver.execute_script(
                        "return Array.from(document.scripts, s => s.src || ('inline: ' + s.text.slice(0, 80)))")
                except Exception as error:  # an alert or a navigation away: the payload ran
                    report["alerts"] += 1
                    continue
                page = os.path.relpath(path, site)
                for href in links:
                    scheme = href.split(":", 1)[0].lower() if ":" in href else ""
                    if scheme not in ("http", "https", "file", "mailto"):
                        report["bad_links"].append("%s: %s" % (page, href))
                for src in scripts:
                    if not (src.startswith("file://") and "/static/" in src):
                        report["foreign_scripts"].append("%s: %s" % (page, src))
        time.sleep(1.0)
    finally:
        driver.quit()
report["hits"] = sorted(set(hits))
shutil.rmtree(work, ignore_errors=True)
print(json.dumps(report))

#!/usr/bin/env python3
"""Drives a built lesson page in headless Chromium as a reader would, and prints what it saw as JSON.

Usage: lesson_page.py SITE_DIR SCREENSHOT_DIR
Reads the MathML and the chart, answers the first quiz wrongly then rightly with the keyboard, searches for words
pasted without their accents (and sees which text shards that loaded), collects the console's errors, and
saves screenshots (light/dark × phone/desktop).
"""
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

site, shots = sys.argv[1], sys.argv[2]
os.makedirs(shots, exist_ok=True)
options = webdriver.ChromeOptions()
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"]:
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
options.binary_location = "/usr/bin/chromium"
# Debian's driver, named explicitly so Selenium never tries to download one.
driver = webdriver.Chrome(options=options, service=Service(executable_path="/usr/bin/chromedriver"))
report = {}
try:
    page = "file://" + os.path.join(site, "pt", "backpropagation", "index.html")
    driver.get(page)
    report["lang"] = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
    report["math"] = len(driver.find_elements(By.TAG_NAME, "math"))
    report["mathml_fraction"] = len(driver.find_elements(By.CSS_SELECTOR, "math mfrac"))
    # The first simulation figure that has a chart (some tables are shown without one).
    figure = next(f for f in driver.find_elements(By.CSS_SELECTOR, "figure.simulation")
                  if f.find_elements(By.CSS_SELECTOR, "svg.chart"))
    report["chart_paths"] = len(figure.find_elements(By.CSS_SELECTOR, "svg.chart path"))
    # The chart's name is its figure's caption (aria-labelledby), as the browser computes it.
    report["chart_label"] = figure.find_element(By.CSS_SELECTOR, "svg.chart").accessible_name
    report["table_headers"] = [th.text for th in figure.find_elements(By.CSS_SELECTOR, "th")][:3]

    form = driver.find_element(By.CSS_SELECTOR, "form.quiz")
    feedback = form.find_element(By.CSS_SELECTOR, ".quiz-feedback")
    radios = form.find_elements(By.CSS_SELECTOR, "input[type=radio]")
    correct = form.get_attribute("data-correct")
    # Keyboard only: focus the first option, Space selects it (a wrong one), Tab to the button, Enter checks.
    driver.execute_script("arguments[0].focus()", radios[0])
    radios[0].send_keys(Keys.SPACE)
    driver.switch_to.active_element.send_keys(Keys.TAB)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: feedback.text != "")
    report["wrong_feedback"] = feedback.text
    # A wrong first try reveals nothing: the answer waits for a right reply or the last try.
    report["details_shown_after_wrong"] = form.find_element(By.TAG_NAME, "details").is_displayed()
    # Arrow keys move the selection to the correct option, then Enter in the radio group submits the form.
    driver.execute_script("arguments[0].focus()", radios[0])
    for _ in range(int(correct)):
        driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: feedback.text != report["wrong_feedback"])
    report["right_feedback"] = feedback.text
    report["live_region"] = feedback.get_attribute("aria-live")
    report["details_open_after_right"] = form.find_element(By.TAG_NAME, "details").get_attribute("open") is not None
    report["why_texts"] = len(form.find_elements(By.CSS_SELECTOR, "details .why"))

    # The answer is remembered after a reload.
    driver.get(page)
    form = driver.find_element(By.CSS_SELECTOR, "form.quiz")
    report["remembered"] = form.find_element(By.CSS_SELECTOR, ".quiz-feedback").text

    # Search without accents.
    # Passages come from each lesson's text shard, loaded from file:// only once one of its results is shown.
    shards = "return Array.from(document.querySelectorAll('script[src*=\"static/search/\"]'), s => s.src)"
    report["shards_before"] = len(driver.execute_script(shards))
    box = driver.find_element(By.CSS_SELECTOR, "form.search input")
    # Pasted, so one search runs: the shards it loads are those of its results' lessons alone.
    driver.execute_script("arguments[0].focus(); arguments[0].value = arguments[1];"
                          "arguments[0].dispatchEvent(new Event('input'))", box, "funcao ativacao")
    WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results li a"))
    WebDriverWait(driver, 5).until(lambda d: d.execute_script(
        "return !document.querySelector('.search-results').hasAttribute('aria-busy')"))
    results = driver.find_elements(By.CSS_SELECTOR, ".search-results li")
    report["search_first"] = results[0].find_element(By.TAG_NAME, "a").text
    # The first word marked in a passage (the first results may match in their titles and headings alone).
    report["search_mark"] = driver.find_element(By.CSS_SELECTOR, ".search-results .passage mark").text
    # The lessons of the results shown, the shards that hold them (as the index says) and the shards loaded.
    report["result_lessons"] = sorted({a.get_attribute("href").split("/")[-2]
                                       for a in driver.find_elements(By.CSS_SELECTOR, ".search-results li a")})
    report["shard_of_lesson"] = driver.execute_script(
        "const d = window.GRADUS_SEARCH['pt'], out = {};"
        "for (let i = 0; i < d.lessons.length; i += 2) out[d.lessons[i]] = String(d.shards[i / 2]);"
        "return out;")
    report["shards_loaded"] = sorted(src.split("/")[-1][:-3] for src in driver.execute_script(shards))
    box.clear()

    for scheme in ["light", "dark"]:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        for name, width in [("phone", 390), ("desktop", 1280)]:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": name == "phone"})
            driver.get(page)
            driver.save_screenshot(os.path.join(shots, f"lesson-{scheme}-{name}.png"))
        report[f"background_{scheme}"] = driver.execute_script(
            "return getComputedStyle(document.body).backgroundColor")
    report["console_errors"] = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
finally:
    driver.quit()
print(json.dumps(report, ensure_ascii=False))

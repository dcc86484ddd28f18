#!/usr/bin/env python3
"""Answers the quiz fixture's questions in headless Chromium as a learner would, and prints what it saw as JSON.

Usage: quiz_page.py SITE_DIR SCREENSHOT_DIR
The fixture's course allows three tries. Tries a single-choice question wrongly to the end, then again with a
right second try; a wrong set on a multiple-answer question; a number in the wrong form, a wrong one and a right
one; new numbers on the computed questions; reloads to see what the page remembers; then reads the page with
JavaScript turned off. Saves screenshots of the quizzes after a wrong try (light/dark × phone).
"""
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.keys import Keys

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


def form(question):
    return driver.find_element(By.ID, "quiz-" + question)


def feedback(question):
    return form(question).find_element(By.CSS_SELECTOR, ".quiz-feedback").text


def check(question):
    form(question).find_element(By.CSS_SELECTOR, "button[type=submit]").click()


def choose(question, *indices):
    for box in form(question).find_elements(By.CSS_SELECTOR, "fieldset input"):
        if box.is_selected() != (int(box.get_attribute("value")) in indices):
            box.click()
    check(question)


def reply(question, text):
    field = form(question).find_element(By.CSS_SELECTOR, "fieldset input")
    field.clear()
    field.send_keys(text + Keys.ENTER)


def answer_shown(question):
    details = form(question).find_element(By.TAG_NAME, "details")
    return details.is_displayed() and details.get_attribute("open") is not None


def names(question):
    """Each option's accessible name, as a screen reader announces it."""
    return [box.accessible_name for box in form(question).find_elements(By.CSS_SELECTOR, "fieldset input")]


def hidden_text(element):
    return driver.execute_script("return arguments[0].textContent", element).strip()


def variant_key(question, index):
    """The key of a variant waiting in the form's template (1 = the first after the page's own)."""
    return driver.execute_script(
        "return arguments[0].querySelector('template').content.children[arguments[1] - 1].dataset",
        form(question), index)


try:
    page = "file://" + os.path.join(site, "en", "numbers", "index.html")
    driver.get(page)
    report["actions_shown"] = form("pick-one").find_element(By.CSS_SELECTOR, ".quiz-actions").is_displayed()
    report["answer_hidden_at_start"] = not form("pick-one").find_element(By.TAG_NAME, "details").is_displayed()

    # Single choice, three tries, all wrong: each wrong option is marked, nothing is revealed before the end.
    choose("pick-one", 0)
    report["single_first"] = feedback("pick-one")
    report["single_first_names"] = names("pick-one")
    report["single_first_answer_shown"] = answer_shown("pick-one")
    report["single_first_reasons_shown"] = sum(why.is_displayed() for why in form("pick-one").find_elements(By.CSS_SELECTOR, ".why"))
    choose("pick-one", 2)
    report["single_second"] = feedback("pick-one")
    choose("pick-one", 0)
    report["single_last"] = feedback("pick-one")
    report["single_last_answer_shown"] = answer_shown("pick-one")
    report["single_last_reasons_shown"] = sum(why.is_displayed() for why in form("pick-one").find_elements(By.CSS_SELECTOR, ".why"))
    report["single_last_names"] = names("pick-one")
    report["single_last_disabled"] = all(not box.is_enabled() for box in form("pick-one").find_elements(By.CSS_SELECTOR, "fieldset input"))
    # Clear, then a wrong try and a right one.
    form("pick-one").find_element(By.CSS_SELECTOR, ".quiz-reset").click()
    report["cleared_feedback"] = feedback("pick-one")
    report["cleared_answer_shown"] = answer_shown("pick-one")
    report["cleared_names"] = names("pick-one")
    choose("pick-one", 2)
    choose("pick-one", 1)
    report["single_right_second"] = feedback("pick-one")
    report["single_right_second_answer_shown"] = answer_shown("pick-one")
    report["single_right_second_names"] = names("pick-one")

    # Multiple answers: a wrong set is called wrong, and no option is marked.
    choose("pick-two", 0, 2)
    report["multiple_first"] = feedback("pick-two")
    report["multiple_marks"] = len(form("pick-two").find_elements(By.CSS_SELECTOR, ".quiz-mark"))
    report["multiple_answer_shown"] = answer_shown("pick-two")

    # A number: the wrong form costs no try, a wrong number is marked, a fraction is right.
    field = form("sigmoid-peak").find_element(By.CSS_SELECTOR, "input")
    report["number_field"] = [field.get_attribute("type"), field.get_attribute("inputmode"), field.accessible_name]
    reply("sigmoid-peak", "abc")
    report["number_wrong_form"] = feedback("sigmoid-peak")
    report["number_wrong_form_invalid"] = field.get_attribute("aria-invalid")
    reply("sigmoid-peak", "0.3")
    report["number_wrong"] = feedback("sigmoid-peak")
    report["number_wrong_description"] = driver.execute_script(
        "var id = arguments[0].getAttribute('aria-describedby'); return id && document.getElementById(id).textContent.trim()",
        field)
    report["number_wrong_answer_shown"] = answer_shown("sigmoid-peak")
    reply("sigmoid-peak", "1/4")
    report["number_right"] = feedback("sigmoid-peak")
    report["number_key"] = form("sigmoid-peak").find_element(By.CSS_SELECTOR, ".quiz-answer p").text

    # New numbers: other values in the question, another key; the old key is now wrong, the new one right.
    question = form("product").find_element(By.CSS_SELECTOR, "legend")
    before = {"question": hidden_text(question), "key": hidden_text(form("product").find_element(By.CSS_SELECTOR, ".quiz-answer p"))}
    first_key = form("product").get_attribute("data-answer")
    reply("product", "1e9")
    form("product").find_element(By.CSS_SELECTOR, ".quiz-new").click()
    after = {"question": hidden_text(question), "key": hidden_text(form("product").find_element(By.CSS_SELECTOR, ".quiz-answer p"))}
    report["computed_changed"] = [before["question"] != after["question"], before["key"] != after["key"]]
    report["computed_after_new_feedback"] = feedback("product")
    report["computed_after_new_answer_shown"] = answer_shown("product")
    report["computed_after_new_focus"] = driver.switch_to.active_element.get_attribute("id")
    second_key = variant_key("product", 1)["answer"]
    report["computed_keys_differ"] = first_key != second_key
    reply("product", first_key)
    report["computed_old_key"] = feedback("product")
    reply("product", second_key)
    report["computed_new_key"] = feedback("product")
    report["computed_new_key_shown"] = after["key"] in hidden_text(form("product").find_element(By.CSS_SELECTOR, ".quiz-answer"))

    choice_before = [label.text for label in form("product-choice").find_elements(By.CSS_SELECTOR, "fieldset label")]
    form("product-choice").find_element(By.CSS_SELECTOR, ".quiz-new").click()
    choice_after = [label.text for label in form("product-choice").find_elements(By.CSS_SELECTOR, "fieldset label")]
    right = int(variant_key("product-choice", 1)["correct"])
    choose("product-choice", right)
    report["computed_choice_changed"] = choice_before != choice_after
    report["computed_choice_right"] = feedback("product-choice")

    # A reload keeps each question where the learner left it: the numbers drawn, the tries and their marks.
    driver.get(page)
    report["remembered"] = {
        "pick-one": [feedback("pick-one"), names("pick-one"), answer_shown("pick-one")],
        "pick-two": [feedback("pick-two"), answer_shown("pick-two")],
        "sigmoid-peak": [feedback("sigmoid-peak"), form("sigmoid-peak").find_element(By.CSS_SELECTOR, "input").get_attribute("value")],
        "product": [feedback("product"), hidden_text(form("product").find_element(By.CSS_SELECTOR, "legend")) == after["question"]],
    }

    # Portuguese: a decimal comma, exactly on the bound. (The browser keeps a question's state by its id, the same
    # in every language: start afresh.)
    driver.execute_script("window.localStorage.clear()")
    driver.get("file://" + os.path.join(site, "pt", "numbers", "index.html"))
    reply("sigmoid-peak", "0,251")
    report["pt_on_bound"] = feedback("sigmoid-peak")

    for scheme in ["light", "dark"]:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 390, "height": 900, "deviceScaleFactor": 1, "mobile": True})
        driver.get(page)
        # A wrong try on each of the first questions, to show their marks and tries left.
        choose("pick-one", 0)
        choose("pick-two", 2)
        reply("sigmoid-peak", "0.3")
        driver.execute_script("arguments[0].scrollIntoView()", form("pick-one"))
        driver.save_screenshot(os.path.join(shots, f"quiz-{scheme}-phone.png"))
        driver.execute_script("window.localStorage.clear()")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    report["console_errors"] = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]

    # Without JavaScript: no buttons, variant 0's numbers, and the answer behind a closed <details>.
    driver.execute_script("window.localStorage.clear()")
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    driver.get(page)
    details = form("product").find_element(By.TAG_NAME, "details")
    report["no_script"] = {
        "actions_shown": form("product").find_element(By.CSS_SELECTOR, ".quiz-actions").is_displayed(),
        "details_shown": details.is_displayed(),
        "details_open": details.get_attribute("open") is not None,
        "question": hidden_text(form("product").find_element(By.CSS_SELECTOR, "legend")) == before["question"],
        "legends": len(form("product").find_elements(By.CSS_SELECTOR, "legend")),
    }
    details.find_element(By.TAG_NAME, "summary").click()
    report["no_script"]["key_after_opening"] = form("product").find_element(By.CSS_SELECTOR, ".quiz-answer p").text
    report["no_script"]["key_before"] = before["key"]
finally:
    driver.quit()
print(json.dumps(report, ensure_ascii=False))

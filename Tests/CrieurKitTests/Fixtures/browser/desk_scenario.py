#!/usr/bin/env python3
"""The staff desk's « Done means » in a real browser: headless Chromium driven
by Selenium through Debian's chromedriver, against the desk served by a real
web server (lighttpd with Basic authentication) and a running worker.

Usage: desk_scenario.py BASE_URL SCREEN_URL AGENT:PASSWORD VALIDATOR:PASSWORD
                         --crieur BINARY --root WORKSPACE --service PID

The worker runs as a service (PID) while people write and review, so the pages
show its answers; before the approval the scenario stops it (SIGTERM) and,
after the click, runs `crieur --root WORKSPACE work --once` itself, which takes
the approval and publishes the item.

An agent writes an announcement with a sentence too long for the screen, sees
the live check's finding appear while typing, fixes it, previews the slide and
submits; the validator sends it back with a comment; the agent corrects it; a
forged approval (the agent's own valid token, then no token at all) is refused
by the server; the validator approves; the worker publishes it and it appears
on the screen page. axe-core's WCAG 2.1 AA rules run on the desk's pages.

Prints one JSON object: {"steps": [...], "axe": {PAGE: [violations]}}. Exits 1
with a message on standard error when a step does not happen (2 when the
browser cannot start)."""
import argparse
import base64
import json
import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chromium import open_browser  # noqa: E402
from axe_check import axe_source, TAGS  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

TITLE = "Atelier cuisine du jeudi"
LONG = ("Le centre public d'action sociale organise chaque jeudi matin dans la grande salle de la maison communale "
        "un atelier de cuisine ouvert à toutes les personnes qui souhaitent apprendre à préparer des repas simples "
        "et bon marché avec des produits de saison.")
SHORT = "Venez cuisiner avec nous. C'est gratuit. Apportez un tablier."
COMMENT = "Ajoutez le lieu, s'il vous plaît."
PLACE = "Salle du CPAS"

steps = []
axe_results = {}


def step(name, **details):
    steps.append(dict(step=name, **details))


def fail(message):
    print(json.dumps({"steps": steps, "axe": axe_results}, ensure_ascii=False, indent=1))
    print(message, file=sys.stderr)
    sys.exit(1)


def wait_for(what, predicate, seconds=60, interval=0.25):
    end = time.time() + seconds
    while time.time() < end:
        try:
            value = predicate()
        except Exception:  # the page is changing under us: try again
            value = None
        if value:
            return value
        time.sleep(interval)
    fail(f"timed out after {seconds} s waiting for: {what}")


def click_and_wait(driver, element):
    """Clicks a button that posts a form, then waits until the browser has left the page it was on: reading
    the page before the answer has come would read the old page (and, for the approval, run the worker
    before the web server has even received the decision)."""
    element.click()

    def left():
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
    wait_for("the answer page", left)
    return wait_for("the answer", lambda: driver.find_element(By.TAG_NAME, "main").text)


def login(driver, credentials):
    """Basic authentication for every request of the page (scripts' fetches too), as the browser would after the prompt."""
    token = base64.b64encode(credentials.encode()).decode()
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {"Authorization": "Basic " + token}})


def axe(driver, name):
    driver.execute_script(axe_source())
    report = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(function (r) { done({violations: r.violations}); }, function (e) { done({error: String(e)}); });", TAGS)
    if "error" in report:
        fail(f"axe-core failed on {name}: {report['error']}")
    axe_results[name] = [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                          "nodes": [{"target": n["target"], "html": n["html"], "summary": n.get("failureSummary", "")}
                                    for n in v["nodes"]]} for v in report["violations"]]


def section_text(driver, heading_start):
    for section in driver.find_elements(By.CSS_SELECTOR, "section"):
        headings = section.find_elements(By.CSS_SELECTOR, "h2")
        if headings and headings[0].text.startswith(heading_start):
            return section.text
    return ""


def post(driver, path, fields, with_token):
    """A POST from the desk's own page by script: what a person with the browser's tools could send."""
    return driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        var body = new URLSearchParams(arguments[1]);
        if (arguments[2]) { var f = document.querySelector('input[name=jeton]'); body.append('jeton', f ? f.value : ''); }
        fetch(arguments[0], {method: 'POST', credentials: 'same-origin', body: body,
                             headers: {'Content-Type': 'application/x-www-form-urlencoded'}})
          .then(function (r) { return r.text().then(function (t) { done({status: r.status, text: t}); }); },
                function (e) { done({status: 0, text: String(e)}); });
    """, path, fields, with_token)


def stop_service(pid):
    """SIGTERM to the worker service the test started, then wait until it is gone (or a zombie for its parent to reap)."""
    os.kill(pid, signal.SIGTERM)
    def gone():
        try:
            with open(f"/proc/{pid}/status") as status:
                return any(line.startswith("State:") and "Z" in line.split()[1] for line in status)
        except FileNotFoundError:
            return True
    wait_for("the worker service to stop", gone, seconds=30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("screen")
    parser.add_argument("agent")
    parser.add_argument("validator")
    parser.add_argument("--crieur", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--service", type=int, required=True)
    arguments = parser.parse_args()
    base, screen, agent, validator = arguments.base, arguments.screen, arguments.agent, arguments.validator
    agent_name, validator_name = agent.split(":")[0], validator.split(":")[0]
    driver = open_browser(1280, 900)
    try:
        # 1. The agent writes, with a sentence too long for the screen.
        login(driver, agent)
        driver.get(base + "/annonce")
        driver.find_element(By.ID, "titre").send_keys(TITLE)
        for box in driver.find_elements(By.CSS_SELECTOR, "input[name=canal]"):
            if box.get_attribute("value") == "ecran" and not box.is_selected():
                box.click()
        driver.find_element(By.ID, "quand").send_keys("chaque jeudi de 9 h à 11 h")
        body = driver.find_element(By.ID, "corps")
        body.send_keys(LONG)
        live = driver.find_element(By.ID, "verification-directe")

        def screen_verdict():
            for heading in live.find_elements(By.CSS_SELECTOR, "h3[data-canal=ecran]"):
                return heading.text
            return None

        verdict = wait_for("the live check's ✘ for the screen", lambda: (screen_verdict() or "").startswith("✘") and screen_verdict())
        finding = wait_for("a finding quoting the long sentence",
                           lambda: next((li.text for li in live.find_elements(By.CSS_SELECTOR, "li.constat")
                                         if "grande salle" in li.text), None))
        step("finding while typing", verdict=verdict, finding=finding)
        axe(driver, "formulaire avec vérification")

        # 2. Fixed: the check turns ✔ for the screen.
        body.clear()
        body.send_keys(SHORT)
        verdict = wait_for("the live check's ✔ for the screen", lambda: (screen_verdict() or "").startswith("✔") and screen_verdict())
        step("fixed", verdict=verdict)

        # 3. The slide's preview.
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "button[value=apercu]"))
        frame = wait_for("the screen's preview", lambda: driver.find_element(By.CSS_SELECTOR, ".crieur-apercu-ecran iframe"))
        srcdoc = frame.get_attribute("srcdoc") or ""
        if TITLE not in srcdoc:
            fail("the slide's preview does not show the title")
        driver.switch_to.frame(frame)
        slide_text = driver.find_element(By.TAG_NAME, "body").text
        driver.switch_to.default_content()
        step("preview", slide=slide_text[:200])
        axe(driver, "aperçu")

        # 4. Submitted for approval.
        message = click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "button[value=envoyer]"))
        step("submitted", page=message[:300])

        def listed(heading):
            driver.get(base + "/")
            return TITLE in section_text(driver, heading)

        wait_for("the item waiting for approval", lambda: listed("En attente de validation"))
        axe(driver, "liste")

        # 5. The validator sends it back with a comment.
        login(driver, validator)
        driver.get(base + "/relecture")
        article = wait_for("the item on the review page",
                           lambda: next((a for a in driver.find_elements(By.CSS_SELECTOR, "article.relecture") if TITLE in a.text), None))
        review_id = article.get_attribute("id")[2:]
        axe(driver, "relecture")
        driver.set_window_size(390, 844)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
        driver.get(base + "/relecture")
        approve = driver.find_element(By.ID, "approuver-" + review_id)
        phone = {"buttonWidth": approve.size["width"], "buttonHeight": approve.size["height"],
                 "pageWidth": driver.execute_script("return document.documentElement.scrollWidth")}
        step("review page on a phone", **phone)
        axe(driver, "relecture sur téléphone")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        driver.get(base + "/relecture")
        driver.find_element(By.ID, "commentaire-" + review_id).send_keys(COMMENT)
        step("sent back", page=click_and_wait(driver, driver.find_element(By.ID, "renvoyer-" + review_id))[:300])

        # 6. The agent sees the comment and corrects.
        login(driver, agent)
        wait_for("the item sent back with the comment",
                 lambda: listed("Renvoyées à l'auteur") and COMMENT in section_text(driver, "Renvoyées à l'auteur"))
        driver.get(base + "/annonce?relecture=" + review_id)
        if driver.find_element(By.ID, "titre").get_attribute("value") != TITLE:
            fail("the correction form is not filled with the item")
        if COMMENT not in driver.find_element(By.TAG_NAME, "main").text:
            fail("the correction form does not show the validator's comment")
        driver.find_element(By.ID, "lieu").send_keys(PLACE)
        step("corrected", page=click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "button[value=envoyer]"))[:300])
        wait_for("the corrected item waiting again", lambda: listed("En attente de validation"))

        # 7. Forged approvals: the agent's own valid token (no validation role), then no token at all.
        forged = post(driver, base + "/approuver", {"relecture": review_id}, True)
        step("agent approves", status=forged["status"])
        if forged["status"] != 403:
            fail(f"an agent's approval was not refused: {forged['status']}")
        login(driver, validator)
        driver.get(base + "/relecture")
        tokenless = post(driver, base + "/approuver", {"relecture": review_id}, False)
        step("approval without token", status=tokenless["status"])
        if tokenless["status"] != 403:
            fail(f"an approval without token was not refused: {tokenless['status']}")
        # A page of another site (localhost is another origin than 127.0.0.1) posting a form, even with a valid token.
        driver.get(base + "/relecture")
        token = driver.find_element(By.CSS_SELECTOR, "input[name=jeton]").get_attribute("value")
        driver.get(base.replace("127.0.0.1", "localhost").rsplit("/bureau", 1)[0] + "/autre-site.html")
        driver.execute_script("""
            var form = document.createElement('form');
            form.method = 'post'; form.action = arguments[0];
            [['relecture', arguments[1]], ['jeton', arguments[2]]].forEach(function (pair) {
              var input = document.createElement('input');
              input.type = 'hidden'; input.name = pair[0]; input.value = pair[1]; form.appendChild(input);
            });
            document.body.appendChild(form);
            form.submit();
        """, base + "/approuver", review_id, token)
        refused = wait_for("the answer to the other site's form",
                           lambda: driver.current_url.startswith(base) and driver.find_element(By.TAG_NAME, "main").text)
        step("approval from another site", page=refused[:200])
        if "Demande refusée" not in refused:
            fail("a form posted from another site was not refused: " + refused[:300])
        if not listed("En attente de validation"):
            fail("a refused approval changed the item's state")

        # 8. The validator approves; `work --once` takes the approval and publishes it on the screen.
        stop_service(arguments.service)
        driver.get(base + "/relecture")
        answer = click_and_wait(driver, driver.find_element(By.ID, "approuver-" + review_id))
        step("approved", page=answer[:300])
        if "Votre décision est enregistrée" not in answer:
            fail("the approval's answer is not the one the desk gives while the worker is stopped: " + answer[:300])
        work = subprocess.run([arguments.crieur, "--root", arguments.root, "work", "--once"], capture_output=True, text=True, timeout=300)
        if work.returncode != 0:
            fail(f"work --once failed ({work.returncode}): {work.stderr}")
        step("published by work --once", output=work.stdout[-500:], log=work.stderr[-1500:])
        driver.get(screen)
        shown = driver.find_element(By.TAG_NAME, "body").text
        if driver.current_url != screen or TITLE not in shown:
            fail(f"the screen page ({driver.current_url}) does not show the item after work --once: " + shown[:500])
        step("on the screen page", text=shown[:300])
    finally:
        driver.quit()
    print(json.dumps({"steps": steps, "axe": axe_results, "users": [agent_name, validator_name]}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

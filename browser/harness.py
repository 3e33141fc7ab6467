"""Black-box browser suite for Shabaka.

Starts a throwaway server (a copy of the built binary, a fresh SQLite file, mail caught by a sendmail
stand-in), drives headless Chromium emulating a 360 px phone through the journeys in ``browser/journeys/`` in
each language (Arabic, French, English), and after every page load:

- checks the HTTP status, the page's resources and ``<html lang dir>``;
- runs axe-core (once, at phone width);
- at phone width: no sideways scroll, no catalog key or raw enum value in the visible text, dates and codes
  isolated (the rules: ``browser/pagechecks.py``), and a screenshot ``NN-step.png``;
- at desktop width (1280 px, CDP ``Emulation.setDeviceMetricsOverride``): no sideways scroll, and a screenshot
  ``NN-step.desktop.png``; then back to the phone (always, even when a check fails).

Screenshots are kept under ``browser/artifacts/<journey>/<lang>/``; ``browser/artifacts/report.json`` holds the
outcomes, axe's violations and the page checks' findings (grouped), ``browser/artifacts/findings.md`` the
findings as tables.

    .browser-venv/bin/python browser/harness.py [--journeys account,admin] [--langs ar,fr,en] [--collect] [--keep]

A page check's finding fails its journey (after both widths are checked) unless ``--collect`` is given: then
findings are only recorded, so that one run lists them all. ``SHABAKA_HOME=<folder>`` makes the server and the
suite read templates, catalogs and reference lists from that folder's ``Resources/`` (and ``Public/``) instead of
the repository's: a snapshot that matches the binary while others edit the templates.

Usually started through ``scripts/browser-suite``. Exit status: 0 when every journey passed and axe found
no serious or critical violation, 1 otherwise (page-check findings count only without ``--collect``), 2 when
the suite could not start.
"""
from __future__ import annotations

import argparse
import base64
import email
import email.policy
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import urljoin, urlsplit

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

import pagechecks
from pagechecks import Finding

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "browser" / "artifacts"
# The folder whose Resources/ (templates, catalogs, reference lists) and Public/ the server reads, and the suite
# with it: the repository, or SHABAKA_HOME (a snapshot matching the binary while templates are being edited).
HOME = Path(os.environ.get("SHABAKA_HOME") or ROOT).resolve()
LOCALES = HOME / "Resources" / "Locales"
LANGUAGES = ("ar", "fr", "en")
RTL = {"ar"}
PHONE = (360, 800)
DESKTOP = (1280, 900)
BLOCKING_IMPACTS = ("serious", "critical")


class Failure(AssertionError):
    """A journey's expectation that the page did not meet."""


class Skip(Exception):
    """A journey cannot run: what it builds on is missing (another journey failed before leaving it)."""


class SetupError(RuntimeError):
    """The suite could not start (binary, server, browser)."""


# --------------------------------------------------------------------------------------------------
# Catalogs


class Catalog:
    """The site's texts in one language, read from ``Resources/Locales/<lang>.json``."""

    def __init__(self, lang: str):
        self.lang = lang
        self.texts: dict[str, str] = json.loads((LOCALES / f"{lang}.json").read_text(encoding="utf-8"))

    def __call__(self, key: str, *args: Any) -> str:
        if key not in self.texts:
            raise Failure(f"catalog {self.lang}.json has no key {key!r}")
        text = self.texts[key]
        for index, arg in enumerate(args, start=1):
            text = text.replace("{%d}" % index, str(arg))
        return text


@lru_cache(maxsize=None)
def catalog(lang: str) -> Catalog:
    """The catalog of ``lang``, read once."""
    return Catalog(lang)


# --------------------------------------------------------------------------------------------------
# Mail


SENDMAIL = """#!/bin/sh
# sendmail stand-in for the browser suite: one file per message (called with -t -i, message on stdin).
dir='{folder}'
name="$(date +%s%N)-$$"
cat > "$dir/.$name.tmp" && mv "$dir/.$name.tmp" "$dir/$name.eml"
"""

URL_PATTERN = re.compile(r"https?://[^\s<>\"']+")


class Mailbox:
    """The messages the server sent, one file each in ``folder`` (oldest first)."""

    def __init__(self, folder: Path, deliver: Callable[[], None]):
        self.folder = folder
        self.deliver = deliver

    def messages(self) -> list[email.message.EmailMessage]:
        found = []
        for path in sorted(self.folder.glob("*.eml")):
            with path.open("rb") as handle:
                found.append(email.message_from_binary_file(handle, policy=email.policy.default))
        return found

    @staticmethod
    def body(message: email.message.EmailMessage) -> str:
        part = message.get_body(preferencelist=("plain", "html"))
        return (part or message).get_content()

    def latest(self, address: str, path_part: str, timeout: float = 30.0) -> email.message.EmailMessage:
        """The newest message to ``address`` whose body holds ``path_part``; delivers the outbox while waiting."""
        deadline = time.monotonic() + timeout
        while True:
            self.deliver()
            matches = [m for m in self.messages()
                       if address.lower() in str(m.get("To", "")).lower() and path_part in self.body(m)]
            if matches:
                return matches[-1]
            if time.monotonic() > deadline:
                raise Failure(f"no mail to {address} with a link containing {path_part!r} after {timeout:.0f} s "
                              f"({len(self.messages())} messages in {self.folder})")
            time.sleep(0.5)

    def latest_link(self, address: str, path_part: str, timeout: float = 30.0) -> str:
        """The link (path and query) holding ``path_part`` in the newest such message to ``address``."""
        body = self.body(self.latest(address, path_part, timeout))
        for url in URL_PATTERN.findall(body):
            url = url.rstrip(".,;:)»")
            if path_part in url:
                parts = urlsplit(url)
                return parts.path + ("?" + parts.query if parts.query else "")
        raise Failure(f"mail to {address} mentions {path_part!r} but holds no link to it:\n{body}")


# --------------------------------------------------------------------------------------------------
# Server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A private copy of the binary serving a fresh SQLite file from a temporary folder."""

    def __init__(self, binary: Path, port: int | None = None, keep: bool = False):
        self.source = binary
        self.port = port or free_port()
        self.keep = keep
        self.base = f"http://127.0.0.1:{self.port}"
        self.work = Path(tempfile.mkdtemp(prefix="shabaka-browser-"))
        self.binary = self.work / "shabaka"
        self.mail_folder = self.work / "mail"
        self.log = self.work / "server.log"
        self.process: subprocess.Popen | None = None
        self.admin_email = "admin@example.org"
        self.admin_password = ""
        self.env = dict(os.environ)

    def run(self, *args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess:
        result = subprocess.run([str(self.binary), *args], env=self.env, cwd=self.work, stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=timeout)
        if check and result.returncode != 0:
            raise SetupError(f"`shabaka {' '.join(args)}` exited {result.returncode}:\n{result.stdout}{result.stderr}")
        return result

    def start(self) -> None:
        if not self.source.is_file():
            raise SetupError(f"no binary at {self.source}: `swift build --product shabaka` is needed")
        # The build may replace the binary while the suite runs: serve a copy.
        shutil.copy2(self.source, self.binary)
        self.mail_folder.mkdir()
        sendmail = self.work / "sendmail"
        sendmail.write_text(SENDMAIL.format(folder=self.mail_folder))
        sendmail.chmod(0o755)
        self.env.update({
            "SHABAKA_HOME": str(HOME), "SHABAKA_DB": str(self.work / "browser.sqlite"), "SHABAKA_BCRYPT_COST": "4",
            "LOG_LEVEL": "warning", "SHABAKA_DEMO": "1", "SHABAKA_BASE_URL": self.base,
            "SHABAKA_SENDMAIL": str(sendmail),
        })
        for name in ("DATABASE_URL", "SHABAKA_SECURE_COOKIES", "SHABAKA_TRUSTED_PROXIES"):
            self.env.pop(name, None)
        self.run("migrate", "-y")
        created = self.run("create-admin", "--email", self.admin_email).stdout
        match = re.search(r"^One-time password: (\S+)", created, re.MULTILINE)
        if not match:
            raise SetupError(f"create-admin printed no one-time password:\n{created}")
        self.admin_password = match.group(1)
        log = self.log.open("w")
        self.process = subprocess.Popen([str(self.binary), "serve", "--port", str(self.port)], env=self.env,
                                        cwd=self.work, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SetupError(f"server exited {self.process.returncode} at start:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.base}/readyz", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.2)
        raise SetupError(f"server not ready on {self.base} after 90 s:\n{self.log_tail()}")

    def deliver_outbox(self) -> None:
        self.run("outbox", "deliver")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
        if self.keep:
            print(f"kept {self.work}")
        else:
            shutil.rmtree(self.work, ignore_errors=True)


# --------------------------------------------------------------------------------------------------
# Results


@dataclass
class AxeViolation:
    journey: str
    lang: str
    step: str
    url: str
    rule: str
    impact: str
    nodes: int
    help: str
    targets: list[str]


@dataclass
class Outcome:
    journey: str
    lang: str
    status: str = "not run"          # pass, FAIL, skipped
    steps: int = 0
    seconds: float = 0.0
    error: str = ""
    where: str = ""                  # step and URL of the failure
    axe_blocking: int = 0            # serious + critical violations (rule × page)
    axe_other: int = 0               # moderate + minor
    findings: int = 0                # page checks' findings (pagechecks.py)
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------------
# Browser


def new_driver(size: tuple[int, int] = PHONE, lang: str = "ar") -> webdriver.Chrome:
    """Headless Chromium emulating a phone: a real ``size`` CSS-pixel viewport (a desktop window cannot be
    made narrower than 500 px), touch, the page's viewport meta honoured."""
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--lang={lang}",
                 "--disable-extensions", "--password-store=basic", "--no-first-run"):
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {
        "width": size[0], "height": size[1], "pixelRatio": 1.0, "touch": True, "mobile": True}})
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    try:
        driver = webdriver.Chrome(service=service, options=options)
    except WebDriverException as error:
        raise SetupError(f"Chromium did not start: {error.msg}") from error
    driver.set_page_load_timeout(30)
    driver.get("data:text/html,<meta name=viewport content='width=device-width'>")
    width = driver.execute_script("return window.innerWidth")
    if width != size[0]:
        driver.quit()
        raise SetupError(f"the browser's viewport is {width} px wide, not {size[0]}")
    return driver


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:50] or "page"


def squash(text: str) -> str:
    return " ".join(text.split())


BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def unbidi(text: str) -> str:
    """``text`` squashed and without its invisible direction marks and isolates (catalogs wrap codes in them)."""
    return squash(text.translate(BIDI_CONTROLS))


class Browser:
    """One journey in one language: a fresh browser, helpers that act like a person, and checks."""

    def __init__(self, suite: "Suite", outcome: Outcome):
        self.suite = suite
        self.server = suite.server
        self.mail = suite.mail
        self.outcome = outcome
        self.journey = outcome.journey
        self.lang = outcome.lang
        self.t = catalog(self.lang)
        self.state = suite.state.setdefault(self.lang, {})   # what journeys of one language share
        self.artifacts = ARTIFACTS / self.journey / self.lang
        shutil.rmtree(self.artifacts, ignore_errors=True)
        self.artifacts.mkdir(parents=True, exist_ok=True)
        self.driver = new_driver(suite.size, self.lang)
        self.step_number = 0
        self.step_name = "start"
        self.status: int | None = None
        self.expect_lang: str | None = None     # set for the next page load only (a redirect to another language)

    # ---- navigation ----------------------------------------------------------------------------

    def url(self, path: str) -> str:
        """``sign-up`` is this language's page; ``/fr/sign-up`` is taken as it is."""
        if path.startswith("http"):
            return path
        if not path.startswith("/"):
            path = f"/{self.lang}/{path}"
        return self.server.base + path

    @property
    def path(self) -> str:
        parts = urlsplit(self.driver.current_url)
        return parts.path + ("?" + parts.query if parts.query else "")

    def visit(self, path: str, step: str | None = None, lang: str | None = None) -> None:
        """Open a page as if typed in the address bar."""
        self._drain_log()
        self.driver.get(self.url(path))
        self.loaded(step or slug(urlsplit(self.url(path)).path.split("/", 2)[-1]), lang)

    def click_link(self, text: str, within: WebElement | str | None = None, step: str | None = None,
                   lang: str | None = None) -> None:
        """Follow the link whose visible text is ``text``."""
        scope = self._scope(within)
        links = [a for a in scope.find_elements(By.TAG_NAME, "a") if squash(a.text) == squash(text) and a.is_displayed()]
        if not links:
            raise Failure(f"no link {text!r} on {self.path}")
        self._go(links[0], step or slug(urlsplit(links[0].get_attribute("href") or "").path.split("/", 2)[-1]), lang)

    def submit(self, target: str, within: WebElement | str | None = None, step: str | None = None,
               lang: str | None = None) -> None:
        """Press a submit button: its visible text, or ``css=SELECTOR``."""
        scope = self._scope(within)
        if target.startswith("css="):
            buttons = scope.find_elements(By.CSS_SELECTOR, target[4:])
        else:
            buttons = [b for b in scope.find_elements(By.CSS_SELECTOR, "button, input[type=submit]")
                       if squash(b.text or b.get_attribute("value") or "") == squash(target)]
        buttons = [b for b in buttons if b.is_displayed()]
        if not buttons:
            raise Failure(f"no button {target!r} on {self.path}")
        if len(buttons) > 1:
            raise Failure(f"{len(buttons)} buttons {target!r} on {self.path}: say which (within=)")
        self._go(buttons[0], step or f"submit-{slug(target) if target.isascii() else 'form'}", lang)

    def _go(self, element: WebElement, step: str, lang: str | None) -> None:
        """Click ``element`` and wait for the page it leads to."""
        self._drain_log()
        self.reveal(element)
        self.driver.execute_script("window.__shabakaPage = 'old'; arguments[0].scrollIntoView({block: 'center'})",
                                   element)
        element.click()

        def arrived(driver: webdriver.Chrome) -> bool:
            try:
                return driver.execute_script(
                    "return window.__shabakaPage !== 'old' && document.readyState === 'complete'")
            except WebDriverException:
                return False        # between two documents
        try:
            WebDriverWait(self.driver, 30, poll_frequency=0.1).until(arrived)
        except WebDriverException as error:
            blocked = self.driver.execute_script(
                "return Array.from(document.querySelectorAll('main :invalid')).map(e => e.name || e.id)")
            raise Failure(f"no new page 30 s after {step} on {self.path}"
                          + (f" (the browser refused fields {blocked})" if blocked else "")) from error
        self.loaded(step, lang)

    def _scope(self, within: WebElement | str | None) -> Any:
        """Where to look: the page, an element, or the element a CSS selector finds (its menu opened)."""
        if within is None:
            return self.driver
        if isinstance(within, str):
            found = self.driver.find_elements(By.CSS_SELECTOR, within)
            if not found:
                raise Failure(f"nothing matches {within!r} on {self.path}")
            within = found[0]
        self.reveal(within)
        return within

    def reveal(self, element: WebElement) -> None:
        """Open the closed ``<details>`` around ``element`` by tapping their summaries, as a person opens the
        site's menu on a phone (it sits behind a "Menu" button below desktop width)."""
        summaries = self.driver.execute_script("""
            const summaries = [];
            for (let d = arguments[0].closest('details:not([open])'); d; d = d.parentElement
                     && d.parentElement.closest('details:not([open])')) {
                const summary = d.querySelector(':scope > summary');
                if (summary && !summary.contains(arguments[0])) summaries.unshift(summary);
            }
            return summaries;""", element)
        for summary in summaries:
            summary.click()

    # ---- after every page load -----------------------------------------------------------------

    def _drain_log(self) -> None:
        try:
            self.driver.get_log("performance")
        except WebDriverException:
            pass

    def _responses(self) -> list[dict]:
        found = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.responseReceived":
                found.append(message["params"])
        return found

    def loaded(self, step: str, lang: str | None = None) -> None:
        """A page has loaded: status, resources, language, axe, then the page checks at both widths."""
        WebDriverWait(self.driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
        self.step_number += 1
        self.step_name = step
        self.outcome.steps = self.step_number
        responses = self._responses()
        documents = [r for r in responses if r.get("type") == "Document"]
        self.status = documents[-1]["response"]["status"] if documents else None
        self.screenshot()
        self.run_axe()
        if self.status is not None and self.status >= 500:
            raise Failure(f"server error {self.status} on {self.path}: {self.main_text()[:300]}")
        broken = [f"{r['response']['status']} {r['response']['url']}" for r in responses
                  if r.get("type") in ("Stylesheet", "Script", "Image", "Font") and r["response"]["status"] >= 400]
        if broken:
            raise Failure(f"{self.path} loads broken resources: {', '.join(broken)}")
        expected = lang or self.lang
        self.check_html_lang(expected)
        self.check_page(expected)

    def check_html_lang(self, lang: str) -> None:
        html = self.driver.find_element(By.TAG_NAME, "html")
        seen = (html.get_attribute("lang"), html.get_attribute("dir"))
        wanted = (lang, "rtl" if lang in RTL else "ltr")
        if seen != wanted:
            raise Failure(f'<html lang="{seen[0]}" dir="{seen[1]}"> on {self.path}, expected lang="{wanted[0]}" '
                          f'dir="{wanted[1]}"')

    def screenshot(self, suffix: str = "") -> Path:
        """The whole page at the current width, not only its first screen: ``NN-step<suffix>.png``."""
        path = self.artifacts / f"{self.step_number:02d}-{slug(self.step_name)}{suffix}.png"
        width, height = self.driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 16000), "scale": 1}})
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    # ---- page checks (rules: pagechecks.py) ---------------------------------------------------------

    def check_page(self, lang: str) -> None:
        """The page checks: at phone width (sideways scroll, visible text), then at desktop width (sideways scroll,
        a second screenshot). Findings are recorded; without ``--collect`` they then fail the journey."""
        found = self.record(self.check_reflow("phone") + self.check_text(lang))
        with self.desktop():
            found += self.record(self.check_reflow("desktop"))
            self.screenshot(".desktop")
        if found and not self.suite.collect:
            listed = "; ".join(f"{f.check} {f.text!r} in {f.element}" for f in found[:5])
            raise Failure(f"{len(found)} page-check findings on {self.path}: {listed}"
                          + (" …" if len(found) > 5 else ""))

    def record(self, found: list[Finding]) -> list[Finding]:
        """Keep ``found`` in the journey's count and the suite's list (as soon as found: a later failure keeps them)."""
        self.outcome.findings += len(found)
        self.suite.findings += found
        return found

    def finding(self, check: str, text: str, context: str, element: str) -> Finding:
        """A finding on this page, at this step."""
        return Finding(check, self.journey, self.lang, f"{self.step_number:02d}-{self.step_name}", self.path,
                       text, context, element)

    def check_reflow(self, width_name: str) -> list[Finding]:
        """Nothing makes the page itself scroll sideways (WCAG 1.4.10; wide tables scroll in their own box)."""
        client, scroll, culprits = self.driver.execute_script(pagechecks.JS_REFLOW)
        if scroll <= client + 1:
            return []
        sticking_out = ", ".join(f"{path} by {pixels} px" for path, pixels in culprits)
        return [self.finding(f"sideways-scroll ({width_name})", f"{scroll} px wide on a {client} px screen",
                             f"sticking out: {sticking_out}", culprits[0][0] if culprits else "html")]

    def check_text(self, lang: str) -> list[Finding]:
        """Checks a, b, c of ``pagechecks`` on the visible text, in the catalog of the page's language ``lang``."""
        nodes = self.driver.execute_script(pagechecks.JS_VISIBLE_TEXT)
        return [self.finding(*found)
                for found in pagechecks.text_findings(nodes, lang, set(catalog(lang).texts))]

    def emulate(self, size: tuple[int, int], mobile: bool) -> None:
        """Give the page a ``size`` CSS-pixel viewport (a phone's when ``mobile``: the viewport meta honoured), and
        make sure the page's media queries see that width (``innerWidth`` is larger on a phone when the page is
        too wide: the phone zooms out)."""
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": mobile})
        if not self.driver.execute_script("return matchMedia(`(width: ${arguments[0]}px)`).matches", size[0]):
            seen = self.driver.execute_script("return [innerWidth, document.documentElement.clientWidth]")
            raise Failure(f"the page is not {size[0]} px wide after asking for it (innerWidth, clientWidth: {seen}; "
                          f"on {self.path})")

    @contextmanager
    def desktop(self) -> Iterator[None]:
        """The page at desktop width within the ``with`` block; the phone's size comes back whatever happens."""
        try:
            self.emulate(DESKTOP, mobile=False)
            yield
        finally:
            self.emulate(self.suite.size, mobile=True)

    def run_axe(self) -> None:
        axe = Axe(self.driver)
        axe.inject()
        result = axe.run(options={"resultTypes": ["violations"]})
        for violation in result["violations"]:
            if violation.get("impact") in BLOCKING_IMPACTS:
                self.outcome.axe_blocking += 1
                self.suite.violations.append(AxeViolation(
                    self.journey, self.lang, f"{self.step_number:02d}-{self.step_name}", self.path, violation["id"],
                    violation["impact"], len(violation["nodes"]), violation["help"],
                    [", ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
                     for node in violation["nodes"][:5]]))
            else:
                self.outcome.axe_other += 1

    # ---- forms ---------------------------------------------------------------------------------

    def form_of(self, name: str) -> WebElement:
        """The form in the page's main part that holds a field named ``name``."""
        for form in self.driver.find_elements(By.CSS_SELECTOR, "main form"):
            if form.find_elements(By.NAME, name):
                return form
        raise Failure(f"no form with a field {name!r} on {self.path}")

    def fill(self, fields: dict[str, Any] | None = None, within: WebElement | str | None = None, **more: Any) -> None:
        """Type into fields by name, as a person would: text is typed, options chosen, boxes ticked.

        A list ticks exactly those values of a check-box group (``{"languages[]": ["ar", "fr"]}``); True/False
        ticks or clears a single box; a select takes the option's value."""
        values = dict(fields or {}, **more)
        for name, value in values.items():
            scope = self._scope(within) if within is not None else self.form_of(name)
            elements = scope.find_elements(By.NAME, name)
            if not elements:
                raise Failure(f"no field {name!r} on {self.path}")
            first = elements[0]
            kind = (first.get_attribute("type") or first.tag_name).lower()
            if first.tag_name == "select":
                try:
                    Select(first).select_by_value(str(value))
                except NoSuchElementException as error:
                    raise Failure(f"{name!r} on {self.path} has no option {value!r}") from error
            elif kind == "checkbox":
                wanted = {str(v) for v in value} if isinstance(value, (list, tuple, set)) else None
                for box in elements:
                    tick = (box.get_attribute("value") in wanted) if wanted is not None else bool(value)
                    if box.is_selected() != tick:
                        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
                        box.click()
            elif kind == "radio":
                matching = [r for r in elements if r.get_attribute("value") == str(value)]
                if not matching:
                    raise Failure(f"radio {name!r} on {self.path} has no value {value!r}")
                matching[0].click()
            elif kind in ("date", "month", "time", "datetime-local"):
                # A person picks the date with the browser's picker, whose typing order follows the locale;
                # set the ISO value as the picker does, with the events it fires.
                self.driver.execute_script(
                    "arguments[0].value = arguments[1];"
                    "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                    "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", first, str(value))
                if first.get_property("value") != str(value):
                    raise Failure(f"the {kind} field {name!r} on {self.path} does not take {value!r}")
            else:
                self.type_into(first, str(value))

    def type_into(self, element: WebElement, text: str) -> None:
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.clear()
        # Long texts go in pieces: ChromeDriver types each character, one command per piece keeps it steady.
        for start in range(0, len(text), 500):
            element.send_keys(text[start:start + 500])
        typed = element.get_property("value").replace("\r\n", "\n")
        if typed != text.replace("\r\n", "\n"):
            raise Failure(f"typing into {element.get_attribute('name')!r} on {self.path} left {len(typed)} "
                          f"characters of {len(text)}")

    def field(self, name: str) -> WebElement:
        elements = self.driver.find_elements(By.CSS_SELECTOR, f"main [name='{name}']")
        if not elements:
            raise Failure(f"no field {name!r} on {self.path}")
        return elements[0]

    def value(self, name: str) -> Any:
        """What a field holds now: text, the chosen option's value, or the ticked values of a box group."""
        element = self.field(name)
        if element.tag_name == "select":
            return Select(element).first_selected_option.get_attribute("value")
        if (element.get_attribute("type") or "").lower() == "checkbox":
            return [box.get_attribute("value")
                    for box in self.driver.find_elements(By.CSS_SELECTOR, f"main [name='{name}']") if box.is_selected()]
        return (element.get_property("value") or "").replace("\r\n", "\n")

    def field_error(self, name: str) -> str:
        """The error shown on a field: it must be marked aria-invalid and point at its message."""
        element = self.field(name)
        if element.get_attribute("aria-invalid") != "true":
            raise Failure(f"field {name!r} on {self.path} is not aria-invalid")
        described = (element.get_attribute("aria-describedby") or "").split()
        errors = [self.driver.find_element(By.ID, i) for i in described if self.driver.find_elements(By.ID, i)]
        errors = [e for e in errors if "field-error" in (e.get_attribute("class") or "")]
        if not errors:
            raise Failure(f"field {name!r} on {self.path} is aria-invalid but aria-describedby names no error "
                          f"message ({described})")
        return squash(errors[0].text)

    def no_field_error(self, name: str) -> None:
        if self.field(name).get_attribute("aria-invalid") == "true":
            raise Failure(f"field {name!r} on {self.path} is marked invalid")

    # ---- reading the page ----------------------------------------------------------------------

    def main_text(self) -> str:
        mains = self.driver.find_elements(By.TAG_NAME, "main")
        return squash(mains[0].text) if mains else squash(self.driver.find_element(By.TAG_NAME, "body").text)

    def h1(self) -> str:
        headings = self.driver.find_elements(By.CSS_SELECTOR, "main h1")
        return squash(headings[0].text) if headings else ""

    def messages(self) -> list[str]:
        """The page's status messages (``.form-message``)."""
        return [squash(e.text) for e in self.driver.find_elements(By.CSS_SELECTOR, "main .form-message")]

    def nav_texts(self) -> list[str]:
        """The texts of the site's navigation (its menu opened)."""
        nav = self._scope(".site-nav")
        return [squash(e.text) for e in nav.find_elements(By.CSS_SELECTOR, "a, button")]

    # ---- checks --------------------------------------------------------------------------------

    def expect(self, condition: Any, message: str) -> None:
        if not condition:
            raise Failure(f"{message} (on {self.path})")

    def expect_h1(self, key: str, *args: Any) -> None:
        wanted = squash(self.t(key, *args))
        self.expect(self.h1() == wanted, f"heading is {self.h1()!r}, expected {wanted!r} ({key})")
        title = squash(self.driver.title)
        self.expect(title.startswith(wanted), f"<title> is {title!r}, expected it to start with {wanted!r}")

    def expect_path(self, path: str) -> None:
        """The address is ``path`` (query included when ``path`` has one; this language's when relative)."""
        wanted = path if path.startswith("/") else f"/{self.lang}/{path}"
        seen = self.path if "?" in wanted else self.path.split("?")[0]
        self.expect(seen == wanted, f"address is {self.path}, expected {wanted}")

    def expect_status(self, status: int) -> None:
        self.expect(self.status == status, f"HTTP status {self.status}, expected {status}")

    def expect_text(self, key: str, *args: Any) -> None:
        wanted = squash(self.t(key, *args))
        self.expect(wanted in self.main_text(), f"page does not say {wanted!r} ({key})")

    def expect_message(self, key: str, *args: Any) -> None:
        wanted = squash(self.t(key, *args))
        self.expect(wanted in self.messages(), f"status messages are {self.messages()}, expected {wanted!r} ({key})")

    def note(self, text: str) -> None:
        """Something worth reporting that does not fail the journey."""
        self.outcome.notes.append(f"{self.step_number:02d}-{self.step_name} {self.path}: {text}")

    # ---- people --------------------------------------------------------------------------------

    def sign_up(self, name: str, address: str, password: str, confirmation: str | None = None,
                language: str | None = None) -> None:
        """Fill and send the sign-up form (from this language's sign-up page)."""
        self.visit("sign-up", step="sign-up-form")
        self.expect_h1("auth.sign_up.title")
        fields = {"display_name": name, "email": address, "password": password,
                  "password_confirmation": password if confirmation is None else confirmation}
        if language:
            fields["language"] = language
        self.fill(fields)
        self.submit(self.t("auth.sign_up.submit"), within="main", step="sign-up-sent")

    def confirm(self, address: str) -> None:
        """Open the confirmation link from the newest mail to ``address`` and press its button."""
        link = self.mail.latest_link(address, "/sign-up/confirm")
        self.visit(link, step="confirm-link", lang=link.split("/")[1])
        self.expect_h1("auth.confirm.title")
        self.submit(self.t("auth.confirm.submit"), within="main", step="confirmed")

    def sign_in(self, address: str, password: str, lands_in: str | None = None) -> None:
        """Sign in from this language's sign-in page; ``lands_in`` is the language of the page that follows."""
        self.visit("sign-in", step="sign-in-form")
        self.expect_h1("auth.sign_in.title")
        self.fill(email=address, password=password)
        self.submit(self.t("auth.sign_in.submit"), within="main", step="signed-in", lang=lands_in)

    def sign_out(self) -> None:
        """The sign-out button of the site's navigation."""
        page_lang = self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        self.submit(Catalog(page_lang)("nav.sign_out"), within=".site-nav", step="signed-out", lang=page_lang)
        self.expect(Catalog(page_lang)("nav.sign_in") in self.nav_texts(),
                    f"after signing out the navigation offers no sign-in link ({self.nav_texts()})")

    def close(self) -> None:
        try:
            self.driver.quit()
        except WebDriverException:
            pass


# --------------------------------------------------------------------------------------------------
# Suite


class Suite:
    """The journeys of one run in each language, against one server, and what they found."""

    def __init__(self, server: Server, size: tuple[int, int] = PHONE, collect: bool = False):
        self.server = server
        self.mail = Mailbox(server.mail_folder, server.deliver_outbox)
        self.size = size
        self.collect = collect            # page-check findings are recorded, not failures
        self.state: dict[str, dict[str, Any]] = {}
        self.violations: list[AxeViolation] = []
        self.findings: list[Finding] = []
        self.outcomes: list[Outcome] = []
        self.run_id = time.strftime("%Y%m%d%H%M%S") + os.urandom(2).hex()

    def address(self, journey: str, lang: str, who: str = "user") -> str:
        """An e-mail address no other run uses."""
        return f"{slug(journey)}-{who}-{lang}-{self.run_id}@example.org"

    def run(self, journeys: Iterable, langs: Iterable[str]) -> None:
        for lang in langs:
            for journey in journeys:
                outcome = Outcome(journey.name, lang)
                self.outcomes.append(outcome)
                missing = [n for n in journey.needs
                           if not any(o.journey == n and o.lang == lang and o.status != "not run" for o in self.outcomes)]
                if missing:
                    outcome.status = "skipped"
                    outcome.error = f"needs {', '.join(missing)} to run first"
                    continue
                print(f"[{lang}] {journey.name} …", flush=True)
                started = time.monotonic()
                browser = None
                try:
                    browser = Browser(self, outcome)
                    journey.run(browser)
                    outcome.status = "pass"
                except Skip as reason:
                    outcome.status = "skipped"
                    outcome.error = str(reason)
                except SetupError:
                    raise
                except Exception as error:  # a journey's failure must not stop the others
                    outcome.status = "FAIL"
                    outcome.error = f"{type(error).__name__}: {error}" if not isinstance(error, Failure) else str(error)
                    if not isinstance(error, (Failure, SetupError)):
                        outcome.error += "\n" + "".join(traceback.format_exception(error)[-3:])
                    if browser is not None:
                        outcome.where = f"step {browser.step_number:02d}-{browser.step_name}, {browser.path}"
                        try:
                            browser.step_name += "-failed"
                            shot = browser.screenshot()
                            shot.with_suffix(".html").write_text(browser.driver.page_source, encoding="utf-8")
                            outcome.where += f" (screenshot {shot.relative_to(ROOT)})"
                        except WebDriverException:
                            pass
                finally:
                    outcome.seconds = time.monotonic() - started
                    if browser is not None:
                        browser.close()
                print(f"[{lang}] {journey.name}: {outcome.status} ({outcome.steps} pages, "
                      f"{outcome.seconds:.1f} s, axe serious/critical {outcome.axe_blocking}, "
                      f"page-check findings {outcome.findings})", flush=True)

    @property
    def failed(self) -> bool:
        return any(o.status != "pass" for o in self.outcomes) or bool(self.violations)

    def summary(self, langs: list[str], journeys: list, seconds: float) -> str:
        lines = []
        width = max([len(j.name) for j in journeys] + [7])
        cell = 34
        header = f"{'journey':{width}}  " + "  ".join(f"{lang:{cell}}" for lang in langs)
        lines += [header, "-" * len(header)]
        for journey in journeys:
            cells = []
            for lang in langs:
                o = next((o for o in self.outcomes if o.journey == journey.name and o.lang == lang), None)
                text = "not run" if o is None else (
                    f"{o.status} {o.steps:>2}p {o.seconds:>5.1f}s axe {o.axe_blocking}/{o.axe_other} "
                    f"chk {o.findings}")
                cells.append(f"{text:{cell}}")
            lines.append(f"{journey.name:{width}}  " + "  ".join(cells))
        passed = sum(o.status == "pass" for o in self.outcomes)
        pages = sum(o.steps for o in self.outcomes)
        lines.append("-" * len(header))
        lines.append(f"{passed}/{len(self.outcomes)} journeys passed, {pages} pages, "
                     f"{len(self.violations)} serious/critical axe violations "
                     f"({sum(o.axe_other for o in self.outcomes)} moderate/minor), {len(self.findings)} page-check "
                     f"findings{' (collected, not failures)' if self.collect else ''}, {seconds:.0f} s")
        lines.append("cells: status, pages loaded, seconds, axe serious+critical / moderate+minor "
                     "(rule × page), page-check findings; screenshots in browser/artifacts/<journey>/<lang>/ "
                     "(NN-step.png at 360 px, NN-step.desktop.png at 1280 px)")
        for o in self.outcomes:
            if o.status != "pass":
                lines += ["", f"{o.status}: {o.journey} [{o.lang}]" + (f" at {o.where}" if o.where else ""),
                          "  " + o.error.replace("\n", "\n  ")]
        if self.violations:
            lines += ["", "axe serious/critical violations:"]
            for v in self.violations:
                lines.append(f"  {v.journey} [{v.lang}] {v.step} {v.url}: {v.rule} ({v.impact}, {v.nodes} nodes) "
                             f"{v.help}: {'; '.join(v.targets)}")
        if self.findings:
            lines += ["", "page-check findings (by check; route, languages, ×pages, text, element):"]
            lines += pagechecks.summary_lines(self.findings)
        notes = [(o, n) for o in self.outcomes for n in o.notes]
        if notes:
            lines += ["", "notes:"]
            lines += [f"  {o.journey} [{o.lang}] {n}" for o, n in notes]
        return "\n".join(lines)

    def write_report(self, seconds: float) -> None:
        report = {
            "run": self.run_id, "seconds": round(seconds, 1), "base": self.server.base,
            "outcomes": [o.__dict__ for o in self.outcomes],
            "axe": [v.__dict__ for v in self.violations],
            "collect": self.collect,
            "findings": pagechecks.grouped(self.findings),
            "finding_pages": pagechecks.as_dicts(self.findings),
        }
        (ARTIFACTS / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        title = f"Browser suite page checks, run {self.run_id}"
        (ARTIFACTS / "findings.md").write_text(pagechecks.markdown(self.findings, title), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT / "browser"))
    import journeys as registry

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.environ.get("SHABAKA_BIN", str(ROOT / ".build/debug/shabaka")))
    parser.add_argument("--journeys", default="", help="comma-separated names (default: all)")
    parser.add_argument("--langs", default=",".join(LANGUAGES), help=f"comma-separated (default: {','.join(LANGUAGES)})")
    parser.add_argument("--collect", action="store_true",
                        help="record the page checks' findings without failing the journeys (one run lists them all)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "0")) or None)
    parser.add_argument("--keep", action="store_true", help="keep the server's temporary folder (database, mail, log)")
    parser.add_argument("--size", default=f"{PHONE[0]}x{PHONE[1]}",
                        help=f"the phone's viewport (default {PHONE[0]}x{PHONE[1]}); the desktop's is "
                             f"{DESKTOP[0]}x{DESKTOP[1]}")
    args = parser.parse_args(argv)

    chosen = registry.select([n for n in args.journeys.split(",") if n])
    langs = [lang for lang in args.langs.split(",") if lang]
    size = tuple(int(n) for n in args.size.split("x"))
    binary = Path(args.binary)
    if not binary.is_absolute():
        binary = ROOT / binary
    shutil.rmtree(ARTIFACTS, ignore_errors=True)   # screenshots and report of this run only
    ARTIFACTS.mkdir(parents=True)
    started = time.monotonic()
    server = Server(binary, args.port, keep=args.keep)
    try:
        server.start()
        print(f"server {server.base} (copy of {binary}, folder {server.work})", flush=True)
        suite = Suite(server, size, args.collect)  # type: ignore[arg-type]
        suite.run(chosen, langs)
    except SetupError as error:
        print(f"browser suite could not start: {error}", file=sys.stderr)
        return 2
    finally:
        if server.log.exists():
            shutil.copy2(server.log, ARTIFACTS / "server.log")
        server.stop()
    seconds = time.monotonic() - started
    suite.write_report(seconds)
    print()
    print(suite.summary(langs, chosen, seconds))
    if suite.failed:
        print("\nthe server's log: browser/artifacts/server.log; details: browser/artifacts/report.json")
    return 1 if suite.failed else 0


if __name__ == "__main__":
    # Journeys import `harness`: let them find this very module, not a second copy of it.
    sys.modules.setdefault("harness", sys.modules["__main__"])
    sys.exit(main())

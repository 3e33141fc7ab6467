"""Screenshots for ``docs/design.md``: the home page, a record page and a form with errors, in Arabic on a 360 px
phone and in French on a 1280 px desktop, taken from a throwaway server with the demo data.

    .browser-venv/bin/python browser/design_shots.py      (or: scripts/design-shots)

Writes ``docs/design/<page>-<lang>-<device>.png``.
"""
from __future__ import annotations

import base64
import shutil
import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

OUT = harness.ROOT / "docs" / "design"
DEVICES = {"phone": (360, 800, True), "desktop": (1280, 900, False)}
SHOTS = [("ar", "phone"), ("fr", "desktop")]
RECORD = "projects/batna-smallholders-cooperative-shop"     # a demo project with reports, a difficulty and a pledge


def driver(device: str) -> webdriver.Chrome:
    width, height, mobile = DEVICES[device]
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {
        "width": width, "height": height, "pixelRatio": 1.0, "touch": mobile, "mobile": mobile}})
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def shoot(browser: webdriver.Chrome, name: str, max_height: int) -> Path:
    width, height = browser.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    shot = browser.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, max_height), "scale": 1}})
    path = OUT / f"{name}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    server = harness.Server(harness.ROOT / ".build/debug/shabaka")
    try:
        server.start()
        for lang, device in SHOTS:
            browser = driver(device)
            try:
                tall = 2400 if device == "phone" else 1800
                browser.get(f"{server.base}/{lang}/")
                print(shoot(browser, f"home-{lang}-{device}", tall))
                browser.get(f"{server.base}/{lang}/{RECORD}")
                print(shoot(browser, f"record-{lang}-{device}", tall))
                # A form with errors: the sign-up form sent with a short password that is not confirmed.
                browser.get(f"{server.base}/{lang}/sign-up")
                form = browser.find_element(By.CSS_SELECTOR, "main form")
                form.find_element(By.NAME, "display_name").send_keys("Amina")
                form.find_element(By.NAME, "email").send_keys("not-an-address")
                form.find_element(By.NAME, "password").send_keys("short")
                form.find_element(By.NAME, "password_confirmation").send_keys("other")
                browser.execute_script("arguments[0].noValidate = true; arguments[0].submit()", form)
                print(shoot(browser, f"form-errors-{lang}-{device}", tall))
            finally:
                browser.quit()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

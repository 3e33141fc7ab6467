"""Mistakes a person makes: a wrong password at sign-in, then a too-short password at sign-up (and two
passwords that differ). The pages say what is wrong, in the page's language, on the field, and keep what
was typed."""
from __future__ import annotations

from selenium.webdriver.common.by import By

from harness import Browser, squash
from journeys import journey


def expect_kept(b: Browser, typed: dict[str, str]) -> None:
    lost = [f"{name!r} reads {b.value(name)!r}, typed {value!r}" for name, value in typed.items() if b.value(name) != value]
    b.expect(not lost, "what was typed is lost after the error: " + "; ".join(lost))


def expect_error_summary(b: Browser, errors: dict[str, str]) -> None:
    """The error summary above the form (``role=alert``) says there is a problem, asks to correct the fields, and
    links to each field in error with its message."""
    t = b.t
    summary = b.driver.find_elements(By.CSS_SELECTOR, "main .error-summary[role=alert]")
    b.expect(summary, "no error summary (main .error-summary[role=alert]) above the form")
    text = squash(summary[0].text)
    for key in ("form.problem", "form.has_errors"):
        b.expect(squash(t(key)) in text, f"the error summary reads {text!r}, not {t(key)!r} ({key})")
    links = {a.get_attribute("href").rsplit("#", 1)[-1]: squash(a.text)
             for a in summary[0].find_elements(By.CSS_SELECTOR, "a[href*='#']")}
    b.expect(links == errors, f"the error summary links to {links}, expected {errors}")


@journey("wrong-input", order=30)
def wrong_input(b: Browser) -> None:
    t, lang = b.t, b.lang
    name = {"ar": "يوسف قاسمي", "fr": "Youcef Kacimi-Lefèvre"}.get(lang, "Youcef Kacimi")
    password = "Correct-horse-" + b.suite.run_id[-6:]

    # An account of its own, then a wrong password: 401, the translated message, the address kept.
    address = b.suite.address("wrong-input", lang)
    b.sign_up(name, address, password)
    b.expect_path("sign-up/sent")
    b.confirm(address)
    b.expect_path("account?welcome=1")
    b.sign_out()

    b.visit("sign-in", step="sign-in-form")
    b.fill(email=address, password=password + "-wrong")
    b.submit(t("auth.sign_in.submit"), within="main", step="wrong-password")
    b.expect_status(401)
    b.expect_path("sign-in")
    b.expect_h1("auth.sign_in.title")
    b.expect_message("auth.sign_in.failed")
    b.expect(b.value("email") == address, f"the address reads {b.value('email')!r} after the error")
    b.expect(b.value("password") == "", "the wrong password was sent back to the browser")
    # The right one then works.
    b.fill(password=password)
    b.submit(t("auth.sign_in.submit"), within="main", step="signed-in")
    b.expect_path("account")
    b.expect_h1("account.title")
    b.sign_out()

    # Sign-up with a password of 5 characters: the form comes back with the error on the password field.
    address = b.suite.address("wrong-input", lang, who="short")
    other_language = "fr" if lang == "ar" else "ar"
    b.visit("sign-up", step="sign-up-form")
    b.expect(b.value("language") == lang, f"the sign-up form proposes the language {b.value('language')!r}")
    typed = {"display_name": name, "email": address}
    b.fill(typed, password="abc12", password_confirmation="abc12")
    b.submit(t("auth.sign_up.submit"), within="main", step="short-password")
    b.expect_status(422)
    b.expect_path("sign-up")
    b.expect_h1("auth.sign_up.title")
    expect_error_summary(b, {"password": t("validation.too_short", 10)})
    error = b.field_error("password")
    b.expect(error == t("validation.too_short", 10),
             f"password error reads {error!r}, expected {t('validation.too_short', 10)!r}")
    described = b.field("password").get_attribute("aria-describedby").split()
    b.expect("password-hint" in described, f"the password's hint is no longer announced ({described})")
    for other in ("display_name", "email", "password_confirmation"):
        b.no_field_error(other)
    # Password fields come back empty on purpose (never sent back to the browser; WCAG 3.3.7 allows it).
    b.expect(b.value("password") == "" and b.value("password_confirmation") == "",
             "the password fields were sent back to the browser")
    expect_kept(b, typed)

    # Two passwords that differ: the error is on the confirmation.
    b.fill(password=password, password_confirmation=password + "x")
    b.submit(t("auth.sign_up.submit"), within="main", step="passwords-differ")
    b.expect_status(422)
    error = b.field_error("password_confirmation")
    b.expect(error == t("validation.password_mismatch"), f"confirmation error reads {error!r}")
    expect_error_summary(b, {"password_confirmation": t("validation.password_mismatch")})
    b.no_field_error("password")
    expect_kept(b, typed)

    # Corrected: the account is made (in the language chosen), and its link comes in that language.
    b.fill(password=password, password_confirmation=password)
    b.submit(t("auth.sign_up.submit"), within="main", step="sign-up-sent")
    b.expect_path("sign-up/sent")
    link = b.mail.latest_link(address, "/sign-up/confirm")
    b.expect(link.startswith(f"/{lang}/"), f"the confirmation link is {link.split('?')[0]}, expected "
                                                     f"the chosen language {other_language}")

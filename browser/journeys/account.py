"""A person signs up, confirms their address from the mail, signs in, fills in their profile and signs out."""
from __future__ import annotations

import csv
import random

from selenium.webdriver.support.ui import Select

from harness import HOME, Browser
from journeys import journey

# Words of the network's everyday Arabic, to build a long biography in Arabic runs.
ARABIC_WORDS = (
    "الاقتصاد الاجتماعي والتضامني شبكة الديمقراطية التشاركية الجمعيات المجتمع المدني التنمية المحلية "
    "المشاركة المواطنة التعاون الشباب النساء الحرفيون التعاونيات الفلاحية التكوين المرافقة المشاريع "
    "الصغيرة البلدية الولاية الجنوب الهضاب العليا الواحات النسيج التقليدي الزراعة المستدامة المياه "
    "الطاقة المتجددة التقييم المتابعة الشفافية الحوكمة الميزانية التشاركية الاستشارة العمومية الخبرة "
    "الميدانية التطوع التضامن الإدماج المهني الحرف اليدوية السوق المحلي الفلاحة العائلية"
).split()


def wilaya_label(code: str, lang: str) -> str:
    """The label the profile form gives a wilaya, from the reference list the site reads."""
    with (HOME / "Resources" / "Reference" / "wilayas.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["code"] == code:
                return f"{code} — {row['name_ar' if lang == 'ar' else 'name_fr']}"
    raise KeyError(code)


def arabic_biography(letters: int = 3000, seed: int = 7) -> str:
    """About ``letters`` Arabic letters in words and sentences (spaces and punctuation come on top)."""
    pick = random.Random(seed)
    sentences, count = [], 0
    while count < letters:
        words = [pick.choice(ARABIC_WORDS) for _ in range(pick.randint(6, 14))]
        count += sum(len(w) for w in words)
        sentences.append(" ".join(words) + pick.choice(("،", ".", "؛", ".")))
    # Paragraphs of a few sentences, as a person would write them.
    paragraphs = [" ".join(sentences[i:i + 6]) for i in range(0, len(sentences), 6)]
    return "\n\n".join(paragraphs)


def letters_in(text: str) -> int:
    return sum(1 for ch in text if "\u0600" <= ch <= "\u06ff" and ch.isalpha())


@journey("account", order=10)
def account(b: Browser) -> None:
    t, lang = b.t, b.lang
    address = b.suite.address("account", lang)
    password = "Shabaka-" + b.suite.run_id[-8:] + "!"
    name = {"ar": "سلمى بن علي", "fr": "Salomé Benali"}.get(lang, "Salma Benali")

    # Sign up: the form answers "check your e-mail" and a mail brings the link.
    b.sign_up(name, address, password)
    b.expect_path("sign-up/sent")
    b.expect_h1("auth.sign_up.sent.title")
    b.expect_text("auth.sign_up.sent.lead")
    b.expect_text("auth.sign_up.sent.step_roles")

    mail = b.mail.latest(address, "/sign-up/confirm")
    subject = str(mail["Subject"])
    b.expect(subject == t("mail.confirm.subject"), f"mail subject {subject!r}, expected {t('mail.confirm.subject')!r}")
    link = b.mail.latest_link(address, "/sign-up/confirm")
    b.expect(link.startswith(f"/{lang}/sign-up/confirm?token="),
             f"confirmation link {link.split('token=')[0]}… is not this language's ({lang})")

    # Confirm: the button signs the person in and welcomes them on their account page.
    b.confirm(address)
    b.expect_path("account?welcome=1")
    b.expect_h1("account.title")
    b.expect_message("account.welcome", name)
    b.expect_text("role.citizen")
    b.sign_out()
    b.expect_path(f"/{lang}/")

    # Sign in with the chosen password.
    b.sign_in(address, password)
    b.expect_path("account")
    b.expect_h1("account.title")
    b.expect(name in b.main_text(), f"account page does not show the name {name!r}")
    b.expect(address in b.main_text(), f"account page does not show the address {address}")
    b.expect(t("role.citizen") in b.main_text(), "account page does not list the citizen role")
    b.state["user"] = {"email": address, "password": password, "name": name}   # for the admin journey

    # The profile: a new display name, a long Arabic biography, working languages and a wilaya.
    b.click_link(t("profile.title"), within="main", step="profile-form")
    b.expect_path("account/profile")
    b.expect_h1("profile.title")
    shown_name = {"ar": "د. سلمى بن علي", "fr": "Dr Salomé Benali"}.get(lang, "Dr Salma Benali")
    bio = arabic_biography(1500)
    b.expect(letters_in(bio) >= 1500, "the biography is shorter than 3,000 letters")
    profile = {"display_name": shown_name, "bio": bio, "languages[]": ["ar", "fr", "tzm"], "wilaya_code": "47"}
    b.fill(profile)
    b.submit(t("profile.save"), within="main", step="profile-saved")
    b.expect(b.status == 200 and "saved=1" in b.path,
             f"saving the profile answered {b.status} at {b.path}, not the saved profile; the page says: "
             f"{'; '.join(b.messages()) or b.main_text()[:200]}; bio field error: "
             f"{b.field_error('bio') if b.field('bio').get_attribute('aria-invalid') == 'true' else 'none'}")
    b.expect_path("account/profile?saved=1")
    b.expect_message("profile.saved")

    # What was saved is what the form shows again.
    b.expect(b.value("display_name") == shown_name, f"display name reads {b.value('display_name')!r}")
    saved_bio = b.value("bio")
    b.expect(saved_bio == bio.strip(), f"the biography came back with {len(saved_bio)} characters, "
                                       f"{letters_in(saved_bio)} letters (sent {len(bio)}, {letters_in(bio)} letters)")
    b.expect(sorted(b.value("languages[]")) == ["ar", "fr", "tzm"], f"languages read {b.value('languages[]')}")
    b.expect(b.value("wilaya_code") == "47", f"wilaya reads {b.value('wilaya_code')!r}")
    label = Select(b.field("wilaya_code")).first_selected_option.text.strip()
    b.expect(label == wilaya_label("47", lang), f"wilaya shows {label!r}, expected {wilaya_label('47', lang)!r}")
    for code in ("ar", "fr", "tzm"):
        b.expect(t(f"person.language.{code}") in b.main_text(), f"no label for the working language {code}")

    # Reloading the page (no ?saved) still shows the saved profile.
    b.visit("account/profile", step="profile-again")
    b.expect(b.messages() == [], f"a fresh profile page shows messages {b.messages()}")
    b.expect(b.value("display_name") == shown_name and b.value("bio") == bio.strip()
             and b.value("wilaya_code") == "47", "the profile reads differently after a reload")

    b.sign_out()
    b.expect_path(f"/{lang}/")
    b.visit("account", step="account-signed-out")
    b.expect_path(f"sign-in?next=/{lang}/account")
    b.expect_h1("auth.sign_in.title")

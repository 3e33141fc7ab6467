"""An association registers two of its people for a training: the administrator plans the training for associations
(first without a title and with a capacity that is not a number: the errors), with one place; the association's
representative (from the organization journey) registers two people of the association: the first takes the place,
the second waits (first in the waiting list). The representative cancels the first (confirmed on a second page):
the second is promoted and told. The training takes place: the administrator moves it to two hours ago, checks
in the person present and issues the certificates; the representative opens the certificate from the training's
page, printable, which says it is genuine; a forged code is not found. The calendar feed of public events, read
with the `icalendar` package as a calendar application reads it, carries the demo webinar's Arabic title whole."""
from __future__ import annotations

import urllib.request

import icalendar
from selenium.webdriver.common.by import By

from harness import Browser, Skip, squash
from journeys import journey
from journeys.admin import admin_sign_in
from journeys.budget_vote import algeria_time
from journeys.wrong_input import expect_error_summary

TITLES = {"ar": "تكوين في إعداد الميزانية التقديرية للجمعيات", "fr": "Formation au budget prévisionnel des associations",
          "en": "Training in associations' budget planning"}
# The demo webinar (public, so in the feed), by the feed's language.
WEBINAR = {"ar": "ندوة عبر الإنترنت: المسؤولية الاجتماعية للمؤسسات والشراكة مع الجمعيات",
           "fr": "Webinaire : la RSE des entreprises et le partenariat avec les associations",
           "en": "ندوة عبر الإنترنت: المسؤولية الاجتماعية للمؤسسات والشراكة مع الجمعيات"}
PEOPLE = {"ar": ["سلمى بوزيد", "رياض قاسمي"], "fr": ["Salma Bouzid", "Riad Kacemi"], "en": ["Salma Bouzid", "Riad Kacemi"]}


def mine(b: Browser) -> dict[str, str]:
    """The representative's registrations: name → the line's text."""
    return {squash(li.find_element(By.CSS_SELECTOR, "bdi").text): squash(li.text)
            for li in b.driver.find_elements(By.CSS_SELECTOR, "main ul.registrations > li")}


@journey("training", order=65, needs=("organization",))
def training(b: Browser) -> None:
    t, lang = b.t, b.lang
    if "organization" not in b.state:
        raise Skip("the organization journey left no association")
    representative = b.state["organization"]["representative"]
    suffix = b.suite.run_id[-4:]
    title = f"{TITLES[lang]} {suffix}"
    people = [f"{name} {suffix}" for name in PEOPLE[lang]]
    emails = [f"trainee{index}-{suffix}-{lang}@example.org" for index in (1, 2)]

    # 1. The administrator plans the training: errors first, then one place for associations.
    admin_sign_in(b)
    b.visit("events", step="events")
    b.expect_h1("event.list_title")
    b.click_link(t("event.new_link"), within="main", step="event-new")
    b.expect_h1("event.new_title")
    organizers = [o.get_attribute("value") for o in b.driver.find_elements(By.CSS_SELECTOR, "#organizer_id option")
                  if o.get_attribute("value")]
    b.expect(organizers, "the form offers no organiser")
    fields = {"organizer_id": organizers[0], "kind": "training", "title[ar]": "", "programme[ar]":
              "الميزانية التقديرية، مسك الحسابات، التقرير المالي.", "starts_at": algeria_time(24),
              "ends_at": algeria_time(30), "wilaya_code": "16", "address": "دار الجمعيات، الجزائر",
              "audience": "associations", "capacity": "واحد", "domain_codes[]": ["sse.finance"]}
    b.fill(fields)
    b.submit(t("event.create"), within="main", step="event-wrong")
    b.expect_status(422)
    expect_error_summary(b, {"title_ar": squash(t("validation.text_one_language")),
                             "capacity": squash(t("validation.number"))})
    b.fill({"title[ar]" if lang == "ar" else f"title[{lang}]": title, "capacity": "1"})
    b.submit(t("event.create"), within="main", step="event-created")
    b.expect(b.status == 200 and "/events/" in b.path, f"creating answered {b.status} at {b.path}: {b.messages()}")
    event_path = b.path.split("?")[0]
    b.state["training"] = {"path": event_path, "title": title}
    b.expect(b.h1() == squash(title), f"the event's heading is {b.h1()!r}")
    b.expect_text("event.places_taken", 0, 1)
    b.sign_out()

    # 2. The association registers two of its people: the first takes the place, the second waits.
    b.sign_in(representative["email"], representative["password"])
    b.visit(event_path, step="rep-event")
    form = "main form[action$='/register-other']"
    b.expect(b.driver.find_elements(By.CSS_SELECTOR, form), "the representative is not offered to register people")
    b.fill({"name": people[0], "email": emails[0]}, within=form)
    b.submit(t("event.register_person"), within=form, step="first-registered")
    b.expect_text("event.done.registered")
    b.fill({"name": people[1], "email": emails[1]}, within=form)
    b.submit(t("event.register_person"), within=form, step="second-waitlisted")
    b.expect_text("event.done.waitlisted")
    lines = mine(b)
    b.expect(squash(t("event.status.registered")) in lines.get(squash(people[0]), ""), f"the first reads {lines}")
    b.expect(squash(t("event.waiting_position", 1)) in lines.get(squash(people[1]), ""), f"the second reads {lines}")

    # 3. The first cannot come: cancelled (confirmed on a second page); the second is promoted and told.
    first = [li for li in b.driver.find_elements(By.CSS_SELECTOR, "main ul.registrations > li") if people[0] in li.text]
    b.submit(t("event.cancel"), within=first[0], step="cancel-asked")
    confirm = b.driver.find_elements(By.CSS_SELECTOR, "main form:has(input[name=confirmed][value=yes])")
    b.expect(confirm, "cancelling is not confirmed on a second page")
    b.expect(people[0] in b.main_text(), "the confirmation does not name the person")
    b.submit(squash(confirm[0].find_element(By.CSS_SELECTOR, "button[type=submit]").text), within=confirm[0],
             step="cancelled")
    b.expect_text("event.done.cancelled")
    lines = mine(b)
    b.expect(list(lines) == [squash(people[1])] and squash(t("event.status.registered")) in lines[squash(people[1])],
             f"after the cancellation the registrations read {lines}")
    b.visit("notifications", step="notifications")
    b.expect(squash(people[1]) in b.main_text() and squash(title) in b.main_text(),
             "the representative is not told that the second person has a place")
    b.sign_out()

    # 4. The training took place two hours ago: the person present is checked in, certificates issued.
    admin_sign_in(b)
    b.visit(event_path + "/edit", step="event-edit", lang=lang)
    b.fill({"starts_at": algeria_time(-2), "ends_at": algeria_time(-1), "registration_opens_at": algeria_time(-48),
            "registration_closes_at": algeria_time(-2)})
    b.submit(t("event.save"), within="main", step="event-moved")
    b.expect(b.path.split("?")[0] == event_path and b.status == 200, f"saving answered {b.status} at {b.path}: {b.messages()}")
    sheets = "main form[action$='/attendance']"
    count = len(b.driver.find_elements(By.CSS_SELECTOR, sheets))
    b.expect(count >= 1, "the organiser has no attendance sheet")
    # One sheet per day (two when the hours span midnight in Algeria): the person is present on each.
    for day in range(1, count + 1):
        sheet = b.driver.find_elements(By.CSS_SELECTOR, sheets)[day - 1]
        boxes = sheet.find_elements(By.CSS_SELECTOR, "input[name='present[]']")
        b.expect(len(boxes) == 1, f"day {day}'s sheet lists {len(boxes)} people, expected the one registered")
        b.fill({"present[]": [boxes[0].get_attribute("value")]}, within=sheet)
        b.submit(t("event.save_attendance", day), within=sheet, step=f"attendance-{day}")
        b.expect_text("event.done.attendance")
    b.submit(t("event.issue_certificates"), within="main form[action$='/certificates']", step="certificates")
    b.expect_text("event.done.certificates")
    b.expect_text("event.certificates_issued.one", 1)
    b.sign_out()

    # 5. The association opens the certificate: printable, genuine; a forged code is not found.
    b.sign_in(representative["email"], representative["password"])
    b.visit(event_path, step="rep-event-after")
    b.click_link(t("event.certificate_link"), within="main ul.registrations", step="certificate")
    b.expect_status(200)
    b.expect_h1("certificate.page_title", people[1])
    b.expect_text("certificate.genuine")
    b.expect(squash(title) in b.main_text(), "the certificate does not name the training")
    code = squash(b.driver.find_element(By.CSS_SELECTOR, "main .code").text)
    b.expect(len(code) == 14, f"the verification code reads {code!r}")
    b.visit(f"certificates?code={code.lower()}", step="verify")
    b.expect_h1("certificate.page_title", people[1])
    b.visit("certificates?code=ABCD-EFGH-JKLM", step="verify-forged")
    b.expect_status(404)
    b.expect_text("certificate.not_genuine_title")
    b.sign_out()

    # 6. The calendar feed (public events) as calendar applications read it: parsed by `icalendar`, titles whole.
    with urllib.request.urlopen(b.url("events.ics"), timeout=30) as answer:
        kind, body = answer.headers.get("Content-Type", ""), answer.read()
    b.expect(kind.startswith("text/calendar"), f"the feed is served as {kind!r}")
    calendar = icalendar.Calendar.from_ical(body)
    summaries = [str(event.get("SUMMARY")) for event in calendar.walk("VEVENT")]
    b.expect(all(event.get("DTSTART") and event.get("UID") for event in calendar.walk("VEVENT")),
             "an event of the feed has no start or no UID")
    wanted = WEBINAR[lang]
    b.expect(wanted in summaries, f"the feed's events are {summaries}, without {wanted!r}")

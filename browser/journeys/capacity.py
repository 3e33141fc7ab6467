"""An association measures its capacities and says what training it needs: its representative fills in the year's
self-assessment (first with a dimension left out: the error on its group), sees the profile and the dimension where
training would help, follows the suggestion to declare a need in finance, and finds it listed. The administrator
reads the demand by domain and wilaya, and says on the training's page (from the training journey) that it answers
that need; the association then sees its need answered by the training, and gives its opinion of the training
(first without a rating), which the administrator reads without names. Last, the representative adds a guide to
the resource library as a PDF (first with a link too: the error on the link), finds it by another form of a word,
renames it on its form, and removes it after the confirmation page, and withdraws the need the training met. Then the administrator plans a workshop, the
representative registers for it, and the administrator calls it off (first without a reason: the error on the
confirmation page); the representative is told why, and the workshop's page and the list say it is called off."""
from __future__ import annotations

import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By

from harness import Browser, Skip, squash, unbidi
from journeys import journey
from journeys.admin import admin_sign_in
from journeys.budget_vote import algeria_time
from journeys.project import open_notifications
from journeys.wrong_input import expect_error_summary

DIMENSIONS = ["governance", "finances", "project_management", "human_resources", "partnerships", "communication"]


@journey("capacity", order=66, needs=("organization", "training"))
def capacity(b: Browser) -> None:
    t, lang = b.t, b.lang
    if "organization" not in b.state or "training" not in b.state:
        raise Skip("the organization and training journeys left no association or training")
    representative = b.state["organization"]["representative"]
    training = b.state["training"]
    suffix = b.suite.run_id[-4:]
    need_text = {"ar": f"إعداد الحصيلة المالية السنوية {suffix}", "fr": f"Préparer le bilan financier annuel {suffix}"
                 }.get(lang, f"Preparing the annual accounts {suffix}")

    # 1. The self-assessment: a dimension left out, then the whole grid; finances weak.
    b.sign_in(representative["email"], representative["password"])
    b.visit("assessments", step="assessments")
    b.expect_h1("assessment.title")
    levels = {f"levels[{d}]": ("1" if d == "finances" else "3") for d in DIMENSIONS if d != "communication"}
    b.fill(levels, within="main form[method=post]")
    b.submit(t("assessment.save"), within="main form[method=post]", step="assessment-wrong")
    b.expect_status(422)
    expect_error_summary(b, {"levels_communication": squash(t("assessment.validation.level"))})
    b.fill({"levels[communication]": "2"}, within="main form[method=post]")
    b.submit(t("assessment.save"), within="main form[method=post]", step="assessment-saved")
    b.expect_text("assessment.saved")
    b.expect_text("assessment.suggested_heading")
    rows = {squash(r.find_element(By.CSS_SELECTOR, "th").text): squash(r.find_elements(By.CSS_SELECTOR, "td")[-1].text)
            for r in b.driver.find_elements(By.CSS_SELECTOR, "main #profile + .table-wrap tbody tr")}
    b.expect(rows.get(squash(t("assessment.dimension.finances")), "").startswith("1"), f"the profile reads {rows}")

    # 2. The suggestion leads to the need's form, filled in with the dimension; the need is declared.
    b.click_link(t("assessment.declare_need"), within="main", step="need-form")
    b.expect_h1("need.title")
    b.expect(b.value("dimension") == "finances", f"the need's form shows the dimension {b.value('dimension')!r}")
    b.fill({"domain_code": "sse.finance", "description": need_text, "people": "2"}, within="main form[method=post]")
    b.submit(t("need.declare"), within="main form[method=post]", step="need-declared")
    b.expect_text("need.declared")
    b.expect(need_text in b.main_text(), "the declared need is not listed")
    b.sign_out()

    # 3. The administrator reads the demand and says the training answers the need.
    admin_sign_in(b)
    b.visit("training-needs", step="demand", lang=lang)
    b.expect_h1("need.title")
    demand = " ".join(squash(r.text) for r in b.driver.find_elements(By.CSS_SELECTOR, "main #demand ~ .table-wrap tbody tr"))
    b.expect(squash(t("need.answered")) and demand, "the demand table is empty")
    b.visit(training["path"], step="training-needs", lang=lang)
    boxes = [box for box in b.driver.find_elements(By.CSS_SELECTOR, "main form[action$='/needs'] input[name='need_ids[]']")
             if need_text in box.find_element(By.XPATH, "./..").text]
    b.expect(boxes, "the training's page does not offer the association's need")
    b.fill({"need_ids[]": [boxes[0].get_attribute("value")]}, within="main form[action$='/needs']")
    b.submit(t("event.needs_save"), within="main form[action$='/needs']", step="needs-linked")
    b.expect_text("event.done.needs")
    b.sign_out()

    # 4. The association sees the need answered, and gives its opinion of the training.
    b.sign_in(representative["email"], representative["password"])
    b.visit("training-needs", step="need-answered")
    mine = [squash(li.text) for li in b.driver.find_elements(By.CSS_SELECTOR, "main ul.needs > li") if need_text in li.text]
    b.expect(mine and squash(training["title"]) in mine[0], f"the need reads {mine}, not answered by the training")
    b.visit(training["path"], step="feedback-form")
    form = "main form[action$='/feedback']"
    b.submit(t("event.feedback_send"), within=form, step="feedback-wrong")
    b.expect_status(422)
    expect_error_summary(b, {"feedback-rating": squash(t("validation.range", 1, 5))})
    b.fill({"rating": "4", "useful": True, "comment": "مفيدة جدًا، نطلب حصة ثانية."}, within=form)
    b.submit(t("event.feedback_send"), within=form, step="feedback-sent")
    b.expect_text("event.done.feedback")
    b.sign_out()
    admin_sign_in(b)
    b.visit(training["path"], step="feedback-read", lang=lang)
    b.expect("مفيدة جدًا، نطلب حصة ثانية." in b.main_text(), "the organiser does not read the comment")
    b.expect(squash(t("event.feedback_average", "4")) in b.main_text() or "4" in b.main_text(), "no average rating")
    b.sign_out()

    # 5. The library: a guide added as a PDF (a link as well is refused), found, renamed, removed.
    b.sign_in(representative["email"], representative["password"])
    b.visit("resources", step="library")
    b.expect_h1("resource.list_title")
    b.click_link(t("resource.new_link"), within="main", step="resource-form")
    b.expect_h1("resource.new_title")
    folder = Path(tempfile.mkdtemp(prefix="guide-", dir=b.server.work))
    pdf = folder / f"guide-{suffix}.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    title = f"دليل الجمعيات في التسيير المالي {suffix}"
    form = "main form[method=post]"
    b.fill({"title": title, "description": "نماذج وجداول للحصيلة السنوية", "domain_code": "sse.finance",
            "language": "ar", "url": "https://example.org/guide"}, within=form)
    b.driver.find_element(By.CSS_SELECTOR, f"{form} input[type=file]").send_keys(str(pdf))
    b.submit(t("resource.add"), within=form, step="resource-both")
    b.expect_status(422)
    expect_error_summary(b, {"url": squash(t("resource.validation.not_both"))})
    b.expect(b.value("title") == title, "the refused form lost the title")
    b.fill({"url": ""}, within=form)
    b.driver.find_element(By.CSS_SELECTOR, f"{form} input[type=file]").send_keys(str(pdf))
    b.submit(t("resource.add"), within=form, step="resource-added")
    b.expect_text("resource.added")
    b.fill({"q": "جمعية"}, within="main form[role=search]")
    b.submit(t("resource.search_button"), within="main form[role=search]", step="resource-found")
    items = [li for li in b.driver.find_elements(By.CSS_SELECTOR, "main ul.resource-list > li") if title in li.text]
    b.expect(items and pdf.name in items[0].text, "the search does not find the guide with its document")
    b.click_link(t("resource.change"), within=items[0], step="resource-edit")
    b.expect_h1("resource.edit_title")
    b.expect(pdf.name in b.main_text(), "the form does not say which document stays")
    renamed = f"دليل التسيير المالي للجمعيات {suffix}"
    b.fill({"title": renamed}, within=form)
    b.submit(t("resource.save"), within=form, step="resource-changed")
    b.expect_text("resource.changed")
    items = [li for li in b.driver.find_elements(By.CSS_SELECTOR, "main ul.resource-list > li") if renamed in li.text]
    b.expect(items and pdf.name in items[0].text, "the renamed guide lost its document")
    b.submit(t("resource.remove"), within=items[0], step="resource-remove-asked")
    b.expect_text("resource.remove_explained")
    b.submit("css=button.danger", within="main form[method=post]", step="resource-removed")
    b.expect_text("resource.removed")
    b.expect(renamed not in b.main_text(), "the removed guide is still listed")
    # The need, met by the training, is withdrawn after the question.
    b.visit("training-needs", step="need-withdraw")
    items = [li for li in b.driver.find_elements(By.CSS_SELECTOR, "main ul.needs > li") if need_text in li.text]
    b.expect(items, "the declared need is not listed any more before it was withdrawn")
    b.submit(t("need.withdraw"), within=items[0], step="need-withdraw-asked")
    b.expect_text("need.withdraw_explained")
    b.submit("css=button.danger", within="main form[method=post]", step="need-withdrawn")
    b.expect_text("need.withdrawn")
    b.expect(need_text not in b.main_text(), "the withdrawn need is still listed")
    b.sign_out()

    # 6. A workshop planned, registered for, then called off with a reason the representative is told.
    admin_sign_in(b)
    b.visit("events/new", step="workshop-new", lang=lang)
    workshop = {"ar": f"ورشة التسويق الرقمي {suffix}", "fr": f"Atelier marketing numérique {suffix}"}.get(
        lang, f"Digital marketing workshop {suffix}")
    organizers = [o.get_attribute("value") for o in b.driver.find_elements(By.CSS_SELECTOR, "#organizer_id option")
                  if o.get_attribute("value")]
    b.fill({"organizer_id": organizers[0], "kind": "workshop", f"title[{lang}]": workshop,
            f"programme[{lang}]": "—", "starts_at": algeria_time(72), "ends_at": algeria_time(75),
            "wilaya_code": "31", "address": "دار الشباب، وهران", "audience": "public", "capacity": "20",
            "domain_codes[]": ["sse.crafts"]})
    b.submit(t("event.create"), within="main", step="workshop-created")
    b.expect(b.status == 200 and "/events/" in b.path, f"creating answered {b.status} at {b.path}: {b.messages()}")
    workshop_path = b.path.split("?")[0]
    b.sign_out()
    b.sign_in(representative["email"], representative["password"])
    b.visit(workshop_path, step="workshop-page")
    b.submit(t("event.register_self"), within="main", step="workshop-registered")
    b.expect_text("event.done.registered")
    b.sign_out()
    admin_sign_in(b)
    b.visit(workshop_path, step="workshop-organiser", lang=lang)
    b.submit(t("event.call_off"), within="main", step="call-off-asked")
    b.expect_text("event.call_off_explain")
    b.submit("css=button.danger", within="main form[method=post]", step="call-off-no-reason")
    b.expect_status(422)
    expect_error_summary(b, {"confirm-reason": squash(t("validation.required"))})
    reason = {"ar": "تعذّر حضور المكوّنة، وسيُعلن عن موعد جديد", "fr": "La formatrice ne peut pas venir ; une nouvelle date suivra"
              }.get(lang, "The trainer cannot come; a new date will follow")
    b.fill({"reason": reason}, within="main form[method=post]")
    b.submit("css=button.danger", within="main form[method=post]", step="called-off")
    b.expect_text("event.done.called_off")
    b.expect(reason in b.main_text(), "the workshop's page does not give the reason")
    b.sign_out()
    b.sign_in(representative["email"], representative["password"])
    told = [item for item in open_notifications(b) if unbidi(squash(workshop)) in unbidi(item)]
    b.expect(told and unbidi(squash(reason)) in unbidi(told[0]),
             f"the representative is not told why the workshop is off: {told}")
    b.visit("events", step="events-called-off")
    rows = [squash(r.text) for r in b.driver.find_elements(By.CSS_SELECTOR, "main tbody tr") if squash(workshop) in squash(r.text)]
    b.expect(rows and squash(t("event.called_off")) in rows[0], f"the list shows the workshop as {rows}")
    b.sign_out()

"""An association measures its capacities and says what training it needs: its representative fills in the year's
self-assessment (first with a dimension left out: the error on its group), sees the profile and the dimension where
training would help, follows the suggestion to declare a need in finance, and finds it listed. The administrator
reads the demand by domain and wilaya, and says on the training's page (from the training journey) that it answers
that need; the association then sees its need answered by the training, and gives its opinion of the training
(first without a rating), which the administrator reads without names."""
from __future__ import annotations

from selenium.webdriver.common.by import By

from harness import Browser, Skip, squash
from journeys import journey
from journeys.admin import admin_sign_in
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

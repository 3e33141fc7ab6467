"""An association asks for an expert's help and rates it: an expert signs up and publishes a profile, the
administrator gives them the expert role, the association's representative (from the organization journey) files a
request, staff assign the expert from the ranking, the expert accepts (the contacts appear) and writes the advice,
and the association reads it and rates it."""
from __future__ import annotations

from selenium.webdriver.common.by import By

from harness import Browser, Skip
from journeys import journey
from journeys.admin import admin_sign_in, find_user_row
from journeys.organization import form_with, new_person
from journeys.project import attach_pdf

DOMAIN = "sse.finance"


@journey("expertise", order=60, needs=("organization",))
def expertise(b: Browser) -> None:
    t, lang = b.t, b.lang
    if "organization" not in b.state:
        raise Skip("the organization journey left no association")
    representative = b.state["organization"]["representative"]
    suffix = b.suite.run_id[-4:]

    # An expert signs up and publishes a profile in the domain (consenting to be proposed).
    expert_name = {"ar": f"ليلى منصوري {suffix}", "fr": f"Leïla Mansouri {suffix}"}.get(lang, f"Leila Mansouri {suffix}")
    expert = new_person(b, "expert", expert_name)
    b.click_link(t("profile.title"), within="main", step="expert-profile")
    b.fill({"kind": "expert", "title": "Experte-comptable", "bio": "خبيرة في المحاسبة التضامنية ومرافقة الجمعيات.",
            "wilaya_code": "30", "languages[]": ["ar", "fr"], "availability": "available", "expertise[]": [DOMAIN],
            "public": True})
    b.submit(t("profile.save"), within="main", step="expert-profile-saved")
    b.expect_message("profile.saved")
    b.sign_out()

    # The administrator gives the role of expert.
    admin_sign_in(b)
    b.visit("admin/users", step="admin-users")
    b.fill({"q": expert["email"]}, within="main form[role=search]")
    b.submit(t("admin.users.filter"), within="main form[role=search]", step="expert-found")
    row = find_user_row(b, expert["email"])
    b.fill({"role": "expert"}, within=row)
    b.submit(t("admin.users.grant"), within=row, step="expert-role")
    b.sign_out()

    # The association asks for help in the domain.
    b.sign_in(representative["email"], representative["password"])
    b.click_link(t("nav.expertise"), within=".site-nav", step="expertise-list")
    b.expect_h1("expertise.title")
    subject = {"ar": f"تنظيم محاسبة الجمعية {suffix}", "fr": f"Tenir la comptabilité {suffix}"}.get(lang, f"Bookkeeping {suffix}")
    b.fill({"domain_code": DOMAIN, "wilaya_code": "30", "language": "ar", "subject": subject,
            "description": "نحتاج إلى مرافقة في تنظيم المحاسبة وإعداد الحصيلة المالية السنوية للجمعية."})
    b.submit(t("expertise.send"), within="main", step="expertise-requested")
    request_path = b.path.split("?")[0]
    b.expect(b.h1() == subject, f"the request's page is headed {b.h1()!r}")
    b.expect_text("workflow.expertise.state.open")
    b.expect(t("expertise.matches") not in b.main_text(), "the association sees the experts' ranking")
    b.sign_out()

    # Staff find it among what waits, and assign the expert from the ranking.
    admin_sign_in(b)
    b.visit("admin", step="admin-home")
    b.click_link(subject, within="main", step="request-for-staff")
    b.expect_path(request_path)
    rows = [li for li in b.driver.find_elements(By.CSS_SELECTOR, "main ol.matches > li") if expert_name in li.text]
    b.expect(rows, f"{expert_name} is not among the experts ranked for the request")
    b.submit(t("expertise.assign"), within=rows[0], step="assigned")
    b.expect_text("workflow.expertise.state.assigned")
    b.sign_out()

    # The expert sees it in their list, accepts: the association's contacts appear; then the advice.
    b.sign_in(expert["email"], expert["password"])
    b.click_link(t("nav.expertise"), within=".site-nav", step="expert-list")
    b.click_link(subject, within="main", step="expert-request")
    b.expect_text("expertise.expert_asked")
    b.expect(t("expertise.matches") not in b.main_text(), "the expert sees the other experts' scores")
    b.submit(t("workflow.expertise.action.accept"), within=form_with(b, "accept"), step="accepted")
    b.expect_text("workflow.expertise.state.accepted")
    b.expect_text("expertise.contacts")
    b.expect(representative["email"] in b.main_text(), "the contacts do not show the association's representative")
    advice = ("ننصح بفتح دفتر يومية للصندوق، وترقيم كل الوصولات، وإعداد جدول شهري للإيرادات والنفقات "
              "يُعرض على المكتب قبل الجمعية العامة.")
    answer = form_with(b, "answer")
    b.fill({"reason": advice}, within=answer)
    b.submit(t("workflow.expertise.action.answer"), within=answer, step="answered")
    b.expect_text("workflow.expertise.state.answered")
    pdf = attach_pdf(b, "advice", owner_type="expertise")
    b.expect(pdf.name in b.main_text(), "the advice's document is not listed")
    b.sign_out()

    # The association reads the advice and rates it.
    b.sign_in(representative["email"], representative["password"])
    b.visit(request_path, step="advice-received")
    b.expect(advice in b.main_text(), "the association does not see the advice")
    b.expect("document-advice.pdf" in b.main_text(), "the association does not see the advice's document")
    b.expect(expert["email"] in b.main_text(), "the association does not see the expert's contact")
    complete = form_with(b, "complete")
    feedback = {"ar": "استشارة واضحة ومفيدة", "fr": "Avis clair et utile"}.get(lang, "Clear and useful")
    b.fill({"reason": feedback, "rating": "5"}, within=complete)
    b.submit(t("workflow.expertise.action.complete"), within=complete, step="rated")
    b.expect_text("workflow.expertise.state.completed")
    b.expect(feedback in b.main_text(), "the feedback is not shown")
    b.expect_text("expertise.rated", 5)
    b.sign_out()

"""An association comes to the network by itself: a person registers it, staff verify it, its representative
applies for membership, a reviewer goes through the checklist and accepts, and the representative is told (on the
site and by mail). Then the representative invites a colleague by e-mail, who signs up and accepts."""
from __future__ import annotations

from selenium.webdriver.common.by import By

from harness import Browser, Catalog
from journeys import journey
from journeys.admin import admin_sign_in

# The association's name, typed in the network's two languages and in the journey's own.
NAMES = {"ar": {"ar": "جمعية واحة الأمل", "fr": "Association Oasis de l’espoir"},
         "fr": {"ar": "جمعية الأرز", "fr": "Association les Cèdres"},
         "en": {"ar": "جمعية النخيل", "fr": "Association la Palmeraie", "en": "Palm Grove Association"}}


def association_names(lang: str, suffix: str) -> dict[str, str]:
    """The names (by language) the journey of ``lang`` registers its association under; ``suffix`` makes them this
    run's. Pages in ``lang`` show ``names[lang]``."""
    return {code: f"{name} {suffix}" for code, name in NAMES[lang].items()}


def new_person(b: Browser, who: str, name: str) -> dict[str, str]:
    """Sign up and confirm an account of its own; returns its address and password (signed out after)."""
    address = b.suite.address("organization", b.lang, who)
    password = "Shabaka-" + b.suite.run_id[-8:] + "-" + who
    b.sign_up(name, address, password)
    b.expect_path("sign-up/sent")
    b.confirm(address)
    b.expect_path("account?welcome=1")
    return {"email": address, "password": password, "name": name}


def form_with(b: Browser, action_value: str):
    """The form whose hidden `action` field holds ``action_value``."""
    forms = b.driver.find_elements(By.CSS_SELECTOR, f"main form:has(input[name=action][value='{action_value}'])")
    b.expect(forms, f"no form for the step {action_value!r}")
    return forms[0]


def admin_on(b: Browser, path: str, step: str) -> None:
    """The administrator signs in and opens ``path`` in this journey's language."""
    admin_sign_in(b)
    b.visit(path, step=step)


@journey("organization", order=40)
def organization(b: Browser) -> None:
    t, lang = b.t, b.lang
    suffix = b.suite.run_id[-4:]
    names = association_names(lang, suffix)
    representative = new_person(b, "rep", {"ar": "مريم حداد", "fr": "Myriam Haddad"}.get(lang, "Myriam Haddad"))

    # Register: from the account page to "my organisations", then the registration form.
    b.click_link(t("my_organizations.title"), within="main", step="my-organizations")
    b.expect_h1("my_organizations.title")
    b.expect_text("my_organizations.none")
    b.click_link(t("organization.register.title"), within="main", step="register-form")
    b.expect_path("organizations/new")
    b.expect_h1("organization.register.title")
    b.fill({"kind": "association", **{f"name[{code}]": name for code, name in names.items()},
            "description[ar]": "تثمين منتجات الواحات وتكوين الشباب في التسويق التضامني.", "wilaya_code": "30",
            "accreditation_number": "30/2022/051", "accreditation_date": "2022-03-15",
            "domains[]": ["sse.agriculture", "sse.employment"], "representative_role": "president"})
    b.submit(t("organization.register.submit"), within="main", step="registered")
    b.expect(b.path.startswith(f"/{lang}/organizations/") and b.status == 200,
             f"registering answered {b.status} at {b.path}: {'; '.join(b.messages()) or b.main_text()[:300]}")
    org_path = b.path.split("?")[0].split("#")[0]
    b.state["organization"] = {"path": org_path, "name": names[lang], "representative": representative}
    b.expect_text("workflow.organization.state.pending")
    b.expect_text("organization.verification_explain.pending")
    b.sign_out()

    # Staff find it on the administration home, among what waits for them, and verify it.
    admin_sign_in(b)
    b.visit("admin", step="admin-home")
    b.expect_h1("admin.home.title")
    b.click_link(names[lang], within="main", step="staff-sees-registration")
    b.expect_path(org_path)
    b.expect_text("workflow.organization.state.pending")
    b.submit(t("workflow.organization.action.verify"), within="main", step="verified")
    b.expect_path(org_path)
    b.expect(not b.driver.find_elements(By.CSS_SELECTOR, "main .notice"), "the pending notice stays after verifying")
    b.sign_out()
    b.visit(org_path, step="public-page")
    b.expect_status(200)

    # The representative applies for membership from the organisation's page.
    b.sign_in(representative["email"], representative["password"])
    b.visit(org_path, step="organization-signed-in")
    b.click_link(t("membership.apply.title"), within="main", step="apply-form")
    b.expect_h1("membership.apply.title")
    options = [o for o in b.driver.find_elements(By.CSS_SELECTOR, "#organization_id option") if o.get_attribute("value")]
    b.expect(len(options) == 1 and suffix in (options[0].text + options[0].get_attribute("label")),
             f"the apply form offers {[o.text for o in options]}, expected only the new association")
    networks = [o.get_attribute("value") for o in b.driver.find_elements(By.CSS_SELECTOR, "#network_id option")
                if o.get_attribute("value")]
    b.fill({"organization_id": options[0].get_attribute("value"), "network_id": networks[0],
            "motivation": "نرغب في الانضمام إلى الشبكة لتبادل الخبرات وتسويق منتجات الواحات بطريقة تضامنية.",
            "accreditation_number": "30/2022/051", "accreditation_date": "2022-03-15",
            "domains[]": ["sse.agriculture"], "references": "مديرية النشاط الاجتماعي لولاية ورقلة"})
    b.submit(t("membership.apply.submit"), within="main", step="applied")
    b.expect("membership/applications/" in b.path, f"applying answered {b.status} at {b.path}: {b.messages()}")
    application_path = b.path.split("?")[0]
    b.expect_text("workflow.application.state.submitted")
    b.visit(org_path, step="no-second-application")
    b.expect(t("membership.apply.title") not in b.main_text(), "the apply link stays while an application is open")
    b.sign_out()

    # A reviewer (the administrator) starts the review, ticks the checklist with a note, and accepts.
    admin_on(b, application_path, "review")
    b.submit(t("workflow.application.action.start_review"), within=form_with(b, "start_review"), step="review-started")
    checklist = b.form_of("note")
    for box in checklist.find_elements(By.CSS_SELECTOR, "input[type=checkbox]"):
        if not box.is_selected():
            b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
            box.click()
    note = "الاعتماد مطابق للسجل، والقانون الأساسي يسمح بنشاط الاقتصاد التضامني."
    b.fill({"note": note}, within=checklist)
    b.submit(t("membership.checklist.save"), within=checklist, step="checklist-saved")
    b.expect(b.value("note") == note, f"the reviewer's note reads {b.value('note')!r} after saving")
    reason = {"ar": "ملف مكتمل ومطابق", "fr": "Dossier complet et conforme"}.get(lang, "Complete file")
    accept = form_with(b, "accept")
    b.fill({"reason": reason}, within=accept)
    b.submit(t("workflow.application.action.accept"), within=accept, step="accepted")
    b.expect_text("workflow.application.state.accepted")
    b.sign_out()

    # The representative is told, on the site and by mail; the organisation is a member, no apply link.
    mail = b.mail.latest(representative["email"], reason)
    b.expect(mail is not None, "no mail tells the representative of the decision")
    b.sign_in(representative["email"], representative["password"])
    link = b.driver.find_element(By.CSS_SELECTOR, ".site-nav a[href$='/notifications']")
    b.expect(link.find_elements(By.CSS_SELECTOR, ".badge"), "the navigation shows no unread notification")
    b._go(link, "notifications", None)
    b.expect(reason in b.main_text(), "the notifications page does not tell the decision and its reason")
    b.visit(org_path, step="member-organization")
    b.expect(t("membership.apply.title") not in b.main_text(), "the apply link stays after acceptance")

    # The representative invites a colleague by e-mail.
    colleague_address = b.suite.address("organization", lang, "colleague")
    b.driver.find_element(By.XPATH, f"//main//summary[normalize-space()='{t('representatives.invite')}']").click()
    b.fill({"email": colleague_address, "role": "treasurer"}, within="main form[action$='/invitations']")
    b.submit(t("representatives.invite_submit"), within="main form[action$='/invitations']", step="invited")
    b.expect_path(org_path)
    b.expect_text("workflow.representation.state.invited")
    b.sign_out()

    # The colleague signs up with that address, opens the link from the mail and accepts.
    colleague = new_person(b, "colleague", {"ar": "كريم بلقاسم", "fr": "Karim Belkacem"}.get(lang, "Karim Belkacem"))
    b.expect(colleague["email"] == colleague_address, "the colleague's address differs from the invited one")
    link = b.mail.latest_link(colleague_address, "/invitations/accept")
    b.visit(link, step="invitation", lang=link.split("/")[1])
    page_lang = link.split("/")[1]
    b.expect(squash_in(Catalog(page_lang)("invitation.title"), b.h1()), f"the invitation page's heading is {b.h1()!r}")
    b.submit(Catalog(page_lang)("invitation.accept"), within="main", step="invitation-accepted", lang=page_lang)
    b.expect(b.path.startswith(f"/{page_lang}/organizations/"), f"accepting led to {b.path}")
    b.expect(colleague["name"] in b.main_text(), "the colleague is not listed among the representatives")
    b.sign_out()


def squash_in(wanted: str, seen: str) -> bool:
    return " ".join(wanted.split()) == " ".join(seen.split())

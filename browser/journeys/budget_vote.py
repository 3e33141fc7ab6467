"""The process's organiser puts projects to a vote, citizens vote, everyone reads why each project was funded: the
organiser of the "participation" journey opens the votes of their process and prepares one (first a cost that is
not a number), adds three projects and schedules it, open from an hour ago; a citizen ticks projects over the budget
and is told so on the form, then votes within it and gets a receipt, and changes their ballot; another citizen
votes; the results of the demo's closed vote say, for each project, whether it was funded and why. The organiser
also adds a wilaya's budget (first one that exists already) and marks two projects as alternatives; the
administrator makes a funded project of the demo's vote a project of the Projects room, linked to the vote."""
from __future__ import annotations

import datetime
import re

from selenium.webdriver.common.by import By

from harness import Browser, Skip, squash
from journeys import journey
from journeys.admin import admin_sign_in
from journeys.wrong_input import expect_error_summary

TEXTS = {
    "ar": {"title": "التصويت على مشاريع الحي", "projects": [("حديقة الأطفال", "600000"), ("مكتبة الحي", "300000"),
                                                            ("إنارة الشارع الرئيسي", "500000")]},
    "fr": {"title": "Vote sur les projets du quartier", "projects": [("Jardin d’enfants", "600000"),
                                                                    ("Bibliothèque du quartier", "300000"),
                                                                    ("Éclairage de la rue principale", "500000")]},
    "en": {"title": "Vote on the neighbourhood projects", "projects": [("Children's garden", "600000"),
                                                                      ("Neighbourhood library", "300000"),
                                                                      ("Main street lighting", "500000")]},
}
DEMO_TITLE = "التصويت على مشاريع الميزانية التشاركية 2026"


def algeria_time(offset_hours: float) -> str:
    """A date-time field's value in Algeria's time (UTC+1), ``offset_hours`` from now."""
    moment = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=offset_hours + 1)
    return moment.strftime("%Y-%m-%dT%H:%M")


def ballot_form(b: Browser):
    forms = b.driver.find_elements(By.CSS_SELECTOR, "main form[action$='/ballot']")
    b.expect(forms, "the vote's page offers no ballot form")
    return forms[0]


@journey("budget-vote", order=85, needs=("participation",))
def budget_vote(b: Browser) -> None:
    t, lang = b.t, b.lang
    words = TEXTS[lang]
    shared = b.state.get("participation")
    if not shared:
        raise Skip("the participation journey left no organiser and process")
    organizer, voter, other = shared["organizer"], shared["author"], shared["first"]
    suffix = b.suite.run_id[-4:] + "-" + lang
    title = f"{words['title']} {suffix}"

    # 1. The organiser opens the votes of their process and prepares one.
    b.sign_in(organizer["email"], organizer["password"])
    b.visit(shared["process_path"], step="vote-process")
    b.click_link(t("participation.process_elections"), within="main", step="vote-list")
    b.expect_h1("election.list_title")
    b.click_link(t("election.new_link"), within="main", step="vote-new")
    b.expect_path("pb-elections/new")
    processes = {squash(o.text): o.get_attribute("value")
                 for o in b.driver.find_elements(By.CSS_SELECTOR, "main select[name=process_id] option")}
    process = next((v for k, v in processes.items() if shared["process_title"] in k or k in shared["process_title"]), None)
    b.expect(process, f"the form does not offer the organiser's process ({list(processes)})")
    fields = {"process_id": process, "language": lang, "title": title, "budget": "1000000", "max_projects": "2",
              "opens_at": algeria_time(-1), "closes_at": algeria_time(48)}
    b.fill({**fields, "budget": "un million" if lang != "ar" else "مليون"})
    b.submit(t("election.create"), within="main", step="vote-bad-budget")
    b.expect_status(422)
    expect_error_summary(b, {"budget": squash(t("validation.number"))})
    b.fill({"budget": "1000000"})
    b.submit(t("election.create"), within="main", step="vote-created")
    b.expect(b.status == 200 and re.fullmatch(f"/{lang}/pb-elections/[0-9A-Fa-f-]{{36}}", b.path),
             f"creating the vote answered {b.status} at {b.path}: {'; '.join(b.messages())}")
    vote_path = b.path
    b.expect(b.h1() == squash(title), f"the vote's heading is {b.h1()!r}")
    # A budget for the wilaya of Algiers; a second one for the same wilaya is refused on its field.
    for attempt in ("first", "again"):
        form = b.driver.find_elements(By.CSS_SELECTOR, "main form[action$='/budgets']")
        b.expect(form, "the draft offers no form to add a budget")
        b.fill({"wilaya_code": "16", "amount": "200000"}, within=form[0])
        b.submit(t("election.add_budget_button"), within=form[0], step=f"vote-budget-{attempt}")
    b.expect_status(422)
    expect_error_summary(b, {"budget-wilaya_code": squash(t("election.validation.budget_exists"))})
    for index, (name, cost) in enumerate(words["projects"]):
        form = b.driver.find_elements(By.CSS_SELECTOR, "main form[action$='/projects']")
        b.expect(form, "the draft offers no form to add a project")
        # The garden and the lighting are two uses of one plot: the count funds at most one of them.
        b.fill({"title": name, "cost": cost, "wilaya_code": "16", "budget": "1",
                "exclusive_group": "" if index == 1 else "plot"}, within=form[0])
        b.submit(t("election.add_project"), within=form[0], step="vote-project-added")
        b.expect(b.path.split("#")[0] == vote_path, f"after adding a project the page is {b.path}")
        b.expect(squash(name) in b.main_text(), f"the project {name!r} is not listed")
    def schedule(step: str) -> None:
        steps = b.driver.find_elements(By.CSS_SELECTOR, "main form[action$='/transitions']")
        b.expect(steps, "no step form schedules the vote")
        b.submit(t("workflow.budget_election.action.schedule"), within=steps[0], step=step + "-asked")
        confirm = b.driver.find_elements(By.CSS_SELECTOR, "main form:has(input[name=confirmed][value=yes])")
        b.expect(confirm, "scheduling is not confirmed on a second page")
        yes = squash(confirm[0].find_element(By.CSS_SELECTOR, "button[type=submit]").text)
        b.expect(yes.startswith(squash(t("confirm.yes", "\x00")).split("\x00")[0].strip()),
                 f"the confirmation's button reads {yes!r}")
        b.submit(yes, within=confirm[0], step=step)

    # The wilaya's budget has no project yet: scheduling is refused on the vote's page, which says why.
    schedule("vote-schedule-refused")
    b.expect_status(422)
    b.expect(b.path.split("#")[0] == f"{vote_path}/transitions", f"the refusal is at {b.path}")
    b.expect(squash(t("error.election.incomplete.no_projects")) in b.main_text(),
             "the vote's page does not say a budget has no project")
    form = b.driver.find_elements(By.CSS_SELECTOR, "main form[action$='/projects']")
    b.expect(form, "after the refusal the draft offers no form to add a project")
    b.fill({"title": words["projects"][1][0] + " 2", "cost": "150000", "budget": "2"}, within=form[0])
    b.submit(t("election.add_project"), within=form[0], step="vote-wilaya-project")
    schedule("vote-scheduled")
    b.expect(b.path.split("#")[0] == vote_path, f"after scheduling the page is {b.path}")
    b.expect(squash(t("election.phase.open")) in b.main_text(), "the scheduled vote, opened an hour ago, is not open")
    b.expect(squash(t("election.excludes", "3")) in b.main_text(), "the garden does not say it excludes the lighting")
    b.sign_out()

    # 2. A citizen votes: over the budget first (two projects of 600,000 and 500,000), told on the form.
    b.sign_in(voter["email"], voter["password"])
    b.visit(vote_path, step="voter-opens-vote")
    b.fill({"projects[]": ["1", "3"]}, within=ballot_form(b))
    b.submit(t("election.cast"), within=ballot_form(b), step="voter-over-budget")
    b.expect_status(422)
    b.expect(squash(t("error.election.over_budget", "1100000", "1000000")) in b.main_text(),
             f"the page does not say the ballot is over the budget: {'; '.join(b.messages())}")
    b.expect(b.value("projects[]") == ["1", "3"], f"the boxes ticked are {b.value('projects[]')} after the refusal")
    b.fill({"projects[]": ["1", "2"]}, within=ballot_form(b))
    b.submit(t("election.cast"), within=ballot_form(b), step="voter-voted")
    b.expect_status(200)
    b.expect_h1("election.receipt_heading")
    receipts = b.driver.find_elements(By.CSS_SELECTOR, "main .receipt")
    b.expect(receipts and re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}", squash(receipts[0].text)),
             "the receipt page shows no receipt code")
    b.click_link(t("election.back_to_election"), within="main", step="voter-back")
    b.expect(squash(t("election.you_voted", "1")) in b.main_text(), "the vote's page does not say the person voted")
    b.expect(b.value("projects[]") == ["1", "2"], f"the ballot shown ticks {b.value('projects[]')}")
    # They change their mind: the new ballot replaces the first.
    b.fill({"projects[]": ["2", "3"]}, within=ballot_form(b))
    b.submit(t("election.change_ballot"), within=ballot_form(b), step="voter-changed")
    b.expect_status(200)
    b.expect(squash(t("election.ballot_replaced", "2")) in b.main_text(), "the receipt does not say it replaces one")
    b.sign_out()

    # 3. Another citizen votes.
    b.sign_in(other["email"], other["password"])
    b.visit(vote_path, step="other-opens-vote")
    b.fill({"projects[]": ["2"]}, within=ballot_form(b))
    b.submit(t("election.cast"), within=ballot_form(b), step="other-voted")
    b.expect_h1("election.receipt_heading")
    b.sign_out()

    # 4. The demo's closed vote: its results say for each project whether it was funded, and why.
    b.visit("pb-elections", step="votes")
    b.click_link(DEMO_TITLE, within="main", step="demo-vote")
    b.click_link(t("election.see_results"), within="main", step="demo-results")
    b.expect_h1("election.results_heading")
    rows = b.driver.find_elements(By.CSS_SELECTOR, "main tr[data-item]")
    b.expect(len(rows) == 8, f"the results list {len(rows)} projects, expected 8")
    outcomes = {squash(t(k)) for k in ("election.funded", "election.not_funded", "election.excluded_short")}
    for row in rows:
        cells = row.find_elements(By.TAG_NAME, "td")
        b.expect(len(cells) == 3 and squash(cells[1].text) in outcomes and len(squash(cells[2].text)) > 20,
                 f"a project's row reads {squash(row.text)!r}: no outcome or no reason")
    b.expect(any(squash(t("election.funded")) == squash(r.find_elements(By.TAG_NAME, "td")[1].text) for r in rows),
             "no project is funded in the demo vote")
    b.expect(b.driver.find_elements(By.CSS_SELECTOR, "main a[href*='/ballots.pb']"), "no link to the ballots file")

    # 5. The administrator makes a funded project of the demo's vote a project of the Projects room.
    admin_sign_in(b)
    b.visit("pb-elections", step="admin-votes")
    b.click_link(DEMO_TITLE, within="main", step="admin-demo-vote")
    b.click_link(t("election.see_results"), within="main", step="admin-demo-results")
    makes = b.driver.find_elements(By.CSS_SELECTOR, "main a[href$='/project']")
    b.expect(makes, "the results offer the organiser no way to make a funded project a project")
    b.visit(makes[0].get_attribute("href"), step="funded-project-form")
    b.expect_h1("election.funded_project_heading")
    b.submit(t("participation.make_project_button"), within="main", step="funded-project-refused")
    b.expect_status(422)
    carriers = [o.get_attribute("value") for o in
                b.driver.find_elements(By.CSS_SELECTOR, "main select[name=organization_id] option")
                if o.get_attribute("value")]
    b.expect(carriers, "no association is offered to carry the project")
    domains = [o.get_attribute("value") for o in
               b.driver.find_elements(By.CSS_SELECTOR, "main select[name=domain_code] option") if o.get_attribute("value")]
    b.expect(domains, "no domain is offered")
    b.fill({"organization_id": carriers[0], "domain_code": domains[0], "social_need": "—" if lang == "ar" else "Un besoin du quartier.",
            "beneficiaries": "120", "starts_on": "2027-01-01", "ends_on": "2027-06-30", "expected_jobs": "2"})
    b.submit(t("participation.make_project_button"), within="main", step="funded-project-made")
    b.expect(re.fullmatch(f"/{lang}/projects/[^/]+", b.path) is not None, f"after making the project the page is {b.path}")
    b.expect(squash(t("projects.from_election")) in b.main_text(), "the project does not name the vote it comes from")
    b.click_link(DEMO_TITLE, within="main", step="project-to-results")
    b.expect_h1("election.results_heading")
    b.sign_out()

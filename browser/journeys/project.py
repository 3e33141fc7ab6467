"""An association's SSE project, from the first draft to a difficulty settled: the representative left by the
organization journey files a project and submits it, staff review and approve it, the representative starts it and
files a progress report with a long Arabic narrative, then declares a difficulty; staff diagnose it, the
representative proposes an alternative, staff decide, and the representative, told on the site and by mail,
marks it resolved."""
from __future__ import annotations

import tempfile
from pathlib import Path

import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

from harness import Browser, Failure, Skip, squash, unbidi
from journeys import journey
from journeys.account import arabic_biography, letters_in
from journeys.admin import admin_sign_in
from journeys.organization import association_names, form_with

# What the association types, in the journey's language.
TEXTS = {
    "ar": {
        "summary": "تجميع تمور الواحات من صغار الفلاحين وتوضيبها وبيعها في السوق المحلي بأسعار عادلة.",
        "social_need": "الفلاحات الصغيرات يبعن تمورهن للوسطاء بأثمان زهيدة ولا يصلن إلى السوق.",
        "beneficiaries": "60 فلاحة وحرفية من واحات ورقلة",
        "funding": "وزارة التضامن الوطني: 1500000\nبلدية ورقلة: 500000",
        "partners": "تعاونية النخيل، غرفة الفلاحة",
        "milestones": "تشغيل وحدة التوضيب وأول بيع جماعي",
        "difficulty_title": "تأخر صرف الشطر الثاني من الإعانة",
        "difficulty": "لم تصرف الوزارة الشطر الثاني من الإعانة منذ ثلاثة أشهر، فتوقف شراء صناديق التوضيب.",
        "cause": "ملف الصرف ينقصه محضر الجمعية العامة المصادق عليه.",
        "solution_staff": "مرافقة الجمعية في استكمال الملف وإيداعه من جديد لدى المديرية.",
        "solution_rep": "قرض قصير الأجل من صندوق التضامن للشبكة في انتظار الصرف.",
        "why": "الحل الأول لا يكلف شيئا ويعالج السبب نفسه.",
        "owner": "منسقة الشبكة في ورقلة",
        "done": "أُودع الملف المكتمل وصُرف الشطر الثاني.",
    },
    "fr": {
        "summary": "Collecter les dattes des petits producteurs des oasis, les conditionner et les vendre à prix juste.",
        "social_need": "Les petites productrices vendent leurs dattes aux intermédiaires à bas prix, sans accès au marché.",
        "beneficiaries": "60 agricultrices et artisanes des oasis de Ouargla",
        "funding": "Ministère de la Solidarité : 1500000\nCommune de Ouargla : 500000",
        "partners": "Coopérative des palmiers, Chambre d’agriculture",
        "milestones": "Atelier de conditionnement en service, première vente groupée",
        "difficulty_title": "Retard de la deuxième tranche de la subvention",
        "difficulty": "Le ministère n’a pas versé la deuxième tranche depuis trois mois ; l’achat des caisses est arrêté.",
        "cause": "Il manque au dossier de versement le procès-verbal approuvé de l’assemblée générale.",
        "solution_staff": "Accompagner l’association pour compléter le dossier et le redéposer à la direction.",
        "solution_rep": "Un prêt court du fonds de solidarité du réseau en attendant le versement.",
        "why": "La première solution ne coûte rien et traite la cause même.",
        "owner": "La coordinatrice du réseau à Ouargla",
        "done": "Le dossier complet a été déposé et la deuxième tranche versée.",
    },
    "en": {
        "summary": "Collect dates from small oasis growers, pack them and sell them locally at a fair price.",
        "social_need": "Small women growers sell their dates to middlemen for little, with no way to the market.",
        "beneficiaries": "60 women farmers and craftswomen of the Ouargla oases",
        "funding": "Ministry of Solidarity: 1500000\nOuargla municipality: 500000",
        "partners": "Palm growers' cooperative, Chamber of Agriculture",
        "milestones": "Packing workshop running, first joint sale",
        "difficulty_title": "Second instalment of the grant delayed",
        "difficulty": "The ministry has not paid the second instalment for three months; buying crates has stopped.",
        "cause": "The payment file lacks the approved minutes of the general assembly.",
        "solution_staff": "Help the association complete the file and file it again with the directorate.",
        "solution_rep": "A short loan from the network's solidarity fund until the payment comes.",
        "why": "The first solution costs nothing and deals with the cause itself.",
        "owner": "The network's coordinator in Ouargla",
        "done": "The complete file was filed and the second instalment paid.",
    },
}
# The project's title, typed in both of the network's languages and in the journey's own.
TITLES = {"ar": "تسويق تمور الواحات", "fr": "Commercialisation des dattes des oasis", "en": "Marketing oasis dates"}


# --------------------------------------------------------------------------------------------------
# Reading a workflow's page


def state_shown(b: Browser) -> str:
    """The state a project's or a difficulty's page shows (its `p.kind strong`)."""
    shown = b.driver.find_elements(By.CSS_SELECTOR, "main p.kind strong")
    return squash(shown[0].text) if shown else ""


def expect_state(b: Browser, workflow: str, state: str) -> None:
    wanted = b.t(f"workflow.{workflow}.state.{state}")
    b.expect(state_shown(b) == wanted, f"the page shows the state {state_shown(b)!r}, expected {wanted!r} ({state})")


def steps_offered(b: Browser) -> list[str]:
    """The workflow steps the page offers this reader (the hidden `action` of each step's form)."""
    return sorted(i.get_attribute("value") for i in b.driver.find_elements(By.CSS_SELECTOR, "main form input[name=action]"))


def expect_steps(b: Browser, *actions: str) -> None:
    b.expect(steps_offered(b) == sorted(actions), f"the page offers the steps {steps_offered(b)}, expected {sorted(actions)}")


def take_step(b: Browser, workflow: str, action: str, reason: str | None = None) -> None:
    """Press a step's button (its catalog text), with the written reason when there is one."""
    form = form_with(b, action)
    if reason is not None:
        b.fill({"reason": reason}, within=form)
    b.submit(b.t(f"workflow.{workflow}.action.{action}"), within=form, step=f"{workflow}-{action}")


def expect_heading(b: Browser, heading: str, title_key: str) -> None:
    """A page whose heading is a record's own name (not a catalog text): ``<title>`` says what it is."""
    b.expect(b.h1() == squash(heading), f"heading is {b.h1()!r}, expected {heading!r}")
    wanted = squash(b.t(title_key, heading))
    b.expect(squash(b.driver.title).startswith(wanted), f"<title> is {b.driver.title!r}, expected {wanted!r}…")


def open_notifications(b: Browser, expect_unread: bool = True) -> list[str]:
    """The notifications page, through the navigation's link (with a badge when some are unread); their texts."""
    link = b.driver.find_element(By.CSS_SELECTOR, ".site-nav a[href$='/notifications']")
    if expect_unread:
        b.expect(link.find_elements(By.CSS_SELECTOR, ".badge"), "the navigation shows no unread notification")
    b._go(link, "notifications", None)
    b.expect_h1("notifications.title")
    return [squash(li.text) for li in b.driver.find_elements(By.CSS_SELECTOR, "main ul.timeline li")]


def open_notification(b: Browser, text: str, step: str) -> None:
    """Follow the notification that says ``text`` (a link, or a button that marks it read and goes there)."""
    items = [li for li in b.driver.find_elements(By.CSS_SELECTOR, "main ul.timeline li") if unbidi(text) in unbidi(li.text)]
    b.expect(items, f"no notification says {text!r}")
    target = items[0].find_elements(By.CSS_SELECTOR, "a, button")
    b.expect(target, f"the notification {text!r} leads nowhere")
    b._go(target[0], step, None)


def find_in_list(b: Browser, path: str, filters: dict[str, str], title: str, step: str) -> None:
    """Open a list page, narrow it with its filters, and follow the link ``title`` (through its next pages)."""
    b.visit(path, step=f"{step}-list")
    b.fill(filters, within="main form.filters")
    b.submit(b.t("directory.filter"), within="main form.filters", step=f"{step}-filtered")
    for _ in range(50):
        links = [a for a in b.driver.find_elements(By.CSS_SELECTOR, "main a") if squash(a.text) == squash(title)]
        if links:
            b._go(links[0], step, None)
            return
        following = b.driver.find_elements(By.CSS_SELECTOR, "main nav.pagination a[rel=next]")
        b.expect(following, f"{title!r} is on no page of the filtered list {filters}")
        b._go(following[0], f"{step}-next-page", None)
    raise Failure(f"{title!r} not found on 50 pages of {path}")


def look_at_report_row(b: Browser, row: WebElement, narrative: str) -> None:
    """Notes on how a long narrative reads in the reports table on a phone (it is all there; is it readable?)."""
    cells = row.find_elements(By.TAG_NAME, "td")
    period, told = cells[0], cells[5]
    # The height of a cell's text (not of the cell, which takes the row's height), in lines.
    lines = b.driver.execute_script("""
        const range = document.createRange(); range.selectNodeContents(arguments[0]);
        const line = parseFloat(getComputedStyle(arguments[0]).lineHeight) || 24;
        return Math.round(range.getBoundingClientRect().height / line);""", period)
    if lines > 1:
        b.note(f"the reports table squeezes its columns on a {b.driver.execute_script('return innerWidth')} px screen: "
               f"the period {squash(period.text)!r} is broken over {lines} lines, the narrative runs in a column "
               f"{told.size['width']} px wide and {told.size['height']} px tall (the page is "
               f"{b.driver.execute_script('return document.documentElement.scrollHeight')} px tall)")
    text = (told.find_elements(By.CSS_SELECTOR, "p") or [told])[0]
    b.expect("\n\n" not in narrative or "\n" in text.text,
             "the narrative's paragraphs are run together on the project's page (its line breaks are not kept)")
    direction = b.driver.execute_script("return getComputedStyle(arguments[0]).direction", text)
    b.expect(direction == "rtl", f"the Arabic narrative is laid out {direction} on the {b.lang} page, so its "
                                 "punctuation lands on the wrong side")


def attach_pdf(b: Browser, label: str, owner_type: str = "report") -> Path:
    """Attach a small PDF named after ``label`` with the (last) attachment form of a record of ``owner_type`` on the
    page (a file chosen as a person would)."""
    folder = Path(tempfile.mkdtemp(prefix="pdf-", dir=b.server.work))     # removed with the server's folder
    pdf = folder / f"document-{label}.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    forms = [f for f in b.driver.find_elements(By.CSS_SELECTOR, "main form[enctype='multipart/form-data']")
             if f.find_elements(By.CSS_SELECTOR, f"input[name=owner_type][value={owner_type}]")]
    b.expect(forms, f"no form attaches a document to the {owner_type}")
    form = forms[-1]
    field = form.find_element(By.CSS_SELECTOR, "input[type=file]")
    b.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
    field.send_keys(str(pdf))
    b.submit(b.t("attachments.attach"), within=form, step=f"{owner_type}-pdf-attached")
    b.expect(b.status == 200, f"attaching the PDF answered {b.status} at {b.path}")
    return pdf


def staff_told(b: Browser, subject: str, what: str) -> None:
    """Staff's notifications (in this language): a note when none mentions ``subject``."""
    b.visit("notifications", step="staff-notifications")
    items = [squash(li.text) for li in b.driver.find_elements(By.CSS_SELECTOR, "main ul.timeline li")]
    if not any(subject in item for item in items):
        b.note(f"the administrator is not told that {what} ({len(items)} notifications, none about {subject!r}): "
               "those notices go to the coordinator/reviewer/expert roles only, not to `admin`")


def current_quarter(today: datetime.date) -> str:
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


def day_label(b: Browser, day: str) -> str:
    """How pages and mails write the calendar day ``2026-12-30`` in this language (``format.day``: "30 décembre
    2026"…; no ISO date reaches a reader)."""
    year, month, number = (int(part) for part in day.split("-"))
    return unbidi(b.t("format.day", number, b.t(f"month.{month}"), year))


def quarter_label(b: Browser, period: str) -> str:
    """How pages name the quarter ``2026-Q4`` in this language (``format.quarter``: "T4 2026", "Q4 2026"…)."""
    year, quarter = period.split("-Q")
    return unbidi(b.t("format.quarter", quarter, year))


# --------------------------------------------------------------------------------------------------


@journey("project", order=50, needs=("organization",))
def project(b: Browser) -> None:
    t, lang = b.t, b.lang
    if "organization" not in b.state:
        raise Skip("the organization journey left no verified member association")
    representative = b.state["organization"]["representative"]
    words = TEXTS[lang]
    suffix = b.suite.run_id[-4:]
    # One project per language run: the titles name the run and the language.
    titles = {code: f"{TITLES[code]} {suffix}-{lang}" for code in sorted({"ar", "fr", lang})}
    title = titles[lang]
    # The association's name in this language, as the organization journey registered it.
    org_name = association_names(lang, suffix)[lang]
    today = datetime.date.today()

    # 1. The representative files the project: from the navigation to the projects, then "new project".
    b.sign_in(representative["email"], representative["password"])
    b.click_link(t("nav.projects"), within=".site-nav", step="projects")
    b.expect_path("projects")
    b.expect_h1("projects.title")
    b.click_link(t("projects.new"), within="main", step="new-project-form")
    b.expect_path("projects/new")
    b.expect_h1("projects.new")
    b.expect_text("projects.new_intro")
    offered = {squash(o.text): o.get_attribute("value")
               for o in b.driver.find_elements(By.CSS_SELECTOR, "main select[name=organization_id] option")
               if o.get_attribute("value")}
    b.expect(org_name in offered, f"the form offers the associations {list(offered)}, not {org_name!r}")
    starts = today - datetime.timedelta(days=45)
    b.fill({"organization_id": offered[org_name], **{f"title[{code}]": text for code, text in titles.items()},
            "summary": words["summary"], "social_need": words["social_need"], "beneficiaries": words["beneficiaries"],
            "domain_code": "sse.agriculture", "wilaya_code": "30", "budget_minor": "2500000",
            "funding": words["funding"], "partners": words["partners"], "starts_on": starts.isoformat(),
            "ends_on": (starts + datetime.timedelta(days=540)).isoformat(), "expected_jobs": "12"})
    b.submit(t("projects.save_draft"), within="main", step="draft-saved")
    b.expect(b.status == 200 and b.path.startswith(f"/{lang}/projects/") and b.path != f"/{lang}/projects/new",
             f"saving the draft answered {b.status} at {b.path}: {'; '.join(b.messages()) or b.main_text()[:300]}; "
             f"fields in error: {[e.get_attribute('name') for e in b.driver.find_elements(By.CSS_SELECTOR, 'main [aria-invalid=true]')]}")
    project_path = b.path.split("?")[0].split("#")[0]
    b.state["project"] = {"path": project_path, "title": title}
    expect_heading(b, title, "projects.show_title")
    expect_state(b, "project", "draft")
    b.expect(org_name in b.main_text(), f"the project page does not name its association {org_name!r}")
    b.expect_text("projects.no_reports")
    expect_steps(b, "submit")            # a draft is the association's: only "submit" is offered, no staff step

    # Submitted for review: the association waits, staff's steps are not offered to it.
    take_step(b, "project", "submit")
    b.expect_path(project_path)
    expect_state(b, "project", "submitted")
    expect_steps(b)
    b.click_link(t("nav.projects"), within=".site-nav", step="projects-after-submit")
    cards = [c for c in b.driver.find_elements(By.CSS_SELECTOR, "main li.card") if title in squash(c.text)]
    b.expect(cards, f"the projects list does not show {title!r}")
    b.expect(t("workflow.project.state.submitted") in squash(cards[0].text),
             f"the project's card reads {squash(cards[0].text)!r}, not the submitted state")
    b.sign_out()

    # 2. Staff (the administrator) find it among the submitted projects, review and approve it.
    admin_sign_in(b)
    staff_told(b, title, "a project was submitted")
    find_in_list(b, "projects", {"state": "submitted", "wilaya": "30"}, title, "staff-finds-project")
    b.expect_path(project_path)
    expect_state(b, "project", "submitted")
    expect_steps(b, "start_review")
    take_step(b, "project", "start_review")
    expect_state(b, "project", "under_review")
    expect_steps(b, "approve", "reject")
    approval = {"ar": "مشروع واضح الأهداف وميزانيته معقولة", "fr": "Objectifs clairs, budget raisonnable"}.get(lang, "OK")
    take_step(b, "project", "approve", approval)
    expect_state(b, "project", "approved")
    b.expect(approval in b.main_text(), "the history does not keep the reason of the approval")
    b.sign_out()

    # 3. The representative is told, opens the project from the notification and starts it.
    b.sign_in(representative["email"], representative["password"])
    open_notifications(b)
    told = squash(t("notification.project_approved", title))
    open_notification(b, told, "approved-project")
    b.expect_path(project_path)
    expect_state(b, "project", "approved")
    b.expect(t("projects.file_report") not in b.main_text(), "a report form is offered before the project starts")
    expect_steps(b, "start")
    take_step(b, "project", "start")
    expect_state(b, "project", "in_progress")

    # A progress report for this quarter, with a long Arabic narrative, jobs by sex and age group.
    narrative = arabic_biography(3000, seed=11)
    b.expect(letters_in(narrative) >= 3000, "the narrative is shorter than 3,000 letters")
    period = current_quarter(today)
    report = b.form_of("narrative")
    b.fill({"period": period, "narrative": narrative, "milestones": words["milestones"],
            "jobs_created_breakdown[sex][f]": "3", "jobs_created_breakdown[sex][m]": "1",
            "jobs_created_breakdown[age_group][18_24]": "2", "jobs_created_breakdown[age_group][25_34]": "2",
            "jobs_sustained_breakdown[sex][f]": "2", "jobs_sustained_breakdown[sex][m]": "0",
            "beneficiaries": "45", "revenue_minor": "320000", "volunteers": "7"}, within=report)
    b.submit(t("projects.file_report"), within=report, step="report-filed")
    b.expect(b.status == 200 and b.path == project_path,
             f"filing the report answered {b.status} at {b.path}: {'; '.join(b.messages())}; fields in error: "
             f"{[e.get_attribute('name') for e in b.driver.find_elements(By.CSS_SELECTOR, 'main [aria-invalid=true]')]}")
    rows = [r for r in b.driver.find_elements(By.CSS_SELECTOR, "main #reports ~ .table-wrap table tbody tr")
            if unbidi(r.find_element(By.TAG_NAME, "td").text) == quarter_label(b, period)]
    b.expect(rows, f"the reports table has no row for {period} ({quarter_label(b, period)!r})")
    cells = rows[0].find_elements(By.TAG_NAME, "td")
    figures = [squash(c.text) for c in cells[1:5]]
    b.expect(figures == ["4", "2", "45", "7"], f"the report's figures read {figures}, expected 4 jobs created, "
                                               "2 sustained, 45 beneficiaries, 7 volunteers")
    # The whole narrative, then the milestones, in the report's last cell.
    shown = squash(cells[5].text)
    b.expect(shown.startswith(squash(narrative)),
             f"the saved report shows {len(shown)} characters, {letters_in(shown)} Arabic letters of the narrative "
             f"(sent {len(narrative)} characters, {letters_in(narrative)} letters)")
    b.expect(shown.endswith(squash(words["milestones"])), "the saved report does not show the milestones")
    # Jobs created (and revenue) are summed over the reports; the levels are the latest report's.
    b.expect_text("projects.totals", 4)
    levels = squash(t("projects.totals_latest", "\x00", 2, 45, 7).split("\x00")[-1])
    b.expect(levels in b.main_text(), f"page does not say {levels!r} (projects.totals_latest)")
    look_at_report_row(b, rows[0], narrative)

    # The report's financial statement, a PDF, attached under the report; it downloads as the same bytes.
    pdf = attach_pdf(b, period)
    b.expect(pdf.name in b.main_text(), f"the report's documents do not list {pdf.name}")

    # 4. The representative declares a difficulty from the project's page: it gets a page of its own.
    declare = b.form_of("severity")
    b.fill({"category": "funding", "severity": "high", "title": words["difficulty_title"],
            "description": words["difficulty"]}, within=declare)
    b.submit(t("difficulties.report"), within=declare, step="difficulty-reported")
    b.expect(b.path.startswith(f"/{lang}/difficulties/"),
             f"declaring the difficulty answered {b.status} at {b.path}: {'; '.join(b.messages())}")
    difficulty_path = b.path.split("?")[0]
    b.state["project"]["difficulty"] = difficulty_path
    expect_heading(b, words["difficulty_title"], "difficulties.show_title")
    expect_state(b, "difficulty", "reported")
    b.expect_text("difficulty.category.funding")
    b.expect_text("difficulty.severity.high")
    b.expect_text("difficulties.not_diagnosed")
    expect_steps(b)                      # diagnosing is the staff's
    b.click_link(title, within="main", step="project-with-difficulty")
    b.expect_path(project_path)
    listed = [squash(li.text) for li in b.driver.find_elements(By.CSS_SELECTOR, "main #difficulties + ul li")]
    b.expect(any(words["difficulty_title"] in li and t("workflow.difficulty.state.reported") in li for li in listed),
             f"the project's page lists the difficulties {listed}, not the reported one")
    b.sign_out()

    # Staff find it on the difficulties board, diagnose it and propose a solution.
    admin_sign_in(b)
    staff_told(b, words["difficulty_title"], "a difficulty was reported")
    find_in_list(b, "difficulties", {"state": "reported", "wilaya": "30"}, words["difficulty_title"],
                 "staff-finds-difficulty")
    b.expect_path(difficulty_path)
    expect_state(b, "difficulty", "reported")
    expect_steps(b, "diagnose")
    take_step(b, "difficulty", "diagnose", words["cause"])
    b.expect_path(difficulty_path)
    expect_state(b, "difficulty", "diagnosed")
    b.expect(words["cause"] in b.main_text(), "the diagnosis does not show the cause")
    propose = b.form_of("cost_minor")
    b.fill({"description": words["solution_staff"], "cost_minor": "0", "duration_days": "30"}, within=propose)
    b.submit(t("difficulties.propose"), within=propose, step="staff-proposed")
    b.expect_path(difficulty_path)
    b.expect(words["solution_staff"] in b.main_text(), "the proposed solution is not listed")
    b.sign_out()

    # The representative comes back to the difficulty through the project, reads the diagnosis and proposes an
    # alternative; deciding is not theirs.
    b.sign_in(representative["email"], representative["password"])
    notices = open_notifications(b, expect_unread=False)
    if not any(words["difficulty_title"] in n for n in notices):
        b.note("nothing tells the representative that staff diagnosed the difficulty and proposed a solution "
               "(no notification, no mail): they must come back to its page on their own")
    find_in_list(b, "projects", {"state": "in_progress", "wilaya": "30"}, title, "representative-finds-project")
    b.expect_path(project_path)
    b.click_link(words["difficulty_title"], within="main", step="representative-sees-diagnosis")
    b.expect_path(difficulty_path)
    expect_state(b, "difficulty", "diagnosed")
    b.expect(words["cause"] in b.main_text(), "the representative does not see the cause")
    b.expect(not b.driver.find_elements(By.CSS_SELECTOR, "main form[action$='/decision']"),
             "the representative is offered the decision form")
    expect_steps(b)
    propose = b.form_of("cost_minor")
    b.fill({"description": words["solution_rep"], "cost_minor": "400000", "duration_days": "90"}, within=propose)
    b.submit(t("difficulties.propose"), within=propose, step="representative-proposed")
    b.expect_path(difficulty_path)
    b.expect(words["solution_rep"] in b.main_text(), "the alternative is not listed")
    b.sign_out()

    # Staff decide: the first solution, who carries it out and by when.
    admin_sign_in(b)
    find_in_list(b, "difficulties", {"state": "diagnosed", "wilaya": "30"}, words["difficulty_title"], "staff-decides")
    b.expect_path(difficulty_path)
    decision = b.driver.find_element(By.CSS_SELECTOR, "main form[action$='/decision']")
    choices = {squash(r.find_element(By.XPATH, "./ancestor::label").text): r.get_attribute("value")
               for r in decision.find_elements(By.CSS_SELECTOR, "input[name=solution_id]")}
    b.expect(sorted(choices) == sorted([squash(words["solution_staff"]), squash(words["solution_rep"])]),
             f"the decision offers the solutions {list(choices)}")
    deadline = (today + datetime.timedelta(days=30)).isoformat()
    b.fill({"solution_id": choices[squash(words["solution_staff"])], "reason": words["why"],
            "owner": words["owner"], "deadline": deadline}, within=decision)
    b.submit(t("difficulties.decide"), within=decision, step="decided")
    b.expect_path(difficulty_path)
    expect_state(b, "difficulty", "decided")
    b.expect(words["why"] in b.main_text(), "the decision's reason is not shown")
    chosen = b.driver.find_elements(By.CSS_SELECTOR, "main tr.chosen")
    b.expect(len(chosen) == 1 and words["solution_staff"] in squash(chosen[0].text)
             and t("difficulties.chosen") in squash(chosen[0].text), "the chosen solution is not marked")
    b.expect(words["owner"] in b.main_text() and day_label(b, deadline) in unbidi(b.main_text()),
             f"the decision's owner and deadline ({day_label(b, deadline)!r}) are not shown")
    b.sign_out()

    # 5. The representative is told of the decision (by mail and on the site), carries it out and marks the
    # difficulty resolved; the project goes on.
    difficulty_id = difficulty_path.rsplit("/", 1)[-1]
    mail = b.mail.latest(representative["email"], f"/difficulties/{difficulty_id}")
    told = unbidi(t("notification.difficulty_decided", words["difficulty_title"], day_label(b, deadline)))
    said = unbidi(b.mail.body(mail))
    b.expect(told in said, f"the mail does not say {told!r}; it says: {said[:300]!r}")
    b.sign_in(representative["email"], representative["password"])
    open_notifications(b)
    open_notification(b, told, "representative-sees-decision")
    b.expect_path(difficulty_path)
    expect_state(b, "difficulty", "decided")
    b.expect(words["why"] in b.main_text() and day_label(b, deadline) in unbidi(b.main_text()),
             "the representative does not see the decision")
    expect_steps(b, "resolve")
    take_step(b, "difficulty", "resolve", words["done"])
    b.expect_path(difficulty_path)
    expect_state(b, "difficulty", "resolved")
    b.expect_text("difficulties.outcome")
    b.expect(words["done"] in b.main_text(), "the outcome is not shown")
    expect_steps(b)
    b.click_link(title, within="main", step="project-at-the-end")
    b.expect_path(project_path)
    expect_state(b, "project", "in_progress")
    listed = [squash(li.text) for li in b.driver.find_elements(By.CSS_SELECTOR, "main #difficulties + ul li")]
    b.expect(any(words["difficulty_title"] in li and t("workflow.difficulty.state.resolved") in li for li in listed),
             f"the project's page lists the difficulties {listed}, not the resolved one")
    b.sign_out()

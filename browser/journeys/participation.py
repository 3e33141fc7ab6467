"""Citizen proposes, others endorse and comment, organiser answers: a coordinator (an account the administrator
gives the role) creates a participatory process with a proposals phase open now and a deliberation phase after
it; a citizen drafts a proposal (first forgetting its text), sees the draft and the similar proposals, and
publishes it; two other citizens endorse it (the second reaches the threshold of 2: taking back is no longer
offered), one comments for it, the other replies; the coordinator answers "accepted", and the author, told by a
notification, finds the proposal accepted with its published answer."""
from __future__ import annotations

import datetime
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

from harness import Browser, squash, unbidi
from journeys import journey
from journeys.admin import admin_sign_in, find_user_row
from journeys.project import open_notification, open_notifications
from journeys.wrong_input import expect_error_summary

THRESHOLD = 2

# What people type, in the journey's language (the process's title is also given in Arabic).
TEXTS = {
    "ar": {
        "process": "ميزانية الحي التشاركية",
        "description": "يقترح سكان الحي مشاريع صغيرة لتحسين حياتهم اليومية، ويؤيدونها ويتناقشون فيها.",
        "title": "تشجير ساحة السوق القديم",
        "body": "نقترح غرس أشجار الزيتون والنخيل في ساحة السوق القديم لتوفير الظل للباعة والمارة صيفاً.",
        "comment": "فكرة ممتازة، الساحة حارة جداً في الصيف ولا يوجد فيها أي ظل.",
        "reply": "أوافقك، ويمكن لجمعية الحي أن تتكفل بالسقي.",
        "reason": "يدخل المقترح في برنامج التشجير البلدي لهذه السنة، وستبدأ الأشغال في الربيع.",
        "organizer": "نادية بلقاسم", "author": "كريم زروقي", "first": "أمينة سعيدي", "second": "رضا حمادي",
    },
    "fr": {
        "process": "Budget participatif du quartier",
        "description": "Les habitants proposent de petits projets pour le quartier, les soutiennent et en débattent.",
        "title": "Planter des arbres sur la place du vieux marché",
        "body": "Nous proposons de planter des oliviers et des palmiers sur la place du vieux marché pour donner de "
                "l’ombre aux marchands et aux passants en été.",
        "comment": "Excellente idée : la place est brûlante en été et il n’y a aucune ombre.",
        "reply": "D’accord, et l’association du quartier peut se charger de l’arrosage.",
        "reason": "La proposition entre dans le programme communal de plantation de cette année ; les travaux "
                  "commencent au printemps.",
        "organizer": "Nadia Belkacem", "author": "Karim Zerrouki", "first": "Amina Saïdi", "second": "Réda Hammadi",
    },
    "en": {
        "process": "Neighbourhood participatory budget",
        "description": "Residents propose small projects for the neighbourhood, endorse them and discuss them.",
        "title": "Plant trees on the old market square",
        "body": "We propose planting olive trees and palms on the old market square to give shade to traders and "
                "passers-by in summer.",
        "comment": "Great idea: the square is scorching in summer and there is no shade at all.",
        "reply": "Agreed, and the neighbourhood association can take care of the watering.",
        "reason": "The proposal fits this year's municipal tree-planting programme; work starts in the spring.",
        "organizer": "Nadia Belkacem", "author": "Karim Zerrouki", "first": "Amina Saidi", "second": "Reda Hammadi",
    },
}


# --------------------------------------------------------------------------------------------------
# Helpers


def plural(b: Browser, key: str, count: int, *args: str) -> str:
    """``key.<category>`` for ``count`` as the server picks it (``PluralCategory``: Arabic one, two, few, many,
    other; French 0 and 1 one; English 1 one), ``{1}`` being the count."""
    n = abs(count)
    if b.lang == "ar":
        category = ("one" if n == 1 else "two" if n == 2 else "few" if 3 <= n % 100 <= 10
                    else "many" if 11 <= n % 100 <= 99 else "other")
    elif b.lang == "fr":
        category = "one" if n <= 1 else "other"
    else:
        category = "one" if n == 1 else "other"
    grouped = f"{n:,}".replace(",", "," if b.lang == "en" else "\u202f")
    return b.t(f"{key}.{category}", ("-" if count < 0 else "") + grouped, *args)


def citizen(b: Browser, who: str, name: str) -> dict[str, str]:
    """A person signs up and confirms from the mail (signed in after); their address and password."""
    address = b.suite.address("participation", b.lang, who)
    password = "Shabaka-" + b.suite.run_id[-8:] + "-" + who
    b.sign_up(name, address, password)
    b.expect_path("sign-up/sent")
    b.confirm(address)
    b.expect_path("account?welcome=1")
    return {"email": address, "password": password, "name": name}


def texts_of(b: Browser, css: str) -> list[str]:
    return [squash(e.text) for e in b.driver.find_elements(By.CSS_SELECTOR, css)]


def state_shown(b: Browser) -> str:
    """The state a proposal's page shows (``p.kind strong``)."""
    shown = b.driver.find_elements(By.CSS_SELECTOR, "main p.kind strong")
    return squash(shown[0].text) if shown else ""


def expect_proposal_state(b: Browser, state: str) -> None:
    wanted = b.t(f"participation.proposal_state.{state}")
    b.expect(state_shown(b) == wanted, f"the proposal shows the state {state_shown(b)!r}, expected {wanted!r} ({state})")


def expect_proposal_page(b: Browser, title: str) -> None:
    b.expect(b.h1() == squash(title), f"the proposal's heading is {b.h1()!r}, expected {title!r}")
    wanted = squash(b.t("participation.proposal_title", title))
    b.expect(squash(b.driver.title).startswith(wanted), f"<title> is {b.driver.title!r}, expected {wanted!r}…")


def endorsement_form(b: Browser, action: str) -> WebElement | None:
    """The support section's form that posts ``action`` (endorse, withdraw) to the endorsement, if offered."""
    forms = b.driver.find_elements(
        By.CSS_SELECTOR, f"main #support form[action$='/endorsement']:has(input[name=action][value='{action}'])")
    return forms[0] if forms else None


def expect_count(b: Browser, count: int) -> None:
    """The support section says how many endorsements of the threshold the proposal has."""
    wanted = squash(plural(b, "participation.endorsements_of", count, str(THRESHOLD)))
    shown = texts_of(b, "main #support p.count")
    b.expect(shown == [wanted], f"the support section counts {shown}, expected {wanted!r}")


def endorse(b: Browser, step: str) -> None:
    form = endorsement_form(b, "endorse")
    b.expect(form is not None, "no endorsement form (action=endorse) is offered")
    b.submit(b.t("participation.endorse"), within=form, step=step)
    b.expect(b.status == 200 and b.path.startswith(f"/{b.lang}/proposals/"),
             f"endorsing answered {b.status} at {b.path}: {'; '.join(b.messages())}")
    b.expect_text("participation.you_endorsed")
    b.expect(endorsement_form(b, "endorse") is None, "the endorsement form is still offered after endorsing")


def comment_items(b: Browser) -> list[WebElement]:
    return b.driver.find_elements(By.CSS_SELECTOR, "main #comments ol.thread > li.comment")


# --------------------------------------------------------------------------------------------------


@journey("participation", order=80)
def participation(b: Browser) -> None:
    t, lang = b.t, b.lang
    words = TEXTS[lang]
    suffix = b.suite.run_id[-4:] + "-" + lang
    # The server's "today" for phases (ISODate: the UTC calendar day); the proposals phase opened yesterday.
    today = datetime.datetime.now(datetime.timezone.utc).date()

    def day(offset: int) -> str:
        return (today + datetime.timedelta(days=offset)).isoformat()

    # 0. The organiser: an account of their own, to which the administrator gives the coordinator role.
    organizer = citizen(b, "organizer", words["organizer"])
    b.sign_out()
    admin_sign_in(b)
    b.visit("admin/users", step="admin-users")
    b.fill({"q": organizer["email"]}, within="main form[role=search]")
    b.submit(t("admin.users.filter"), within="main form[role=search]", step="organizer-found")
    row = find_user_row(b, organizer["email"])
    b.fill({"role": "coordinator"}, within=row)
    b.submit(t("admin.users.grant"), within=row, step="coordinator-role")
    b.expect_message("admin.users.changed")
    b.sign_out()

    # 1. The organiser creates the process: from Participation in the navigation, then "new process".
    b.sign_in(organizer["email"], organizer["password"])
    b.click_link(t("nav.participation"), within=".site-nav", step="processes")
    b.expect_path("processes")
    b.expect_h1("participation.processes_title")
    b.click_link(t("participation.new_process"), within="main", step="new-process-form")
    b.expect_path("processes/new")
    b.expect_h1("participation.new_process")
    organizers = {squash(o.text): o.get_attribute("value")
                  for o in b.driver.find_elements(By.CSS_SELECTOR, "main select[name=organizer_id] option")
                  if o.get_attribute("value")}
    b.expect(organizers, "the form offers no organiser organisation (the demo data has verified ones)")
    organizer_org = sorted(organizers)[0]
    titles = {"ar": f"{TEXTS['ar']['process']} {suffix}", lang: f"{words['process']} {suffix}"}
    title = titles[lang]
    b.fill({**{f"title[{code}]": text for code, text in titles.items()},
            f"description[{lang}]": words["description"], "organizer_id": organizers[organizer_org],
            "endorsement_threshold": str(THRESHOLD), "endorsements_per_person": "", "proposals_per_person": "",
            "counts_visible": True, "stances": True, "premoderation": False,
            "phases[0][kind]": "proposals", "phases[0][starts_on]": day(-1), "phases[0][ends_on]": day(20),
            "phases[1][kind]": "deliberation", "phases[1][starts_on]": day(21), "phases[1][ends_on]": day(40)})
    b.submit(t("participation.create_process"), within="main", step="process-created")
    b.expect(b.status == 200 and re.fullmatch(f"/{lang}/processes/[a-z0-9-]+", b.path) and not b.path.endswith("/new"),
             f"creating the process answered {b.status} at {b.path}: {'; '.join(b.messages()) or b.main_text()[:300]}; "
             f"fields in error: {[e.get_attribute('name') for e in b.driver.find_elements(By.CSS_SELECTOR, 'main [aria-invalid=true]')]}")
    process_path = b.path
    b.expect(b.h1() == squash(title), f"the process's heading is {b.h1()!r}, expected {title!r}")
    b.expect(organizer_org in b.main_text(), f"the process's page does not name its organiser {organizer_org!r}")
    # What is open now: the proposals phase, open for proposing, endorsing and commenting.
    now = b.driver.find_elements(By.CSS_SELECTOR, "main section.process-now")
    b.expect(now, "the process's page has no section saying what is open now (section.process-now)")
    now_text = unbidi(now[0].text)
    b.expect(unbidi(t("participation.where_we_are")) in now_text, f"the process-now section reads {now_text!r}")
    phase = unbidi(t("participation.phase_now", t("participation.phase.proposals"), "\x00").split("\x00")[0])
    b.expect(phase in now_text, f"the process-now section reads {now_text!r}, not {phase!r} (participation.phase_now)")
    opened = [t(f"participation.opening.{o}") for o in ("propose", "endorse", "comment")]
    b.expect(all(o in now_text for o in opened), f"the process-now section reads {now_text!r}: not all of {opened} open")
    b.expect(unbidi(t("participation.nothing_open")) not in now_text, "the process says nothing is open")
    # The rules, written from the settings: threshold 2 studied by the organiser, no limit, take-back.
    rules = texts_of(b, "main ul.rules li")
    wanted_rules = [squash(plural(b, "participation.rule.threshold", THRESHOLD, organizer_org)),
                    squash(t("participation.rule.endorsement_no_limit")), squash(t("participation.rule.take_back"))]
    b.expect(rules == wanted_rules, f"the rules read {rules}, expected {wanted_rules}")
    b.expect_text("participation.no_proposals")
    b.sign_out()

    # 2. A citizen finds the process and makes a proposal: first without its text.
    author = citizen(b, "author", words["author"])
    b.click_link(t("nav.participation"), within=".site-nav", step="author-processes")
    b.click_link(title, within="main", step="author-process")
    b.expect_path(process_path)
    b.click_link(t("participation.new_proposal"), within="main", step="new-proposal-form")
    b.expect_path(f"{process_path}/proposals/new")
    b.expect_h1("participation.new_proposal")
    b.expect_text("participation.new_proposal_intro")
    b.fill({"title": words["title"]})
    b.submit(t("participation.save_draft"), within="main", step="proposal-without-text")
    b.expect_status(422)
    b.expect_h1("participation.new_proposal")
    expect_error_summary(b, {"body": t("validation.required")})
    error = b.field_error("body")
    b.expect(error == squash(t("validation.required")), f"the text's error reads {error!r}")
    b.no_field_error("title")
    b.expect(b.value("title") == words["title"], f"the title reads {b.value('title')!r} after the error")
    # Corrected: the draft is saved and shown with the proposals like it, before anyone else sees it.
    b.fill({"body": words["body"]})
    b.submit(t("participation.save_draft"), within="main", step="draft-saved")
    b.expect(b.status == 200 and re.fullmatch(f"/{lang}/proposals/[0-9A-Fa-f-]{{36}}", b.path),
             f"saving the draft answered {b.status} at {b.path}: {'; '.join(b.messages())}")
    proposal_path = b.path
    expect_proposal_page(b, words["title"])
    expect_proposal_state(b, "draft")
    draft = b.driver.find_elements(By.CSS_SELECTOR, "main section.notice[aria-labelledby=draft-title]")
    b.expect(draft, "the draft's page has no draft notice")
    draft_text = squash(draft[0].text)
    for key in ("participation.draft_heading", "participation.draft_explain"):
        b.expect(squash(t(key)) in draft_text, f"the draft notice does not say {t(key)!r} ({key})")
    # The process is new: nothing like it yet, and the section says so.
    similar = squash(t("participation.similar_heading")) in draft_text or squash(t("participation.no_similar")) in draft_text
    b.expect(similar, f"the draft notice says nothing of similar proposals: {draft_text!r}")
    b.expect(squash(words["body"]) in b.main_text(), "the draft's page does not show its text")
    b.expect(not b.driver.find_elements(By.CSS_SELECTOR, "main #support"), "a draft offers endorsements")
    # Published with the step form (the workflow's "publish").
    publish = b.driver.find_elements(
        By.CSS_SELECTOR, "main form[action$='/transitions']:has(input[name=action][value=publish])")
    b.expect(publish, "no step form publishes the draft (form[action$='/transitions'] with action=publish)")
    b.submit(t("workflow.proposal.action.publish"), within=publish[0], step="proposal-published")
    b.expect_path(proposal_path)
    expect_proposal_state(b, "published")
    b.expect(not b.driver.find_elements(By.CSS_SELECTOR, "main section[aria-labelledby=draft-title]"),
             "the published proposal still shows the draft notice")
    expect_count(b, 0)
    b.sign_out()

    # 3. A second citizen endorses it and comments for it; taking back is still possible below the threshold.
    first = citizen(b, "first", words["first"])
    b.visit(proposal_path, step="first-opens-proposal")
    expect_proposal_page(b, words["title"])
    expect_proposal_state(b, "published")
    b.expect(texts_of(b, "main #support ul.rules li") == wanted_rules, "the support section does not repeat the rules")
    endorse(b, "first-endorses")
    expect_count(b, 1)
    b.expect(endorsement_form(b, "withdraw") is not None, "no take-back form below the threshold")
    b.expect(squash(t("participation.threshold_reached_on")) not in b.main_text(), "the threshold is reached at 1 of 2")
    comment = b.form_of("stance")
    b.expect(comment.find_elements(By.ID, "comment-body"), "the comment form has no #comment-body")
    b.fill({"stance": "for", "body": words["comment"]}, within=comment)
    b.submit(t("participation.send_comment"), within=comment, step="first-comments")
    b.expect_path(proposal_path)
    items = [li for li in comment_items(b) if squash(words["comment"]) in squash(li.text)]
    b.expect(items, f"the comment is not listed ({[squash(li.text)[:80] for li in comment_items(b)]})")
    meta = squash(items[0].find_element(By.CSS_SELECTOR, "p.meta").text)
    b.expect(words["first"] in meta, f"the comment's line reads {meta!r}, without its author {words['first']!r}")
    stance = texts_of(b, f"main #{items[0].get_attribute('id')} > p.meta .stance")
    b.expect(stance == [squash(t("participation.stance.for"))], f"the comment's stance reads {stance}")
    heading = texts_of(b, "main #comments-title")
    b.expect(heading == [squash(plural(b, "participation.comment_count", 1))], f"the comments are headed {heading}")
    b.sign_out()

    # A third citizen endorses it: the threshold is reached, the endorsement is final; they reply to the comment.
    second = citizen(b, "second", words["second"])
    b.visit(proposal_path, step="second-opens-proposal")
    expect_count(b, 1)
    endorse(b, "second-endorses")
    expect_count(b, 2)
    reached = [p for p in b.driver.find_elements(By.CSS_SELECTOR, "main #support p")
               if squash(t("participation.threshold_reached_on")) in squash(p.text)]
    b.expect(reached, "the support section does not say the threshold is reached")
    b.expect(endorsement_form(b, "withdraw") is None, "taking the endorsement back is offered after the threshold")
    b.expect(t("participation.take_back") not in b.main_text(), "a take-back button is shown after the threshold")
    items = [li for li in comment_items(b) if squash(words["comment"]) in squash(li.text)]
    b.expect(items, "the second citizen does not see the first one's comment")
    comment_id = items[0].get_attribute("id")
    b.click_link(t("participation.reply"), within=items[0], step="second-opens-replies")
    b.expect("/replies" in b.path, f"the reply link leads to {b.path}")
    reply_form = b.driver.find_elements(By.CSS_SELECTOR, "main form[action$='/comments']")
    b.expect(reply_form, "the replies page offers no reply form")
    b.type_into(reply_form[0].find_element(By.NAME, "body"), words["reply"])
    b.submit(t("participation.send_reply"), within=reply_form[0], step="second-replies")
    b.expect("/replies" in b.path, f"after replying the page is {b.path}")
    replies = texts_of(b, "main ol.replies > li")
    b.expect(any(squash(words["reply"]) in r and words["second"] in r for r in replies),
             f"the reply is not listed on the replies page ({replies})")
    b.visit(proposal_path, step="second-back-to-proposal")
    replies = texts_of(b, f"main #{comment_id} ol.replies > li")
    b.expect(any(squash(words["reply"]) in r and words["second"] in r for r in replies),
             f"the reply is not listed under the comment ({replies})")
    b.sign_out()

    # 4. The organiser finds the proposal on the process's page and answers it: accepted, published now.
    b.sign_in(organizer["email"], organizer["password"])
    b.visit(process_path, step="organizer-process")
    b.click_link(words["title"], within="main", step="organizer-proposal")
    b.expect_path(proposal_path)
    expect_proposal_state(b, "published")
    answer = b.driver.find_elements(By.CSS_SELECTOR, "main form[action$='/answer']")
    b.expect(answer, "the organiser is offered no answer form")
    b.fill({"state": "accepted", "reason": words["reason"]}, within=answer[0])
    b.expect(b.value("publish_on") == "", "the answer's publication day is not empty by default")
    b.submit(t("participation.save_answer"), within=answer[0], step="answered")
    b.expect(b.status == 200 and b.path == proposal_path,
             f"answering answered {b.status} at {b.path}: {'; '.join(b.messages())}")
    expect_proposal_state(b, "accepted")
    section = b.driver.find_elements(By.CSS_SELECTOR, "main section#answer")
    b.expect(section, "the page shows no published answer (section#answer)")
    answer_text = squash(section[0].text)
    b.expect(squash(t("participation.proposal_state.accepted")) in answer_text and squash(words["reason"]) in answer_text,
             f"the answer section reads {answer_text!r}")
    b.expect(not b.driver.find_elements(By.CSS_SELECTOR, "main form[action$='/answer']"),
             "the answer form is still offered once the proposal is accepted")
    b.sign_out()

    # 5. The author is told, opens the notification and finds the proposal accepted, with its answer.
    b.sign_in(author["email"], author["password"])
    open_notifications(b)
    told = t("notification.proposal_answered", words["title"], t("participation.proposal_state.accepted"))
    open_notification(b, told, "author-sees-answer")
    b.expect_path(proposal_path)
    expect_proposal_state(b, "accepted")
    section = b.driver.find_elements(By.CSS_SELECTOR, "main section#answer")
    b.expect(section and squash(words["reason"]) in squash(section[0].text),
             "the author does not see the published answer")
    expect_count(b, 2)
    b.sign_out()
    # What the vote on the budget (journey "budget-vote") starts from.
    b.state["participation"] = {"organizer": organizer, "author": author, "first": first, "second": second,
                                "process_path": process_path, "process_title": title}

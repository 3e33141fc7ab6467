"""A question put to a vote, and the network's assembly: the organiser of the "participation" journey goes from their
process to its polls and puts a question to a vote (first without its question and with a single option: the errors
and their summary), ranked (Schulze) in Arabic and English, approval in French, results live, opening in an hour;
they reopen the form (the times and options kept) and make it open from an hour ago with a fourth option. A citizen
sends the voting form empty (an error on the group), votes, sees the notice and their vote, and changes it; another
abstains; the results follow live. Anyone finds the demo assembly from the processes' page, its members with their
weights and the delegation chain, and its motion's roll with the chain. The administrator adds a citizen as a
representative of the heaviest member (on its directory page), who tries to delegate its vote into a cycle (refused,
the cycle named), delegates to another member (the chains grow: the motion's roll still stops at the first member
who voted), and takes the delegation back."""
from __future__ import annotations

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from harness import Browser, Skip, squash, unbidi
from journeys import journey
from journeys.admin import admin_sign_in
from journeys.budget_vote import algeria_time
from journeys.wrong_input import expect_error_summary

TEXTS = {
    "ar": {"question": "ما الأشغال التي تبدأ بها البلدية هذا الصيف في الحي؟",
           "description": "رتّبوا الأشغال حسب أهميتها عندكم، الأهم أولاً.",
           "options": ["تنظيف الوادي", "إصلاح الأرصفة", "تشجير الساحة", "طلاء المدرسة"]},
    "fr": {"question": "Quels travaux la commune doit-elle faire cet été dans le quartier ?",
           "description": "Cochez tous les travaux que vous approuvez.",
           "options": ["Nettoyer l’oued", "Réparer les trottoirs", "Planter des arbres sur la place", "Repeindre l’école"]},
    "en": {"question": "Which works should the commune do in the neighbourhood this summer?",
           "description": "Rank the works, the most important first.",
           "options": ["Clean the wadi", "Repair the pavements", "Plant trees on the square", "Repaint the school"]},
}
METHOD = {"ar": "schulze", "fr": "approval", "en": "schulze"}
DEMO_ASSEMBLY = "الجمعية العامة العادية للشبكة 2026"
DEMO_MOTION = "المصادقة على التقرير الأدبي والمالي لسنة 2025"
# The demo assembly's members by declared weight: tadamoun-batna 120 (green-oasis-biskra 80 delegated to it),
# nour-women-ghardaia 45, atlas-crafts-tlemcen 30; tadamoun voted yes, nour no, atlas abstained.
HEAVIEST = "tadamoun-batna"


def checked(b: Browser, name: str) -> str:
    """The value of the radio button ticked in the group ``name``."""
    ticked = b.driver.find_elements(By.CSS_SELECTOR, f"main input[name='{name}']:checked")
    return ticked[0].get_attribute("value") if ticked else ""


def vote_form(b: Browser):
    forms = b.driver.find_elements(By.CSS_SELECTOR, "main form[action$='/vote']")
    b.expect(forms, "the poll's page offers no voting form")
    return forms[0]


def rank_selects(b: Browser) -> dict[int, Select]:
    """The ranking's selects by the option's position (``vote-rank-<position>``)."""
    return {int(s.get_attribute("id").rsplit("-", 1)[1]): Select(s)
            for s in vote_form(b).find_elements(By.CSS_SELECTOR, "select[name='ranks[]']")}


def cast(b: Browser, positions: list[int], button: str, step: str) -> None:
    """Choose the options at ``positions`` (best first for a ranking) and press ``button``."""
    form = vote_form(b)
    if METHOD[b.lang] == "approval":
        b.fill({"choices[]": [str(p) for p in positions]}, within=form)
    else:
        for position, select in rank_selects(b).items():
            select.select_by_value(str(positions.index(position) + 1) if position in positions else "")
    b.submit(button, within=form, step=step)


def shown_vote(b: Browser) -> list[int]:
    """The positions the voting form shows chosen (best first for a ranking)."""
    if METHOD[b.lang] == "approval":
        return [int(v) for v in b.value("choices[]")]
    ranks = {int(s.first_selected_option.get_attribute("value")): p
             for p, s in rank_selects(b).items() if s.first_selected_option.get_attribute("value")}
    return [ranks[r] for r in sorted(ranks)]


def expect_vote(b: Browser, positions: list[int], version: int) -> None:
    """The page answering a vote: the notice, the vote read back, the form showing it."""
    b.expect_status(200)
    b.expect_text("poll.vote_recorded", version)
    options = TEXTS[b.lang]["options"]
    b.expect_text("poll.your_vote", " › ".join(options[p - 1] for p in positions))
    b.expect(shown_vote(b) == positions, f"the voting form shows {shown_vote(b)} chosen, expected {positions}")


def note_repeats(b: Browser) -> None:
    """Notes an error summary that says the same thing twice."""
    items = [squash(li.text) for li in b.driver.find_elements(By.CSS_SELECTOR, "main .error-summary li")]
    if len(set(items)) < len(items):
        b.note(f"the error summary says the same thing twice: {items}")


def rows(b: Browser, css: str) -> list[list[str]]:
    """The cells' texts (header cell first) of the table rows ``css`` finds."""
    return [[unbidi(c.text) for c in r.find_elements(By.CSS_SELECTOR, "th, td")]
            for r in b.driver.find_elements(By.CSS_SELECTOR, css)]


def members(b: Browser) -> dict[str, list[str]]:
    """The assembly page's members table by weight: [name, weight, chain]."""
    found = {r[1]: r for r in rows(b, "main #members + .table-wrap tbody tr")}
    b.expect(sorted(found) == ["120", "30", "45", "80"], f"the members' weights read {sorted(found)}")
    return found


def chain(*names: str) -> str:
    return " → ".join(names)


@journey("polls", order=87, needs=("participation",))
def polls(b: Browser) -> None:
    t, lang = b.t, b.lang
    words, method = TEXTS[lang], METHOD[lang]
    shared = b.state.get("participation")
    if not shared:
        raise Skip("the participation journey left no organiser and process")
    organizer, voter, other, second = shared["organizer"], shared["author"], shared["first"], shared["second"]
    suffix = b.suite.run_id[-4:] + "-" + lang
    question = f"{words['question']} {suffix}"
    options = words["options"]

    # 1. The organiser goes from their process to its polls and puts a question: first without it, one option only.
    b.sign_in(organizer["email"], organizer["password"])
    b.visit(shared["process_path"], step="poll-process")
    b.click_link(t("participation.process_polls"), within="main", step="process-polls")
    b.expect_path(f"/{lang}/polls?process={shared['process_path'].rsplit('/', 1)[-1]}")
    b.expect_h1("poll.list_title")
    b.expect_text("poll.none_yet")
    b.click_link(t("poll.new_link"), within="main", step="poll-new")
    b.expect_path("polls/new")
    b.expect_h1("poll.new_title")
    processes = {squash(o.text): o.get_attribute("value")
                 for o in b.driver.find_elements(By.CSS_SELECTOR, "main select[name=process_id] option")}
    process = next((v for k, v in processes.items() if shared["process_title"] in k or k in shared["process_title"]), None)
    b.expect(process, f"the form does not offer the organiser's process ({list(processes)})")
    opens, closes = algeria_time(1), algeria_time(24 * 7)
    b.fill({"process_id": process, "language": lang, "title": "", "description": words["description"],
            "options": options[0], "method": method, "results_visibility": "live", "allow_abstain": True,
            "opens_at": opens, "closes_at": closes})
    b.submit(t("poll.create"), within="main", step="poll-wrong")
    b.expect_status(422)
    expect_error_summary(b, {"title": squash(t("validation.required")),
                             "options": squash(t("poll.validation.two_options"))})
    b.expect(b.field_error("options") == squash(t("poll.validation.two_options")), "the options' error differs")
    kept = (b.value("options"), checked(b, "method"), b.value("process_id"))
    b.expect(kept == (options[0], method, process), f"the form did not keep what was typed: {kept}")
    b.fill({"title": question, "options": "\n".join(options[:3])})
    b.submit(t("poll.create"), within="main", step="poll-created")
    b.expect(b.status == 200 and re.fullmatch(f"/{lang}/polls/[0-9A-Fa-f-]{{36}}", b.path),
             f"creating the poll answered {b.status} at {b.path}: {'; '.join(b.messages())}")
    poll_path = b.path
    b.expect(b.h1() == squash(question), f"the poll's heading is {b.h1()!r}")
    b.expect_text("poll.phase.upcoming")
    b.expect_text("poll.results_hidden.live")
    b.expect(not b.driver.find_elements(By.CSS_SELECTOR, "main form[action$='/vote']"), "an upcoming poll takes votes")
    # Before it opens the organiser may change it: the form shows what was saved, times in Algeria's time.
    b.click_link(t("poll.edit_link"), within="main", step="poll-edit")
    b.expect_path(f"{poll_path}/edit")
    b.expect_h1("poll.edit_title")
    saved = {n: b.value(n) for n in ("title", "options", "opens_at", "closes_at")}
    saved.update({n: checked(b, n) for n in ("method", "results_visibility")})
    wanted = {"title": question, "options": "\n".join(options[:3]), "opens_at": opens, "closes_at": closes,
              "method": method, "results_visibility": "live"}
    b.expect(saved == wanted, f"the edit form shows {saved}, expected {wanted}")
    b.fill({"options": "\n".join(options), "opens_at": algeria_time(-1)})
    b.submit(t("poll.save"), within="main", step="poll-opened")
    b.expect(b.status == 200 and b.path == poll_path, f"saving answered {b.status} at {b.path}: {b.messages()}")
    b.expect_text("poll.phase.open")
    b.expect(not [a for a in b.driver.find_elements(By.CSS_SELECTOR, "main a") if a.text == t("poll.edit_link")],
             "the open poll still offers to change it")
    b.sign_out()

    # 2. A citizen sends the form empty, votes, changes the vote; another abstains. The results follow live.
    b.sign_in(voter["email"], voter["password"])
    b.visit(poll_path, step="voter-opens-poll")
    b.expect(len(b.driver.find_elements(By.CSS_SELECTOR, "main #vote-choices input, main #vote-choices select"))
             == len(options), f"the voting form does not offer the {len(options)} options")
    cast(b, [], t("poll.cast"), "voter-nothing")
    b.expect_status(422)
    errors = b.driver.find_elements(By.CSS_SELECTOR, "main #vote-choices-error")
    b.expect(errors and squash(errors[0].text) == squash(t("error.poll.no_choice")),
             f"the group's error reads {[squash(e.text) for e in errors]}, expected {t('error.poll.no_choice')!r}")
    expect_error_summary(b, {"vote-choices": squash(t("error.poll.no_choice"))})
    note_repeats(b)
    first_vote, final_vote = ([2, 1], [3, 1, 2]) if method == "schulze" else ([1, 2], [1, 3])
    cast(b, first_vote, t("poll.cast"), "voter-voted")
    expect_vote(b, first_vote, 1)
    b.expect_text("poll.turnout", 1, 0)
    cast(b, final_vote, t("poll.change_vote"), "voter-changed")
    expect_vote(b, final_vote, 2)
    b.expect_text("poll.turnout", 1, 0)
    b.sign_out()
    b.sign_in(other["email"], other["password"])
    b.visit(poll_path, step="other-opens-poll")
    b.submit(t("poll.abstain"), within=vote_form(b), step="other-abstains")
    b.expect_status(200)
    b.expect_text("poll.your_vote", t("poll.you_abstained"))
    b.expect_text("poll.turnout", 1, 1)
    results = rows(b, "main #results ~ .table-wrap tr[data-item]")
    b.expect(len(results) == len(options), f"the results list {len(results)} options")
    winners = {squash(r.get_attribute("data-item"))
               for r in b.driver.find_elements(By.CSS_SELECTOR, "main #results ~ .table-wrap tr.winner")}
    wanted_winners = {"3"} if method == "schulze" else {"1", "3"}
    b.expect(winners == wanted_winners, f"the winners are options {winners}, expected {wanted_winners}: {results}")
    b.sign_out()

    # 3. Anyone: the polls and the assemblies from the processes' page; the demo assembly and its motion's roll.
    b.visit("processes", step="processes")
    b.click_link(t("participation.all_polls"), within="main", step="all-polls")
    b.expect_path("polls")
    b.expect_h1("poll.list_title")
    b.expect(squash(question) in b.main_text(), "the list of polls does not list the new poll")
    b.visit("processes", step="processes-again")
    b.click_link(t("participation.all_assemblies"), within="main", step="assemblies")
    b.expect_path("assemblies")
    b.expect_h1("assembly.list_title")
    b.click_link(DEMO_ASSEMBLY, within="main", step="demo-assembly")
    b.expect(re.fullmatch(f"/{lang}/assemblies/[0-9A-Fa-f-]{{36}}", b.path), f"the assembly's address is {b.path}")
    assembly_path = b.path
    b.expect(b.h1() == DEMO_ASSEMBLY, f"the assembly's heading is {b.h1()!r}")
    b.expect_text("assembly.members_heading")
    table = members(b)
    name = {w: r[0] for w, r in table.items()}
    itself = unbidi(t("assembly.votes_itself"))
    chains = {w: r[2] for w, r in table.items()}
    wanted_chains = {"120": itself, "80": chain(name["80"], name["120"]), "45": itself, "30": itself}
    b.expect(chains == wanted_chains, f"the members' delegations read {chains}, expected {wanted_chains}")
    b.click_link(DEMO_MOTION, within="main", step="demo-motion")
    b.expect(b.h1() == DEMO_MOTION, f"the motion's heading is {b.h1()!r}")
    b.expect_text("poll.roll_heading")
    roll = {r[0]: r[1:] for r in rows(b, "main #roll + .table-wrap tbody tr")}
    wanted_roll = {name["120"]: ["120", "نعم", itself], name["45"]: ["45", "لا", itself],
                   name["80"]: ["80", "نعم", chain(name["80"], name["120"])],
                   name["30"]: ["30", unbidi(t("poll.roll.abstained")), itself]}
    b.expect(roll == wanted_roll, f"the roll reads {roll}, expected {wanted_roll}")

    # 4. The administrator makes a citizen a representative of the heaviest member, on its directory page.
    admin_sign_in(b)
    b.visit(f"organizations/{HEAVIEST}", step="heaviest-member")
    b.expect(b.h1() == name["120"], f"the member's page is headed {b.h1()!r}, expected {name['120']!r}")
    add = "main form[action$='/representatives']"
    b.fill({"email": second["email"], "role": "president"}, within=add)
    b.submit(t("representatives.add_submit"), within=add, step="representative-added")
    b.expect(second["name"] in b.main_text(), f"{second['name']!r} is not listed among the representatives")
    b.sign_out()

    # The representative: a delegation that closes a cycle is refused, another is given, the chains grow, it is
    # taken back.
    b.sign_in(second["email"], second["password"])
    b.visit(assembly_path, step="representative-assembly")
    b.expect_text("assembly.delegate_heading")
    form = "main form[action$='/delegations']"
    targets = {squash(o.text): o.get_attribute("value")
               for o in b.driver.find_elements(By.CSS_SELECTOR, "main select[name=to_organization_id] option")}
    b.expect(b.value("from_organization_id") and name["80"] in targets and name["45"] in targets,
             f"the delegation form offers {list(targets)}")
    b.fill({"to_organization_id": targets[name["80"]]}, within=form)
    b.submit(t("assembly.delegate"), within=form, step="delegation-cycle")
    b.expect_status(422)
    error = b.field_error("to_organization_id")
    cycle = squash(t("error.assembly.delegation_cycle", chain(name["120"], name["80"], name["120"])))
    b.expect(error.startswith(squash(t("error.assembly.delegation_cycle", "\x00").split("\x00")[0])),
             f"the delegation's error reads {error!r}, not the cycle's")
    if error != cycle:
        b.note(f"the cycle's error reads {error!r}, expected {cycle!r}")
    expect_error_summary(b, {"to_organization_id": error})
    note_repeats(b)
    b.fill({"to_organization_id": targets[name["45"]]}, within=form)
    b.submit(t("assembly.delegate"), within=form, step="delegated")
    b.expect_path(assembly_path)
    chains = {w: r[2] for w, r in members(b).items()}
    grown = {"120": chain(name["120"], name["45"]), "80": chain(name["80"], name["120"], name["45"]), "45": itself,
             "30": itself}
    b.expect(all(chains[w].startswith(c) for w, c in grown.items()), f"the delegations read {chains}, expected {grown}")
    b.click_link(DEMO_MOTION, within="main", step="motion-after-delegation")
    roll = {r[0]: r[1:] for r in rows(b, "main #roll + .table-wrap tbody tr")}
    b.expect(roll == wanted_roll, f"after the delegation the roll reads {roll}, expected it unchanged: the vote stops "
                                  f"at the first member who voted ({wanted_roll})")
    b.visit(assembly_path, step="representative-back")
    row = b.driver.find_elements(By.CSS_SELECTOR, "main #members + .table-wrap tbody tr")
    row = next(r for r in row if unbidi(r.find_element(By.TAG_NAME, "td").text) == "120")
    b.submit(t("assembly.revoke", name["120"]), within=row, step="delegation-revoked")
    b.expect_path(assembly_path)
    chains = {w: r[2] for w, r in members(b).items()}
    b.expect(chains == wanted_chains, f"after taking it back the delegations read {chains}, expected {wanted_chains}")
    b.sign_out()

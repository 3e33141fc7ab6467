"""Staff author an agreement (parties, objectives, a commitment) and a strategy on the site: the strategy, an axis,
an objective, an indicator with its baseline, yearly targets and how it is measured; they record a measurement, and
anyone sees the agreement and the measurement on the public pages."""
from __future__ import annotations

from selenium.webdriver.common.by import By

from harness import Browser, unbidi
from journeys import journey
from journeys.admin import admin_sign_in
from journeys.project import quarter_label


# The agreement's objectives, one a line, in the network's two languages.
OBJECTIVES = {"ar": ("تكوين 20 أمين مال", "نشر دليل التسيير المالي"),
              "fr": ("Former 20 trésoriers", "Publier un guide de gestion financière")}


@journey("strategy", order=70)
def strategy(b: Browser) -> None:
    t, lang = b.t, b.lang
    suffix = b.suite.run_id[-4:] + "-" + lang
    title_fr = f"Plan du réseau {suffix}"
    title_ar = f"مخطط الشبكة {suffix}"

    # The administrator writes a convention between the network and an association, with two objectives.
    admin_sign_in(b)
    b.visit("agreements", step="agreements")
    b.click_link(t("agreements.new"), within="main", step="agreement-form")
    b.expect_h1("agreements.new")
    boxes = b.driver.find_elements(By.CSS_SELECTOR, "main input[name='parties[]']")
    chosen = [box.get_attribute("value") for box in boxes[:2]]
    agreement_title = f"Convention de formation {suffix}"
    b.fill({"kind": "convention", "title[fr]": agreement_title, "title[ar]": f"اتفاقية تكوين {suffix}",
            "summary[ar]": "تكوين أمناء مال الجمعيات ونشر دليل للتسيير المالي.",
            "summary[fr]": "Former les trésoriers des associations et publier un guide de gestion.",
            "parties[]": chosen, "starts_on": "2026-01-01", "ends_on": "2027-12-31",
            **{f"objectives[{code}]": "\n".join(lines) for code, lines in OBJECTIVES.items()}})
    b.submit(t("agreements.create"), within="main", step="agreement-created")
    b.expect("/agreements/" in b.path and b.status == 200, f"creating the agreement led to {b.path}: {b.messages()}")
    agreement_path = b.path.split("?")[0]
    # Shown in the page's language, or in the author's first language (Arabic) when not written in it.
    objective = OBJECTIVES.get(lang, OBJECTIVES["ar"])[-1]
    b.expect(objective in b.main_text(), f"the agreement's objectives are not shown ({objective!r})")
    b.driver.find_element(By.XPATH, f"//main//summary[normalize-space()='{t('agreements.add_commitment')}']").click()
    commitment_form = "main form[action$='/commitments']"
    owner = [o.get_attribute("value") for o in b.driver.find_elements(By.CSS_SELECTOR, "#owner_id option")
             if o.get_attribute("value")][0]
    b.fill({"owner_id": owner, "description[ar]": "نشر الدليل على المنصة", "description[fr]": "Publier le guide",
            "due_on": "2026-09-30"}, within=commitment_form)
    b.submit(t("agreements.add_commitment"), within=commitment_form, step="commitment-added")
    b.expect_text("workflow.commitment.state.planned")

    # The strategies: a new one.
    b.visit("strategies", step="strategies")
    b.click_link(t("strategy.new"), within="main", step="strategy-form")
    b.expect_h1("strategy.new")
    owner = [o.get_attribute("value") for o in b.driver.find_elements(By.CSS_SELECTOR, "#owner option")
             if o.get_attribute("value")][0]
    b.fill({"title[ar]": title_ar, "title[fr]": title_fr, "owner": owner, "start_year": "2026", "end_year": "2028"})
    b.submit(t("strategy.create"), within="main", step="strategy-created")
    b.expect(b.path.endswith("/structure"), f"creating the strategy led to {b.path}: {b.messages()}")
    structure = b.path
    base = structure[: -len("/structure")]

    # An axis, then an objective under it.
    b.fill({"code": "A1", "title[ar]": "تقوية قدرات الجمعيات", "title[fr]": "Renforcer les associations"},
           within="main form[action$='/axes']")
    b.submit(t("strategy.add_axis"), within="main form[action$='/axes']", step="axis-added")
    b.expect_path(structure)
    b.driver.find_element(By.XPATH, f"//main//summary[normalize-space()='{t('strategy.add_objective')}']").click()
    objective_form = "main form[action$='/objectives']"
    b.fill({"code": "O1.1", "title[ar]": "تكوين الجمعيات في التسيير", "title[fr]": "Former les associations à la gestion"},
           within=objective_form)
    b.submit(t("strategy.add_objective"), within=objective_form, step="objective-added")

    # The indicator: name, unit, how it is measured, baseline, a target per year.
    b.click_link(t("strategy.add_indicator"), within="main", step="indicator-form")
    code = "PR-" + b.suite.run_id[-4:] + lang.upper()
    b.fill({"code": code, "name[ar]": "عدد الجمعيات المكوَّنة", "name[fr]": "Associations formées",
            "unit[ar]": "جمعية", "unit[fr]": "associations", "method[ar]": "أوراق حضور الدورات، كل ثلاثة أشهر",
            "method[fr]": "Feuilles de présence des formations, chaque trimestre", "baseline": "0",
            "baseline_year": "2025", "direction": "increase", "aggregation": "sum", "disaggregations[]": ["sex"],
            "targets[2026]": "20", "targets[2027]": "40", "targets[2028]": "60"})
    b.submit(t("strategy.save_indicator"), within="main", step="indicator-saved")
    b.expect("/indicators/" in b.path, f"saving the indicator led to {b.path}: {b.messages()}")
    b.expect(t("strategy.field.method") in b.main_text(), "the indicator page does not say how it is measured")
    indicator_path = b.path

    # A measurement for the first quarter, broken down by sex.
    b.fill({"period": "2026-Q1", "value": "12", "breakdown[sex][f]": "7", "breakdown[sex][m]": "5",
            "source": "أوراق الحضور"})
    b.submit(t("strategy.record"), within="main", step="measured")
    b.expect(b.path.startswith(indicator_path), f"recording led to {b.path}")
    b.expect(quarter_label(b, "2026-Q1") in unbidi(b.main_text()),
             f"the measurement of {quarter_label(b, '2026-Q1')!r} is not listed")
    b.visit(structure, step="structure-history")
    b.expect_text("workflow.strategy.action.add_indicator")
    b.sign_out()

    # Anyone sees the agreement and the measurement on the public pages.
    b.visit(agreement_path, step="public-agreement")
    b.expect_status(200)
    b.expect(agreement_title in b.main_text() or f"اتفاقية تكوين {suffix}" in b.main_text(), "the agreement is not public")
    b.visit(base + "?year=2026", step="public-dashboard")
    b.expect_status(200)
    rows = [r for r in b.driver.find_elements(By.CSS_SELECTOR, "main table tbody tr") if code in r.text]
    b.expect(rows, f"the dashboard has no row for {code}")
    b.expect("12" in rows[0].text and "20" in rows[0].text, f"the row reads {rows[0].text!r}, expected 12 of 20")

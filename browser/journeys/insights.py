"""A journalist reads the network's dashboard on a phone: the key figures, each chart with its table; narrows it
to one domain with the filters (the address keeps them, the charts follow, figures without a domain are said to be
left out), then to one wilaya and a year; a year that names nothing is refused on the page, in the reader's
language; the same figures come as JSON from the link on the page; the latest annual report and its CSV; the
API's description from the footer."""
from __future__ import annotations

import json
import urllib.request

from selenium.webdriver.common.by import By

from harness import Browser
from journeys import journey


def figures(b: Browser) -> dict[str, str]:
    return {item.find_element(By.CSS_SELECTOR, ".figure-label").text.strip():
            item.find_element(By.CSS_SELECTOR, ".figure").text.strip()
            for item in b.driver.find_elements(By.CSS_SELECTOR, "main ul.figures > li")}


@journey("insights", order=80)
def insights(b: Browser) -> None:
    t = b.t

    # 1. The whole network: key figures, a chart and a table for each figure.
    b.visit("dashboard", step="dashboard")
    b.expect_h1("insights.title")
    whole = figures(b)
    members = whole.get(t("insights.figure.members"), "")
    b.expect(members not in ("", "0", "—"), f"the key figures read {whole}")
    charts = b.driver.find_elements(By.CSS_SELECTOR, "main figure.chart svg[role=img]")
    tables = b.driver.find_elements(By.CSS_SELECTOR, "main .dashboard-section table")
    b.expect(len(charts) >= 8 and len(charts) == len(tables), f"{len(charts)} charts and {len(tables)} tables")
    b.expect(all(c.get_attribute("aria-label") for c in charts), "a chart without its text alternative")

    # 2. One domain: the address keeps it, survey answers and voters are left out (said so), figures change.
    b.fill({"domain": "sse.agriculture"}, within="main form.filters")
    b.submit(t("insights.show"), within="main form.filters", step="by-domain")
    b.expect("domain=sse.agriculture" in b.path, f"the address is {b.path}")
    b.expect_text("insights.no_domain_note")
    narrowed = figures(b)
    b.expect(narrowed.get(t("insights.figure.survey_answers")) == "—", f"the key figures read {narrowed}")
    b.expect(narrowed != whole, "the figures did not follow the domain")

    # 3. One wilaya and a year, every filter in the address.
    b.fill({"domain": "", "wilaya": "16", "year": b.driver.find_elements(
        By.CSS_SELECTOR, "select#year option[value]:not([value=''])")[0].get_attribute("value")},
        within="main form.filters")
    b.submit(t("insights.show"), within="main form.filters", step="by-wilaya-year")
    b.expect("wilaya=16" in b.path and "year=" in b.path, f"the address is {b.path}")
    b.expect_h1("insights.title")

    # 4. A year that names nothing: refused on a page in the reader's language, not a server error.
    b.visit("dashboard?year=1800", step="wrong-year")
    b.expect_status(422)

    # 5. The same figures as JSON, from the page's link.
    b.visit("dashboard", step="dashboard-again")
    link = b.driver.find_element(By.LINK_TEXT, t("insights.api_link")).get_attribute("href")
    with urllib.request.urlopen(link) as response:
        data = json.load(response)
    total = next(f["total"] for f in data["figures"] if f["key"] == "members")
    b.expect(int(total) > 0, f"the API gives {total} members")

    # 6. The annual reports: the list of years, the latest year's report with its CSV link.
    b.click_link(t("insights.reports_link"), within="main", step="annual-reports")
    b.expect_h1("insights.reports_title")
    first = b.driver.find_elements(By.CSS_SELECTOR, "main ul li a")[0]
    year = first.text.strip().split()[-1]
    b.click_link(first.text, within="main", step="annual-report")
    b.expect_h1("insights.report_title", year)
    csv_link = b.driver.find_element(By.LINK_TEXT, t("insights.report_csv")).get_attribute("href")
    with urllib.request.urlopen(csv_link) as response:
        lines = response.read().decode("utf-8").splitlines()
    b.expect(lines[0] == "year,figure,figure_label,breakdown,key,label,value" and len(lines) > 10,
             f"the CSV has {len(lines)} lines")

    # 7. The API's description, from the footer: every operation listed, then one room's operations in detail.
    b.click_link(t("apidocs.title"), within="footer", step="api-docs")
    b.expect_h1("apidocs.title")
    listed = b.driver.find_elements(By.CSS_SELECTOR, "main section li a code")
    b.expect(len(listed) > 150, f"{len(listed)} operations listed")
    b.click_link("Insights", within="main nav", step="api-docs-insights")
    b.expect("GET /api/v1/insights/dashboard" in b.main_text(), "the dashboard's operation is not described")

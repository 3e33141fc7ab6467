"""The administrator signs in with the one-time password, grants a role to the person of the account
journey, and that person sees the role after signing in again."""
from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

from harness import Browser, Catalog, Failure, Skip, squash
from journeys import journey

ROLE = "reviewer"


def admin_sign_in(b: Browser) -> None:
    """Sign in as the administrator and do what the page asks (a new password, if it asks for one)."""
    server = b.server
    shared = b.suite.state.setdefault("_admin", {"sign_ins": 0, "changed": False})
    # create-admin makes an account whose preferred language is Arabic; signing in goes to the account
    # page in that language, whichever language the sign-in form was in.
    b.sign_in(server.admin_email, server.admin_password, lands_in="ar")
    if b.lang != "ar":
        b.note(f"signing in from /{b.lang}/sign-in lands on /ar/account: the account page follows the person's "
               "preferred language, Arabic for `create-admin` (which has no option to choose it)")
    shared["sign_ins"] += 1
    asks = b.driver.find_elements(By.CSS_SELECTOR, "main input[autocomplete='new-password']")
    if asks:
        new_password = "Admin-" + b.suite.run_id + "-" + b.lang
        form = asks[0].find_element(By.XPATH, "./ancestor::form")
        fields = {a.get_attribute("name"): new_password for a in asks}
        for current in form.find_elements(By.CSS_SELECTOR, "input[autocomplete='current-password']"):
            fields[current.get_attribute("name")] = server.admin_password
        b.fill(fields, within=form)
        button = form.find_element(By.CSS_SELECTOR, "button[type=submit], input[type=submit]")
        b.submit(f"css=#{button.get_attribute('id')}" if button.get_attribute("id") else squash(button.text),
                 within=form, step="admin-new-password", lang="ar")
        server.admin_password = new_password
        shared["changed"] = True
    elif shared["sign_ins"] == 1:
        b.note("the one-time password of `create-admin` signs in without being asked to change it "
               "(its help says it is to be changed at first sign-in)")
    elif not shared["changed"]:
        b.note(f"the one-time password of `create-admin` signed in again (sign-in number {shared['sign_ins']}): "
               "it is not one-time")
    b.expect_path("/ar/account")
    b.expect(Catalog("ar")("role.admin") in b.main_text(), "the account page does not list the admin role")


def find_user_row(b: Browser, address: str) -> WebElement:
    """The row of ``address`` on the people page, following "next" pages."""
    for _ in range(100):
        for row in b.driver.find_elements(By.CSS_SELECTOR, "main table tbody tr"):
            cells = row.find_elements(By.TAG_NAME, "td")
            if len(cells) > 1 and squash(cells[1].text) == address:
                return row
        following = b.driver.find_elements(By.CSS_SELECTOR, "main nav.pagination a[rel=next]")
        if not following:
            raise Failure(f"{address} is not on any page of the people list (last: {b.path})")
        b.click_link(squash(following[0].text), within="main nav.pagination", step="users-next-page")
    raise Failure(f"{address} not found on 100 pages of the people list")


def roles_of(row: WebElement) -> list[str]:
    return [squash(li.text) for li in row.find_elements(By.CSS_SELECTOR, "td:nth-child(3) li")]


@journey("admin", order=20, needs=("account",))
def admin(b: Browser) -> None:
    t, lang = b.t, b.lang
    if "user" not in b.state:
        raise Skip("the account journey left no signed-up person")
    person = b.state["user"]

    admin_sign_in(b)
    if lang != "ar":
        # Back to this journey's language with the site's language switcher.
        b.click_link(t("language.name"), within=".language-switcher", step="account-in-" + lang)
        b.expect_path("account")
        b.expect_h1("account.title")

    # Administration (what waits, and the tools) → people and roles, found by a search.
    b.click_link(t("nav.admin"), within=".site-nav", step="admin-home")
    b.expect_path("admin")
    b.expect_h1("admin.home.title")
    b.click_link(t("admin.users.title"), within="main", step="admin-users")
    b.expect_path("admin/users")
    b.expect_h1("admin.users.title")

    b.fill({"q": person["email"]}, within="main form[role=search]")
    b.submit(t("admin.users.filter"), within="main form[role=search]", step="users-searched")
    b.expect_text("admin.users.count", 1)
    row = find_user_row(b, person["email"])
    before = roles_of(row)
    b.expect(t("role.citizen") in before and t(f"role.{ROLE}") not in before,
             f"{person['email']} starts with roles {before}, expected {t('role.citizen')!r} only")
    b.fill({"role": ROLE}, within=row)
    b.submit(t("admin.users.grant"), within=row, step="role-granted")
    b.expect_path("admin/users?changed=1")
    b.expect_message("admin.users.changed")
    row = find_user_row(b, person["email"])
    after = roles_of(row)
    b.expect(sorted(after) == sorted([t("role.citizen"), t(f"role.{ROLE}")]),
             f"after granting, the row lists {after}, expected {t('role.citizen')!r} and {t(f'role.{ROLE}')!r}")
    b.sign_out()

    # The person signs in again and sees the new role.
    b.sign_in(person["email"], person["password"])
    b.expect_path("account")
    b.expect_h1("account.title")
    roles = [squash(li.text) for li in b.driver.find_elements(By.CSS_SELECTOR, "main dl dd ul li")]
    b.expect(t(f"role.{ROLE}") in roles and t("role.citizen") in roles,
             f"the account page lists roles {roles}, expected {t(f'role.{ROLE}')!r} and {t('role.citizen')!r}")
    b.sign_out()

"""The web workspace in a real browser: Debian's Chromium driven by Playwright's Python package
(never `playwright install`: the browser comes from apt, .ci/run installs it). A course manager's
whole round: create a course from the template, solve it, open the grid, move a session to a
suggested place, lock it, mark a physiotherapist unavailable from day 3 and accept the re-plan,
download the workbook. A screenshot of each step goes to outputs/browser/."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from werkzeug.serving import make_server

from scheduler.services.solving import SolveOptions
from scheduler.services.suggest import SuggestOptions
from scheduler.web.app import WebSettings, create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = Path(__file__).resolve().parent.parent / "outputs" / "browser"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright's Python package")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="no chromium on this machine (apt-get install chromium; .ci/run does it)",
    ),
]


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    settings = WebSettings(
        solve=SolveOptions(time_limit=3.0, deterministic=True),
        replan=SolveOptions(time_limit=5.0, deterministic=True),
        suggest=SuggestOptions(count=5, time_limit=3.0),
    )
    app = create_app(tmp_path, settings=settings)
    http = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{http.server_port}", tmp_path
    finally:
        http.shutdown()
        app.extensions["kurssi"]["jobs"].wait("kevat", 120)


def test_a_course_managers_round_in_the_browser(server: tuple[str, Path]) -> None:
    base, folder = server
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000}, accept_downloads=True)
        page.set_default_timeout(120_000)

        def shot(name: str) -> None:
            page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

        # 1. A new course from the standard's template.
        page.goto(base + "/")
        page.fill("#new-course input[name=name]", "kevat")
        page.click("#new-course button")
        page.wait_for_url("**/c/kevat")
        assert (folder / "kevat.yaml").exists()
        shot("01-new-course")

        # 2. Solve it: the progress shows, then the page offers the new version.
        page.fill("input[name=time_limit]", "3")
        page.click("#solve-button")
        page.wait_for_selector("#progress:not([hidden])")
        shot("02-solving")
        page.wait_for_selector("a.version-link", timeout=180_000)
        shot("03-solved")

        # 3. The week grid.
        page.click("a.version-link")
        page.wait_for_selector(".week .block")
        shot("04-grid")

        # 4. Move a gym session to a suggested place.
        gym = page.locator('.block[data-session^="gym-"]').first
        session_id = gym.get_attribute("data-session")
        assert session_id
        gym.click()
        page.click("#suggest-button")
        page.wait_for_selector("#suggestion-list li")
        shot("05-suggestions")
        page.locator(".accept-suggestion").first.click()
        page.wait_for_url("**/kevat-v002")

        # 5. Lock it (the time only).
        page.click(f'.block[data-session="{session_id}"]')
        page.click('.lock-button[data-scope="time"]')
        page.wait_for_url("**/kevat-v003")
        assert "🔒" in page.inner_text(f'.block[data-session="{session_id}"]')
        shot("06-locked")

        # 6. A physiotherapist falls ill from day 3: propose, then accept the re-plan.
        page.select_option("#replan-kind", "unavailable")
        staff = page.locator("#replan-staff option").all()
        physio = next(o.get_attribute("value") for o in staff if o.get_attribute("value") == "pt2")
        page.select_option("#replan-staff", physio)
        day3 = page.eval_on_selector("#move-date", "s => s.options[2].value")
        page.fill("#replan-from", f"{day3}T08:00")
        page.click("#replan-button")
        page.wait_for_selector("#accept-replan")
        shot("07-replan-proposal")
        page.click("#accept-replan")
        page.wait_for_url("**/kevat-v004")
        shot("08-replanned")

        # 7. Download the workbook and read it.
        with page.expect_download() as download:
            page.click("#download-xlsx")
        saved = folder / "downloaded.xlsx"
        download.value.save_as(saved)
        browser.close()
    book = openpyxl.load_workbook(saved)
    assert len(book.sheetnames) >= 4
    text = " ".join(
        str(cell.value) for row in book.worksheets[0].iter_rows() for cell in row if cell.value
    )
    assert "Kuntosaliharjoittelu" in text

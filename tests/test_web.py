"""The web workspace (`kurssi serve`) through Flask's test client: every route, the security
model (loopback or a password, CSRF on every POST), one solve per course at a time, uploads that
fail with a located message and never a traceback. Solver time is kept small: the timetables
come from the saved fixture; the one solve runs with a short deterministic limit."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from models.timetable import Timetable
from scheduler.cli import main
from scheduler.io.data import DEFAULT_COURSE
from scheduler.io.timetables import load_timetable
from scheduler.services.moves import set_lock
from scheduler.services.solving import SolveOptions
from scheduler.services.suggest import SuggestOptions
from scheduler.web.app import WebSettings, create_app
from scheduler.web.security import PasswordNeeded, require_password_for

FIXTURES = Path(__file__).parent / "fixtures"

FAST = WebSettings(
    solve=SolveOptions(time_limit=3.0, deterministic=True),
    replan=SolveOptions(time_limit=3.0, deterministic=True),
    suggest=SuggestOptions(count=3, time_limit=2.0),
)


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    """A folder with the default course and the saved timetable as its first version."""
    shutil.copy(DEFAULT_COURSE, tmp_path / "default.yaml")
    folder = tmp_path / "timetables" / "default"
    folder.mkdir(parents=True)
    shutil.copy(FIXTURES / "default-timetable.json", folder / "default-v001.json")
    return tmp_path


@pytest.fixture()
def app(workspace: Path) -> Flask:
    return create_app(workspace, settings=FAST, secret_key="test")


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def token(client: FlaskClient, path: str = "/") -> str:
    page = client.get(path).get_data(as_text=True)
    found = re.search(r'name="csrf-token" content="([^"]+)"', page)
    assert found, page[:500]
    return found.group(1)


def post(client: FlaskClient, path: str, **form: object) -> object:
    return client.post(path, data={"csrf": token(client), **form})


def post_json(client: FlaskClient, path: str, body: dict[str, object] | None = None) -> object:
    return client.post(path, json=body or {}, headers={"X-CSRF-Token": token(client)})


# -- security --------------------------------------------------------------------------------


def test_a_host_other_than_loopback_needs_a_password() -> None:
    with pytest.raises(PasswordNeeded):
        require_password_for("0.0.0.0", None)
    require_password_for("0.0.0.0", "secret")  # with one it may start
    require_password_for("127.0.0.1", None)
    require_password_for("::1", None)


def test_serve_refuses_to_start_on_an_open_host_without_a_password(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KURSSI_PASSWORD", raising=False)
    result = CliRunner().invoke(main, ["serve", str(workspace), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "KURSSI_PASSWORD" in result.output


def test_with_a_password_every_page_asks_to_sign_in(workspace: Path) -> None:
    app = create_app(workspace, host="0.0.0.0", password="salasana", settings=FAST)
    client = app.test_client()
    assert client.get("/").status_code == 302
    assert client.get("/c/default/progress.json").status_code == 401
    login = token(client, "/login")
    wrong = client.post("/login", data={"csrf": login, "password": "väärä"})
    assert wrong.status_code == 401
    right = client.post("/login", data={"csrf": login, "password": "salasana"})
    assert right.status_code == 302
    assert client.get("/").status_code == 200
    assert "salasana" not in right.headers.get("Location", "")


def test_a_post_without_the_csrf_token_is_rejected(client: FlaskClient, workspace: Path) -> None:
    token(client)  # a session exists, but the form does not carry its token
    response = client.post("/courses/new", data={"name": "uusi"})
    assert response.status_code == 400
    assert not (workspace / "uusi.yaml").exists()
    wrong = client.post("/courses/new", data={"name": "uusi", "csrf": "guess"})
    assert wrong.status_code == 400
    assert client.post("/c/default/solve", json={}).status_code == 400


def test_loopback_pages_answer_only_to_loopback_names(client: FlaskClient) -> None:
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "127.0.0.1:8765"}).status_code == 200


# -- courses ---------------------------------------------------------------------------------


def test_index_lists_courses_and_their_newest_timetable(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    assert "default" in page and "default-v001" in page
    assert "Kurssit" in page  # Finnish by default
    post(client, "/lang", lang="en", next="/")
    assert "Courses" in client.get("/").get_data(as_text=True)


def test_new_course_from_the_template(client: FlaskClient, workspace: Path) -> None:
    response = post(client, "/courses/new", name="syksy", first_day="2027-09-06")
    assert response.status_code == 302
    assert (workspace / "syksy.yaml").exists()
    assert "2027-09-06" in (workspace / "syksy.yaml").read_text(encoding="utf-8")
    again = post(client, "/courses/new", name="syksy")
    assert again.status_code == 400
    assert "../x" not in [p.name for p in workspace.iterdir()]
    bad = post(client, "/courses/new", name="../x")
    assert bad.status_code == 400


def test_course_page_and_form_download(client: FlaskClient) -> None:
    page = client.get("/c/default").get_data(as_text=True)
    assert "default-v001" in page and "Laadi" in page
    form = client.get("/c/default/form.xlsx")
    assert form.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(form.data))
    assert len(book.sheetnames) >= 3
    assert client.get("/c/nothing").status_code == 400


def test_an_excel_form_uploads_and_a_malformed_one_is_located(
    client: FlaskClient, workspace: Path
) -> None:
    form = client.get("/c/default/form.xlsx").data
    good = client.post(
        "/courses/upload",
        data={"csrf": token(client), "file": (io.BytesIO(form), "kevät lomake.xlsx")},
        content_type="multipart/form-data",
    )
    assert good.status_code == 302
    assert any(p.suffix == ".xlsx" for p in workspace.iterdir())
    book = openpyxl.load_workbook(io.BytesIO(form))
    book["Tilat"]["D3"] = "paljon"  # the gym's capacity: not a number
    broken = io.BytesIO()
    book.save(broken)
    response = client.post(
        "/courses/upload",
        data={"csrf": token(client), "file": (io.BytesIO(broken.getvalue()), "rikki.xlsx")},
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "rikki.xlsx" in page and "D3" in page
    assert "Traceback" not in page
    garbage = client.post(
        "/courses/upload",
        data={"csrf": token(client), "file": (io.BytesIO(b"not a workbook"), "roska.xlsx")},
        content_type="multipart/form-data",
    )
    assert garbage.status_code == 400
    assert "Traceback" not in garbage.get_data(as_text=True)
    assert not (workspace / "rikki.xlsx").exists() and not (workspace / "roska.xlsx").exists()


def test_edit_shows_validation_beside_the_field_and_saves_valid_data(
    client: FlaskClient, workspace: Path
) -> None:
    page = client.get("/c/default/edit").get_data(as_text=True)
    assert 'name="staff-0-avail"' in page
    fields = dict(re.findall(r'<input name="([^"]+)" value="([^"]*)"', page))
    checked = re.findall(r'name="(staff-\d+-avail)" value="([^"]+)" checked', page)
    form: dict[str, object] = {k: v for k, v in fields.items()}
    for key in ("staff-count", "part-count", "room-count", "prog-count"):
        form[key] = re.search(rf'name="{key}" value="(\d+)"', page).group(1)  # type: ignore[union-attr]
    avail: dict[str, list[str]] = {}
    for name, value in checked:
        avail.setdefault(name, []).append(value)
    form.update(avail)
    for n in range(20):
        found = re.search(rf'name="prog-{n}-kind">.*?<option selected>(\w+)<', page)
        if found:
            form[f"prog-{n}-kind"] = found.group(1)
    form["room-0-capacity"] = "lots"
    form["csrf"] = token(client)
    response = client.post("/c/default/edit", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    error = re.search(r'name="room-0-capacity"[^>]*>\s*<div class="field-error">([^<]+)<', page)
    assert error, "the capacity's message stands beside the capacity field"
    form["room-0-capacity"] = "14"
    form["csrf"] = token(client)
    assert client.post("/c/default/edit", data=form).status_code == 200
    assert "capacity: 14" in (workspace / "default.yaml").read_text(encoding="utf-8")


# -- solving ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_one_solve_per_course_at_a_time_and_the_result_is_a_new_version(
    app: Flask, client: FlaskClient, workspace: Path
) -> None:
    # A session locked in the newest version keeps its place (and lock) in the new solve.
    saved = _saved()
    gym = next(s for s in saved.sessions if s.spec == "gym")
    locked = set_lock(saved, gym.id, "all")
    (workspace / "timetables" / "default" / "default-v001.json").write_text(
        locked.to_json(), encoding="utf-8"
    )
    first = post_json(client, "/c/default/solve", {"time_limit": 3})
    second = post_json(client, "/c/default/solve", {"time_limit": 3})
    assert first.status_code == 202  # type: ignore[attr-defined]
    assert second.status_code == 409  # type: ignore[attr-defined]
    assert second.get_json()["started"] is False  # type: ignore[attr-defined]
    progress = client.get("/c/default/progress.json").get_json()
    assert progress["state"] == "running" and progress["limit"] == 3
    job = app.extensions["kurssi"]["jobs"].wait("default", 120)
    assert job.state == "done", job.messages
    assert job.points, "the penalty was reported as it fell"
    assert (workspace / "timetables" / "default" / "default-v002.json").exists()
    assert (workspace / "timetables" / "default" / "default-v002.xlsx").exists()
    assert client.get("/c/default/progress.json").get_json()["version"] == "default-v002"
    new = load_timetable(workspace / "timetables" / "default" / "default-v002.json")
    kept = next(s for s in new.sessions if s.id == gym.id)
    assert kept.locked and (kept.date, kept.start, kept.staff, kept.room) == (
        gym.date, gym.start, gym.staff, gym.room
    )  # fmt: skip


def test_stop_without_a_running_solve_says_so(client: FlaskClient) -> None:
    assert post_json(client, "/c/default/stop").get_json() == {"stopping": False}  # type: ignore[attr-defined]
    assert client.get("/c/default/progress.json").get_json() == {"state": "idle"}


# -- one timetable ---------------------------------------------------------------------------


def test_timetable_page_shows_grid_report_hours_and_filter(client: FlaskClient) -> None:
    page = client.get("/c/default/v/default-v001").get_data(as_text=True)
    saved = load_timetable(FIXTURES / "default-timetable.json")
    assert page.count('class="block') >= len(saved.sessions)
    assert "R30" in page and "Kuntosaliharjoittelu" in page
    assert "background: #" in page  # the workbook's fills
    # Each person's row adds up their own group and individual hours (not the course's).
    hours = page[page.index('class="list hours"') :]
    rows = re.findall(
        r"<tr[^>]*><td>([^<]+)</td><td>([\d.]+)</td><td>([\d.]+)</td><td>([\d.]+)</td>", hours
    )
    assert len(rows) == len(saved.staff)
    for name, group, individual, total in rows:
        assert float(total) == pytest.approx(float(group) + float(individual), abs=0.11), name
    filtered = client.get("/c/default/v/default-v001?who=staff:reum").get_data(as_text=True)
    assert filtered.count("block dim") > 0


@pytest.mark.parametrize("kind", ["json", "xlsx", "ics"])
def test_downloads(client: FlaskClient, workspace: Path, kind: str) -> None:
    if kind == "xlsx":  # the fixture has no workbook: a lock writes a version that has one
        saved = load_timetable(FIXTURES / "default-timetable.json")
        post_json(
            client, f"/c/default/v/default-v001/lock/{saved.sessions[0].id}", {"scope": "time"}
        )
        version = "default-v002"
    else:
        version = "default-v001"
    response = client.get(f"/c/default/v/{version}/download/{kind}")
    assert response.status_code == 200 and response.data
    assert client.get("/c/default/v/default-v001/download/pdf").status_code == 404


def _saved() -> Timetable:
    return load_timetable(FIXTURES / "default-timetable.json")


def test_a_manual_move_shows_the_rules_it_breaks(client: FlaskClient) -> None:
    saved = _saved()
    lecture = next(s for s in saved.sessions if s.spec == "medication")
    clash = next(s for s in saved.sessions if s.date == lecture.date and s.id != lecture.id)
    bad = post_json(
        client,
        f"/c/default/v/default-v001/check-move/{lecture.id}",
        {"date": saved.days[0].isoformat(), "start": lecture.start},
    ).get_json()  # type: ignore[attr-defined]
    assert bad["passed"] is False
    assert any(f["rule"] for f in bad["failures"])
    refused = post_json(
        client,
        f"/c/default/v/default-v001/move/{lecture.id}",
        {"date": saved.days[0].isoformat(), "start": lecture.start},
    )
    assert refused.status_code == 409  # type: ignore[attr-defined]
    assert clash.id


def test_suggest_then_accept_writes_a_version_that_passes(
    client: FlaskClient, workspace: Path
) -> None:
    saved = _saved()
    gym = next(s for s in saved.sessions if s.spec == "gym")
    found = post_json(client, f"/c/default/v/default-v001/suggest/{gym.id}").get_json()  # type: ignore[attr-defined]
    assert found["suggestions"], "the gym has other places"
    accepted = post_json(
        client, "/c/default/v/default-v001/accept", {"key": found["suggestions"][0]["key"]}
    ).get_json()  # type: ignore[attr-defined]
    assert accepted["version"] == "default-v002"
    new = load_timetable(workspace / "timetables" / "default" / "default-v002.json")
    assert new.previous == "default-v001.json"
    moved = next(s for s in new.sessions if s.id == gym.id)
    assert (moved.date, moved.start, moved.staff) != (gym.date, gym.start, gym.staff)
    stale = post_json(client, "/c/default/v/default-v001/accept", {"key": "forgotten"})
    assert stale.status_code == 400  # type: ignore[attr-defined]


def test_lock_and_unlock_write_versions(client: FlaskClient, workspace: Path) -> None:
    saved = _saved()
    small = next(s for s in saved.sessions if s.small_group == "A")
    post_json(client, f"/c/default/v/default-v001/lock/{small.id}", {"scope": "time"})
    locked = load_timetable(workspace / "timetables" / "default" / "default-v002.json")
    halves = [s for s in locked.sessions if s.id[:-1] == small.id[:-1] and s.small_group]
    assert halves and all(s.locked and s.lock_scope == "time" for s in halves)
    post_json(client, f"/c/default/v/default-v002/lock/{small.id}", {"scope": "none"})
    unlocked = load_timetable(workspace / "timetables" / "default" / "default-v003.json")
    assert not any(s.locked for s in unlocked.sessions)


@pytest.mark.slow
def test_replan_from_the_page_proposes_then_writes(client: FlaskClient, workspace: Path) -> None:
    saved = _saved()
    wednesday = saved.days[2].isoformat()
    proposal = post(
        client, "/c/default/v/default-v001/replan", kind="unavailable", staff="pt2",
        **{"from": f"{wednesday}T08:00", "to": ""},
    )  # fmt: skip
    page = proposal.get_data(as_text=True)  # type: ignore[attr-defined]
    assert proposal.status_code == 200, page  # type: ignore[attr-defined]
    key = re.search(r'name="key" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    done = post(client, "/c/default/v/default-v001/replan/accept", key=key)
    assert done.status_code == 302  # type: ignore[attr-defined]
    new = load_timetable(workspace / "timetables" / "default" / "default-v002.json")
    assert not any("pt2" in s.staff for s in new.sessions if s.date.isoformat() >= wednesday)
    compare = client.get("/c/default/compare?a=default-v001&b=default-v002").get_data(as_text=True)
    assert "Laura Nieminen on estynyt ke 10.3. klo 08:00 alkaen." in page
    # The change lists speak words: Laura Nieminen (pt2) by name, days as 'ke 10.3.'.
    for words in (page, compare):
        table = words[words.index('class="list changes"') :]
        table = table[: table.index("</table>")]
        assert "Laura Nieminen" in table
        assert re.search(r"\b(ma|ti|ke|to|pe|la) \d{1,2}\.\d{1,2}\.", table)
        assert not re.search(r"\d{4}-\d{2}-\d{2}", table), table
        assert not re.search(r"\bpt2\b", table), table


def test_replan_with_an_unknown_person_is_a_located_message(client: FlaskClient) -> None:
    response = post(
        client, "/c/default/v/default-v001/replan", kind="replace", staff="nobody", stand_in="x"
    )
    page = response.get_data(as_text=True)  # type: ignore[attr-defined]
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "nobody" in page and "Traceback" not in page


def test_compare_needs_versions(client: FlaskClient) -> None:
    page = client.get("/c/default/compare").get_data(as_text=True)
    assert "default-v001" in page


def test_suggest_on_the_command_line(tmp_path: Path) -> None:
    path = FIXTURES / "default-timetable.json"
    gym = next(s for s in _saved().sessions if s.spec == "gym")
    result = CliRunner().invoke(main, ["suggest", str(path), gym.id, "--count", "2"])
    assert result.exit_code == 0, result.output
    assert re.search(r"^ 1\. ", result.output, re.MULTILINE)
    missing = CliRunner().invoke(main, ["suggest", str(path), "no-such-session"])
    assert missing.exit_code == 2

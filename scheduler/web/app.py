"""`kurssi serve`: the course manager's workspace in the browser (Flask, server-rendered pages
and a little hand-written JavaScript; every asset is in this package, nothing from the net).

Every change writes a new version of the course's timetable beside the old ones; the library's
services do the work (solving, replanning, suggest, moves), the checker judges every timetable.
"""

from __future__ import annotations

import io
import logging
import secrets
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from flask import (
    Flask,
    abort,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    session,
    url_for,
)
from werkzeug.exceptions import HTTPException

from models.standard import Standard
from models.timetable import Timetable
from scheduler.check import check
from scheduler.errors import Infeasible, InputError
from scheduler.export import export_timetable
from scheduler.io.excel_form import write_course_form
from scheduler.io.standards import load_standard
from scheduler.services.moves import Move, check_move, set_lock
from scheduler.services.new_course import write_new_course
from scheduler.services.replanning import ResolveResult, resolve
from scheduler.services.solving import SOLVE_SECONDS, SolveOptions
from scheduler.services.suggest import Suggestion, SuggestOptions, suggest
from scheduler.web import editor, views
from scheduler.web.jobs import Jobs
from scheduler.web.security import (
    CSRF_FIELD,
    check_csrf,
    csrf_token,
    is_loopback,
    password_digest,
    password_matches,
)
from scheduler.web.workspace import Workspace, safe_name
from scheduler.words import LABELS, has_label, label, say, set_reader

log = logging.getLogger("kurssi.web")
LANGUAGES = ("fi", "en")
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


@dataclass
class WebSettings:
    """How the app solves, re-plans and suggests; tests make these short."""

    solve: SolveOptions
    replan: SolveOptions
    suggest: SuggestOptions


def default_settings() -> WebSettings:
    return WebSettings(
        solve=SolveOptions(time_limit=SOLVE_SECONDS, deterministic=False),
        replan=SolveOptions(time_limit=10.0, deterministic=False),
        suggest=SuggestOptions(),
    )


class Memory:
    """Results the page offers before they are accepted (suggestions, re-plan proposals), kept
    for this run of the server; an accept after a restart recomputes or asks again."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[str, Any] = {}

    def keep(self, value: Any) -> str:
        key = secrets.token_urlsafe(12)
        with self._lock:
            if len(self._items) > 200:
                self._items.pop(next(iter(self._items)))
            self._items[key] = value
        return key

    def get(self, key: str) -> Any:
        with self._lock:
            return self._items.get(key)


def create_app(
    root: Path,
    *,
    host: str = "127.0.0.1",
    password: str | None = None,
    settings: WebSettings | None = None,
    secret_key: str | None = None,
) -> Flask:
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=secret_key or secrets.token_hex(32),
        MAX_CONTENT_LENGTH=MAX_UPLOAD_BYTES,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
    )
    # A page on loopback answers only to loopback names: another site cannot reach it through
    # a DNS name that points here (DNS rebinding).
    loopback_only = is_loopback(host)
    workspace = Workspace(root)
    settings = settings or default_settings()
    jobs = Jobs(workspace, settings.solve)
    memory = Memory()
    digest = password_digest(password) if password else None
    standards: dict[str, Standard] = {}
    app.extensions["kurssi"] = {"workspace": workspace, "jobs": jobs, "settings": settings}

    def standard_of(standard_id: str) -> Standard:
        if standard_id not in standards:
            standards[standard_id] = load_standard(standard_id)
        return standards[standard_id]

    def language() -> str:
        chosen = session.get("lang")
        return chosen if chosen in LANGUAGES else "fi"

    def t(key: str, **values: object) -> str:
        return label(key, language(), **values)

    @app.context_processor
    def _words() -> dict[str, Any]:
        return {
            "t": t,
            "template": lambda key: LABELS[key].get(language()) or LABELS[key]["fi"],
            "lang": language(),
            "csrf": csrf_token,
            "csrf_field": CSRF_FIELD,
        }

    @app.before_request
    def _reader() -> None:
        # Messages raised while serving a request (bad input, an impossible course) are in the
        # page's language: each request sets it for the thread that serves it.
        set_reader(language())

    @app.before_request
    def _guard() -> Any:
        if loopback_only and not is_loopback(request.host.rsplit(":", 1)[0].strip("[]")):
            abort(400)
        public = request.endpoint in ("login", "static")
        if digest is not None and not public and not session.get("signed_in"):
            if request.method == "POST" or request.path.endswith(".json"):
                abort(401)
            return redirect(url_for("login"))
        if request.method == "POST":
            check_csrf()
        return None

    @app.errorhandler(InputError)
    def _input_error(error: InputError) -> Any:
        problems = [str(p) for p in error.problems]
        if _wants_json():
            return jsonify({"problems": problems}), 400
        return render_template("error.html", problems=problems), 400

    @app.errorhandler(Infeasible)
    def _infeasible(error: Infeasible) -> Any:
        heading = t("web_infeasible" if error.proven else "web_not_found_in_time")
        if _wants_json():
            return jsonify({"problems": [heading, *error.reasons]}), 409
        return render_template("error.html", heading=heading, problems=error.reasons), 409

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> Any:
        key = "web_error_csrf" if error.description == "csrf" else f"web_error_{error.code}"
        text = t(key) if has_label(key) else (error.name or "error")
        if _wants_json():
            return jsonify({"problems": [text]}), error.code
        return render_template("error.html", problems=[text]), error.code

    @app.errorhandler(Exception)
    def _bug(error: Exception) -> Any:
        log.exception("internal error")  # the traceback goes to the log, never to the page
        text = t("web_error_internal")
        if _wants_json():
            return jsonify({"problems": [text]}), 500
        return render_template("error.html", problems=[text]), 500

    # -- signing in and language ----------------------------------------------------------

    @app.route("/login", methods=["GET", "POST"])
    def login() -> Any:
        if digest is None:
            return redirect(url_for("index"))
        wrong = False
        if request.method == "POST":
            if password_matches(digest, request.form.get("password", "")):
                session.clear()
                session["signed_in"] = True
                return redirect(url_for("index"))
            wrong = True
        return render_template("login.html", wrong=wrong), (401 if wrong else 200)

    @app.post("/logout")
    def logout() -> Any:
        session.clear()
        return redirect(url_for("login" if digest else "index"))

    @app.post("/lang")
    def set_language() -> Any:
        chosen = request.form.get("lang", "fi")
        session["lang"] = chosen if chosen in LANGUAGES else "fi"
        return redirect(_back())

    # -- courses ----------------------------------------------------------------------------

    @app.get("/")
    def index() -> Any:
        courses = []
        for entry in workspace.courses():
            versions = workspace.versions(entry.name)
            courses.append(
                {"entry": entry, "versions": versions, "running": jobs.running(entry.name)}
            )
        return render_template("index.html", courses=courses, today=date.today().isoformat())

    @app.post("/courses/new")
    def new_course() -> Any:
        name = safe_name(request.form.get("name", "").strip() or "kurssi")
        first = request.form.get("first_day", "").strip()
        try:
            first_day = date.fromisoformat(first) if first else None
        except ValueError:
            raise InputError(say("web_field_first_day"), first, say("web_err_first_day")) from None
        if any(e.name == name for e in workspace.courses()):
            raise InputError(say("web_field_name"), name, say("web_err_name_taken"))
        write_new_course(workspace.root / f"{name}.yaml", None, "kela-reuma-2017", first_day)
        return redirect(url_for("course", name=name))

    @app.post("/courses/upload")
    def upload() -> Any:
        file = request.files.get("file")
        if file is None or not file.filename:
            raise InputError(say("web_field_file"), "", say("web_err_choose_file"))
        entry = workspace.add_file(Path(file.filename).name, file.read())
        return redirect(url_for("course", name=entry.name))

    @app.get("/c/<name>")
    def course(name: str) -> Any:
        entry = workspace.course(name)
        versions = workspace.versions(name)
        current = {v.name: workspace.is_current(name, v) for v in versions}
        job = jobs.get(name)
        problems: list[str] = []
        try:
            workspace.load(name)
        except InputError as error:
            problems = [str(p) for p in error.problems]
        return render_template(
            "course.html",
            entry=entry,
            versions=versions,
            current=current,
            job=job.progress() if job else None,
            problems=problems,
            limit=settings.solve.time_limit,
        )

    @app.get("/c/<name>/form.xlsx")
    def course_form(name: str) -> Any:
        entry = workspace.course(name)
        if entry.excel:
            return send_file(entry.path, as_attachment=True, download_name=f"{name}.xlsx")
        course = workspace.load(name)
        with tempfile.TemporaryDirectory() as folder:
            path = write_course_form(workspace.data(name), course.days, Path(folder) / "form.xlsx")
            content = path.read_bytes()
        return send_file(io.BytesIO(content), as_attachment=True, download_name=f"{name}.xlsx",
                         mimetype=_XLSX)  # fmt: skip

    @app.route("/c/<name>/edit", methods=["GET", "POST"])
    def edit(name: str) -> Any:
        entry = workspace.course(name)
        data = workspace.data(name)
        errors: dict[str, list[str]] = {}
        saved = False
        if request.method == "POST":
            data = editor.from_form(data, request.form)
            try:
                workspace.save(name, data)
                saved = True
            except InputError as error:
                errors = editor.errors_by_field(error)
        form = editor.to_form(data, language())
        return render_template("edit.html", entry=entry, form=form, errors=errors, saved=saved), (
            400 if errors else 200
        )

    # -- solving ----------------------------------------------------------------------------

    @app.post("/c/<name>/solve")
    def start_solve(name: str) -> Any:
        limit = _number(_param("time_limit"), settings.solve.time_limit)
        job, started = jobs.start(name, limit)
        body = job.progress() | {"started": started}
        if _wants_json():
            return jsonify(body), (202 if started else 409)
        return redirect(url_for("course", name=name))

    @app.get("/c/<name>/progress.json")
    def progress(name: str) -> Any:
        workspace.course(name)
        job = jobs.get(name)
        return jsonify(job.progress() if job else {"state": "idle"})

    @app.post("/c/<name>/stop")
    def stop(name: str) -> Any:
        stopped = jobs.stop(name)
        if _wants_json():
            return jsonify({"stopping": stopped})
        return redirect(url_for("course", name=name))

    # -- one timetable ----------------------------------------------------------------------

    def loaded(name: str, version: str) -> tuple[Timetable, Standard]:
        timetable = workspace.timetable(name, version)
        return timetable, standard_of(timetable.standard)

    @app.get("/c/<name>/v/<version>")
    def timetable_page(name: str, version: str) -> Any:
        timetable, standard = loaded(name, version)
        who = request.args.get("who", "")
        grid = views.week_grid(timetable, standard, language(), who)
        report = check(timetable, standard)
        sessions = {s.id: views.session_facts(timetable, s, language()) for s in timetable.sessions}
        return render_template(
            "timetable.html",
            name=name,
            version=version,
            timetable=timetable,
            grid=grid,
            who=who,
            filters=views.filters(timetable, language()),
            report=views.report_rows(report, language()),
            passed=report.passed,
            hours=report.hours,
            changes=views.change_rows(timetable.changes, timetable, language()),
            sessions=sessions,
            days=views.day_options(timetable, standard, language()),
            clocks=views.clock_options(timetable),
            versions=workspace.versions(name),
        )

    @app.get("/c/<name>/v/<version>/download/<kind>")
    def download(name: str, version: str, kind: str) -> Any:
        found = workspace.version(name, version)
        if kind == "json":
            return send_file(found.json_path, as_attachment=True, download_name=f"{version}.json")
        if kind == "xlsx" and found.xlsx_path is not None:
            return send_file(found.xlsx_path, as_attachment=True, download_name=f"{version}.xlsx")
        if kind == "ics":
            timetable = workspace.timetable(name, version)
            buffer = io.BytesIO()
            with tempfile.TemporaryDirectory() as folder:
                paths = export_timetable(timetable, "ics", Path(folder), version, language())
                with zipfile.ZipFile(buffer, "w") as archive:
                    for path in paths:
                        archive.write(path, path.name)
            buffer.seek(0)
            return send_file(buffer, as_attachment=True, download_name=f"{version}-ics.zip",
                             mimetype="application/zip")  # fmt: skip
        abort(404)

    def _move_from_form(session_id: str) -> Move:
        form = request.get_json(silent=True) or request.form
        day = form.get("date") or None
        start = form.get("start")
        staff = form.get("staff")
        room = form.get("room") or None
        staff_ids = tuple(staff) if isinstance(staff, list) else (
            tuple(s for s in str(staff).split(",") if s) if staff is not None else None
        )  # fmt: skip
        try:
            return Move(
                session=session_id,
                date=date.fromisoformat(day) if day else None,
                start=int(start) if start not in (None, "") else None,
                staff=staff_ids,
                room=room,
            )
        except ValueError:
            raise InputError(say("web_field_move"), session_id, say("web_err_move")) from None

    @app.post("/c/<name>/v/<version>/check-move/<session_id>")
    def check_move_route(name: str, version: str, session_id: str) -> Any:
        timetable, standard = loaded(name, version)
        result = check_move(timetable, standard, _move_from_form(session_id))
        return jsonify(_move_json(result.report, result.timetable))

    def _move_json(report: Any, moved: Timetable) -> dict[str, Any]:
        return {
            "passed": report.passed,
            "failures": [
                {
                    "rule": r.rule,
                    "title": views.rule_title(r.rule, language()),
                    "reasons": list(r.reasons_in(language())),
                }
                for r in report.failures
            ],
            "changes": views.change_rows(moved.changes, moved, language()),
        }

    @app.post("/c/<name>/v/<version>/move/<session_id>")
    def save_move(name: str, version: str, session_id: str) -> Any:
        timetable, standard = loaded(name, version)
        result = check_move(timetable, standard, _move_from_form(session_id))
        if not result.passed:
            return jsonify(_move_json(result.report, result.timetable)), 409
        new = _successor(result.timetable, version)
        written = workspace.write_version(name, new)
        return jsonify({"version": written.name, "url": url_for("timetable_page", name=name,
                                                                version=written.name)})  # fmt: skip

    @app.post("/c/<name>/v/<version>/suggest/<session_id>")
    def suggest_route(name: str, version: str, session_id: str) -> Any:
        timetable, standard = loaded(name, version)
        found = suggest(timetable, standard, session_id, settings.suggest)
        rows = []
        for place in found:
            key = memory.keep((name, version, place))
            rows.append(_suggestion_json(place, timetable, key))
        return jsonify({"suggestions": rows})

    def _suggestion_json(place: Suggestion, timetable: Timetable, key: str) -> dict[str, Any]:
        staff = {m.id: m.label for m in timetable.staff}
        rooms = {r.id: r.name or r.id for r in timetable.rooms}
        titles = {
            s.id: views.session_facts(timetable, s, language())["title"] for s in timetable.sessions
        }
        return {
            "key": key,
            "day": views.day_label(place.date, language()),
            "times": f"{views.format_clock(place.start)}–{views.format_clock(place.end)}",
            "staff": ", ".join(staff.get(s, s) for s in place.staff),
            "room": rooms.get(place.room or "", place.room or ""),
            "penalty": place.penalty_change,
            "moved": [titles.get(m, m) for m in place.moved],
        }

    @app.post("/c/<name>/v/<version>/accept")
    def accept(name: str, version: str) -> Any:
        kept = memory.get(_param("key") or "")
        if kept is None or kept[:2] != (name, version):
            raise InputError(say("web_field_suggestion"), "", say("web_err_suggestion_gone"))
        place: Suggestion = kept[2]
        written = workspace.write_version(name, _successor(place.timetable, version))
        target = url_for("timetable_page", name=name, version=written.name)
        if _wants_json():
            return jsonify({"version": written.name, "url": target})
        return redirect(target)

    @app.post("/c/<name>/v/<version>/lock/<session_id>")
    def lock(name: str, version: str, session_id: str) -> Any:
        timetable, _ = loaded(name, version)
        scope = _param("scope")
        new = set_lock(timetable, session_id, None if scope in (None, "", "none") else scope)
        written = workspace.write_version(name, _successor(new, version, keep_changes=True))
        target = url_for("timetable_page", name=name, version=written.name)
        if _wants_json():
            return jsonify({"version": written.name, "url": target})
        return redirect(target)

    # -- re-planning and comparing ---------------------------------------------------------

    @app.post("/c/<name>/v/<version>/replan")
    def replan(name: str, version: str) -> Any:
        timetable, standard = loaded(name, version)
        form = request.form
        changes = editor.replan_changes(timetable, form)
        result: ResolveResult = resolve(
            timetable, standard, changes, settings.replan, previous=f"{version}.json"
        )
        key = memory.keep((name, version, result.timetable))
        return render_template(
            "replan.html",
            name=name,
            version=version,
            key=key,
            changes=views.change_rows(result.timetable.changes, result.timetable, language()),
            moved=result.changed_sessions,
            what=editor.replan_words(timetable, form, language()),
        )

    @app.post("/c/<name>/v/<version>/replan/accept")
    def replan_accept(name: str, version: str) -> Any:
        kept = memory.get(request.form.get("key", ""))
        if kept is None or kept[:2] != (name, version):
            raise InputError(say("web_field_replan"), "", say("web_err_proposal_gone"))
        written = workspace.write_version(name, kept[2])
        return redirect(url_for("timetable_page", name=name, version=written.name))

    @app.get("/c/<name>/compare")
    def compare(name: str) -> Any:
        versions = workspace.versions(name)
        if len(versions) < 1:
            raise InputError(say("web_field_course"), name, say("web_err_nothing_to_compare"))
        a = request.args.get("a") or (versions[1].name if len(versions) > 1 else versions[0].name)
        b = request.args.get("b") or versions[0].name
        old, new = workspace.timetable(name, a), workspace.timetable(name, b)
        rows = views.change_rows(views.change_list(old.sessions, new.sessions), new, language())
        return render_template("compare.html", name=name, versions=versions, a=a, b=b, rows=rows)

    return app


def _successor(timetable: Timetable, version: str, keep_changes: bool = False) -> Timetable:
    update: dict[str, Any] = {"previous": f"{version}.json"}
    if not keep_changes:
        update["changes"] = timetable.changes
    else:
        update["changes"] = ()
    return timetable.model_copy(update=update)


def _number(text: str | None, default: float) -> float:
    try:
        return float(text) if text else default
    except ValueError:
        return default


def _param(name: str) -> str | None:
    """A value the page sent, as a form field or in a JSON body (the page's fetches)."""
    body = request.get_json(silent=True)
    if isinstance(body, dict) and body.get(name) is not None:
        return str(body[name])
    return request.form.get(name)


def _wants_json() -> bool:
    return request.is_json or "application/json" in request.headers.get("Accept", "")


def _back() -> str:
    target = request.form.get("next", "/")
    return target if target.startswith("/") and not target.startswith("//") else "/"


_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

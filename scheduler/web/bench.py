"""`make bench`'s figures for the web workspace, on the default course with 2 workers: the page
of a week, a manual move's rule check and Suggest, each timed through the app itself (Flask's
test client: no network), the median of a few runs. Targets: 200 ms, 300 ms and 2 s."""

from __future__ import annotations

import re
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scheduler.io.courses import load_course
from scheduler.io.data import DEFAULT_COURSE
from scheduler.services.solving import SolveOptions, solve
from scheduler.services.suggest import SuggestOptions
from scheduler.web.app import WebSettings, create_app

TARGETS = {"page_seconds": 0.2, "move_check_seconds": 0.3, "suggest_seconds": 2.0}


def _median(run: Callable[[], Any], times: int) -> float:
    spans = []
    for _ in range(times):
        started = time.perf_counter()
        run()
        spans.append(time.perf_counter() - started)
    return statistics.median(spans)


def measure_web(solve_seconds: float = 10.0) -> dict[str, Any]:
    course = load_course(DEFAULT_COURSE)
    timetable = solve(course, SolveOptions(time_limit=solve_seconds, deterministic=False)).timetable
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copy(DEFAULT_COURSE, root / "default.yaml")
        versions = root / "timetables" / "default"
        versions.mkdir(parents=True)
        (versions / "default-v001.json").write_text(timetable.to_json(), encoding="utf-8")
        settings = WebSettings(
            solve=SolveOptions(), replan=SolveOptions(), suggest=SuggestOptions(workers=2)
        )
        client = create_app(root, settings=settings).test_client()
        page_url = "/c/default/v/default-v001"
        page = client.get(page_url).get_data(as_text=True)
        token = re.search(r'name="csrf-token" content="([^"]+)"', page)
        assert token is not None
        headers = {"X-CSRF-Token": token.group(1)}
        gym = next(s for s in timetable.sessions if s.spec == "gym")
        other_day = next(d for d in timetable.days if d != gym.date).isoformat()
        move = {"date": other_day, "start": gym.start}
        found: list[int] = []

        def ask() -> None:
            answer = client.post(
                f"{page_url}/suggest/{gym.id}", json={}, headers=headers
            ).get_json()
            found.append(len(answer["suggestions"]))

        figures = {
            "page_seconds": _median(lambda: client.get(page_url), 5),
            "move_check_seconds": _median(
                lambda: client.post(f"{page_url}/check-move/{gym.id}", json=move, headers=headers),
                5,
            ),
            "suggest_seconds": _median(ask, 3),
        }
    return figures | {"suggestions_found": found, "sessions": len(timetable.sessions)}


def print_web(figures: dict[str, Any]) -> None:
    print("\nweb workspace (default course, median):")
    for key, target in TARGETS.items():
        verdict = "ok" if figures[key] <= target else "OVER"
        print(
            f"  {key:<20}{figures[key] * 1000:8.0f} ms   target {target * 1000:.0f} ms  {verdict}"
        )
    print(f"  suggestions found per ask: {figures['suggestions_found']}")

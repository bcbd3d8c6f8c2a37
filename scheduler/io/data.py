"""Where the project's own data lives: the standards and the embedded default course."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
DATA_DIR = PROJECT_ROOT / "data"
STANDARDS_DIR = DATA_DIR / "standards"
DEFAULT_COURSE = DATA_DIR / "courses" / "default.yaml"

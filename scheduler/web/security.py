"""Who may use the page: loopback only without a password; any other host needs one (from
KURSSI_PASSWORD or a prompt, never the URL) and a signed session cookie. Every POST carries the
session's CSRF token (a form field, or the X-CSRF-Token header of the page's fetches)."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets

from flask import abort, request, session

CSRF_FIELD = "csrf"
CSRF_HEADER = "X-CSRF-Token"
LOOPBACK_NAMES = ("localhost",)


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class PasswordNeeded(Exception):
    """Raised when the page would be reachable from other machines without a password."""


def require_password_for(host: str, password: str | None) -> None:
    if not is_loopback(host) and not password:
        raise PasswordNeeded(
            f"--host {host} opens the page to other machines: set KURSSI_PASSWORD (or type one "
            "when asked) so that only people who know it get in"
        )


def password_digest(password: str) -> bytes:
    return hashlib.sha256(password.encode("utf-8")).digest()


def password_matches(digest: bytes, given: str) -> bool:
    return hmac.compare_digest(digest, password_digest(given))


def csrf_token() -> str:
    token = session.get(CSRF_FIELD)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        session[CSRF_FIELD] = token
    return token


def check_csrf() -> None:
    """Rejects a POST whose token is missing or not the session's (400)."""
    expected = session.get(CSRF_FIELD)
    given = request.headers.get(CSRF_HEADER) or request.form.get(CSRF_FIELD) or ""
    if not isinstance(expected, str) or not hmac.compare_digest(expected, given):
        abort(400, description="csrf")

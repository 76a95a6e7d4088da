"""Alerts to webhooks: a JSON POST per alert, signed, retried with backoff, each alert delivered once.

The body is the alert's ``to_dict()`` (UTF-8 JSON). Headers: ``X-Recoupe-Alert`` (the alert's id, the same
on every retry: a receiver can drop repeats), ``X-Recoupe-Event`` (its kind) and, when the watchlist has a
secret, ``X-Recoupe-Signature: sha256=<hex>`` with the HMAC-SHA256 of the exact body bytes keyed by the
secret. A receiver checks it with ``hmac.compare_digest(signature(secret, body), header)``.

An answer 2xx is a delivery; anything else (another status, no answer within ``timeout``) is tried again
``tries`` times in the round, ``backoff`` seconds apart and doubling; an alert still not delivered waits
``retry`` seconds (doubled per failed round, at most an hour) and is tried in a later round. A webhook that
fails every try is not tried again in the same round for its other alerts.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from recoupe import __version__

if TYPE_CHECKING:
    import httpx

    from recoupe.alerts.model import Alert
    from recoupe.store import Store

__all__ = ["DeliveryPolicy", "DeliveryReport", "deliver", "signature"]

MAX_RETRY = 3600.0


@dataclass(frozen=True, slots=True)
class DeliveryPolicy:
    """How hard to try: tries per round, seconds between them (doubling), seconds before a later round."""

    tries: int = 3
    backoff: float = 0.5
    retry: float = 60.0
    timeout: float = 10.0


@dataclass(slots=True)
class DeliveryReport:
    """What one round of checking and delivery did."""

    raised: int = 0
    delivered: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def signature(secret: str, body: bytes) -> str:
    """The ``X-Recoupe-Signature`` value of ``body``: ``sha256=`` and the hex HMAC-SHA256 keyed by ``secret``."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def payload(alert: Alert, secret: str | None) -> tuple[bytes, dict[str, str]]:
    """The body and headers of an alert's POST."""
    body = json.dumps(alert.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8")
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": f"recoupe/{__version__} (alerts)",
        "X-Recoupe-Alert": str(alert.id),
        "X-Recoupe-Event": alert.kind,
    }
    if secret:
        headers["X-Recoupe-Signature"] = signature(secret, body)
    return body, headers


def _post(client: httpx.Client, url: str, body: bytes, headers: dict[str, str]) -> str | None:
    """``None`` when the webhook took the alert, else why not."""
    import httpx

    try:
        response = client.post(url, content=body, headers=headers)
    except (httpx.HTTPError, httpx.InvalidURL, OSError) as exc:  # a bad URL too: recorded, never raised
        return f"{type(exc).__name__}: {exc}"
    if 200 <= response.status_code < 300:
        return None
    return f"HTTP {response.status_code}"


def deliver(
    store: Store,
    *,
    policy: DeliveryPolicy | None = None,
    client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
    raised: int = 0,
) -> DeliveryReport:
    """Deliver the alerts due (``Store.claim_alerts``) to their webhooks; record each outcome in the store."""
    import httpx

    policy = policy or DeliveryPolicy()
    report = DeliveryReport(raised=raised)
    claimed = store.claim_alerts()
    if not claimed:
        return report
    own = client is None
    http = client or httpx.Client(timeout=policy.timeout, follow_redirects=False)
    down: set[str] = set()
    try:
        for alert, url, secret in claimed:
            body, headers = payload(alert, secret)
            error: str | None = "webhook down this round"
            tries = 0
            if url not in down:
                for attempt in range(policy.tries):
                    if attempt:
                        sleep(policy.backoff * 2 ** (attempt - 1))
                    tries += 1
                    error = _post(http, url, body, headers)
                    if error is None:
                        break
            if error is None:
                store.alert_delivered(alert.id, tries)
                report.delivered += 1
                continue
            if tries:
                down.add(url)
            rounds = alert.attempts // max(policy.tries, 1)
            wait = min(policy.retry * 2**rounds, MAX_RETRY)
            store.alert_failed(alert.id, tries, error, datetime.now(UTC) + timedelta(seconds=wait))
            report.failed += 1
            report.errors.append(f"alert {alert.id} to {url}: {error}")
    finally:
        if own:
            http.close()
    return report

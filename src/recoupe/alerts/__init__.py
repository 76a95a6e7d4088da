"""Watchlists and alerts: what a newsroom is told when a story it follows appears or changes.

A watchlist (``recoupe watchlist add``) names an entity, a keyword query, an outlet and a least number of
independent outlets; after every ingest or watch round ``after_round`` runs them against the stories
(``Store.check_watchlists``: alerts recorded in the transaction of the check, in an outbox) and delivers
what is pending to each watchlist's webhook (``deliver``: a JSON POST signed with HMAC-SHA256, retried with
backoff, each alert sent once). ``atom`` renders the alerts as an Atom feed (``/alerts.atom``).

Modules: ``model`` (plain values, shared with the store), ``deliver`` (webhook), ``atom`` (feed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recoupe.alerts.deliver import DeliveryReport
    from recoupe.store import Store

__all__ = ["after_round"]


def after_round(store: Store) -> DeliveryReport:
    """The hook ingest and watch call at the end of each round: check every watchlist, deliver what is due."""
    from recoupe.alerts.deliver import deliver

    raised = store.check_watchlists()
    return deliver(store, raised=raised)

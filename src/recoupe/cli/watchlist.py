"""``recoupe watchlist add/list/remove`` and ``recoupe alerts``: follow stories, see what changed.

A watchlist is checked after every ``ingest`` and ``watch`` round (``recoupe.alerts.after_round``);
``recoupe alerts --deliver`` checks and delivers at once (e.g. from cron, or after ``crosscheck``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
from rich.markup import escape
from rich.table import Table

from recoupe.cli.context import AppContext

if TYPE_CHECKING:
    from recoupe.alerts.model import Alert

__all__ = ["COMMANDS", "alerts_command", "watchlist_group"]

_json = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


@click.group("watchlist")
def watchlist_group() -> None:
    """Follow an entity, a keyword query or an outlet: alerts when a story appears or changes."""


@watchlist_group.command("add")
@click.argument("name")
@click.option("--entity", metavar="NAME", help="Stories naming this person, organisation or place.")
@click.option("--query", metavar="WORDS", help="Stories with an article matching this full-text query.")
@click.option("--outlet", help="Stories this outlet covers (case-insensitive).")
@click.option(
    "--min-outlets",
    type=click.IntRange(1, 100),
    default=1,
    show_default=True,
    help="Only stories told by at least this many independent outlets.",
)
@click.option("--webhook", metavar="URL", help="POST each alert as JSON to this http(s) URL.")
@click.option(
    "--secret",
    envvar="RECOUPE_WEBHOOK_SECRET",
    help="Sign webhook bodies with HMAC-SHA256 under this key (header X-Recoupe-Signature) "
    "[env RECOUPE_WEBHOOK_SECRET].",
)
@_json
@click.pass_obj
def add_command(
    app: AppContext,
    name: str,
    entity: str | None,
    query: str | None,
    outlet: str | None,
    min_outlets: int,
    webhook: str | None,
    secret: str | None,
    as_json: bool,
) -> None:
    """Watch for stories matching every condition given (none: every story). Stories that match now are
    the starting point: alerts come when one appears, gains an independent outlet, or gains a conflicting
    or updated statement."""
    from recoupe.enrich.entities import entity_key

    if webhook and not webhook.startswith(("http://", "https://")):
        raise click.BadParameter("give an http:// or https:// URL", param_hint="--webhook")
    key = entity_key(entity) if entity else None
    if entity and not key:
        raise click.BadParameter(f"{entity!r} names nothing once folded", param_hint="--entity")
    watch = app.store(create=True).add_watchlist(
        name, entity=key, query=query, outlet=outlet, min_outlets=min_outlets, webhook=webhook, secret=secret
    )
    if as_json:
        app.emit_json(watch.to_dict())
        return
    app.out.print(f"watchlist {watch.id} [bold]{escape(watch.name)}[/]: {escape(watch.describe())}", highlight=False)
    if watch.webhook:
        signed = "signed" if watch.secret else "unsigned"
        app.out.print(f"alerts go to {escape(watch.webhook)} ({signed})", highlight=False)


@watchlist_group.command("list")
@_json
@click.pass_obj
def list_command(app: AppContext, as_json: bool) -> None:
    """List the watchlists."""
    found = app.store().watchlists()
    if as_json:
        app.emit_json([w.to_dict() for w in found])
        return
    if not found:
        app.out.print("no watchlist yet: recoupe watchlist add NAME --entity … (see --help)")
        return
    table = Table(title=f"{len(found)} watchlist(s)")
    for column in ("id", "name", "watches", "webhook"):
        table.add_column(column)
    for watch in found:
        hook = (watch.webhook or "—") + (" (signed)" if watch.secret else "")
        table.add_row(str(watch.id), escape(watch.name), escape(watch.describe()), escape(hook))
    app.out.print(table)


@watchlist_group.command("remove")
@click.argument("name_or_id")
@click.pass_obj
def remove_command(app: AppContext, name_or_id: str) -> None:
    """Remove a watchlist (by name or id), with its alerts."""
    gone = app.store().remove_watchlist(name_or_id)
    app.out.print(f"removed watchlist {gone.id} {escape(gone.name)}", highlight=False)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _alert_table(found: list[Alert]) -> Table:
    table = Table(title=f"{len(found)} alert(s), newest first")
    table.add_column("id", justify="right")
    table.add_column("when", no_wrap=True)
    for column in ("watchlist", "kind", "story", "what"):
        table.add_column(column, overflow="fold", ratio=2 if column in ("story", "what") else 1)
    for alert in found:
        what = alert.detail
        if alert.delivered_at:
            what += " · sent"
        elif alert.last_error:
            what += f" · not sent yet ({alert.attempts} tries: {alert.last_error})"
        table.add_row(
            str(alert.id),
            f"{alert.created_at:%Y-%m-%d %H:%M}",
            escape(alert.watch_name),
            alert.kind,
            f"{escape(_short(alert.title))} ({alert.story_id[:8]})",
            escape(what),
        )
    return table


@click.command("alerts")
@click.option("--watchlist", metavar="NAME", help="Only this watchlist's alerts.")
@click.option("--pending", is_flag=True, help="Only alerts not yet delivered to their webhook.")
@click.option("--deliver", is_flag=True, help="Check the watchlists and deliver what is due first.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True, help="Alerts to show.")
@_json
@click.pass_obj
def alerts_command(
    app: AppContext, watchlist: str | None, pending: bool, deliver: bool, limit: int, as_json: bool
) -> None:
    """List alerts, newest first (the web UI shows them at /alerts, feed readers at /alerts.atom)."""
    from recoupe.alerts import after_round

    store = app.store()
    if deliver:
        report = after_round(store)
        for error in report.errors:
            app.err.print(f"[red]not delivered[/] {escape(error)}", highlight=False, soft_wrap=True)
        if not as_json:
            app.out.print(
                f"{report.raised} new alert(s) · {report.delivered} delivered · {report.failed} to retry",
                highlight=False,
            )
    found = store.alerts(watchlist=watchlist, pending=pending, limit=limit)
    if as_json:
        app.emit_json([a.to_dict() for a in found])
        return
    if not found:
        app.out.print("no alerts" + (" pending" if pending else ""))
        return
    app.out.print(_alert_table(found))


COMMANDS = [watchlist_group, alerts_command]

"""``recoupe outlets [NAME]``: outlet profiles (verdict shares, wire copies, exclusives) and blind spots."""

from __future__ import annotations

import click
from rich.markup import escape
from rich.table import Table

from recoupe.cli.context import AppContext

__all__ = ["outlets_command"]

SHOWN = ("corroborated", "single-source", "conflicting")


def _share(count: int, total: int) -> str:
    return f"{100 * count / total:.0f}% ({count})" if total else "—"


@click.command("outlets")
@click.argument("name", required=False)
@click.option("--not-covering", "story_id", metavar="STORY_ID", help="Outlets that usually cover this story's people.")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True, help="Stories listed per list.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_obj
def outlets_command(app: AppContext, name: str | None, story_id: str | None, limit: int, as_json: bool) -> None:
    """Outlet profiles: stories only it covers, wire copies, how its statements fare in cross-checks, blind spots.

    Without NAME: every outlet (articles, stories, those only it covers, wire copies, the stored cross-check
    rows it has a statement in by verdict). With NAME: that outlet, its blind spots (stories other outlets
    tell about people it usually covers) and the stories only it covers. --not-covering STORY_ID: outlets
    that usually cover the story's people or organisations and have no article in it."""
    store = app.store()
    if story_id:
        row = store.story_row(story_id)
        missing = store.not_covered_by(row.id, limit=limit)
        if as_json:
            app.emit_json({"story_id": row.id, "items": [n.to_dict() for n in missing]})
            return
        app.out.print(f"[bold]{escape(row.title)}[/] ({row.id[:8]}) is not covered by:", highlight=False)
        for item in missing:
            app.out.print(f"  {escape(item.outlet)} (usually covers {escape(', '.join(item.entities))})")
        if not missing:
            app.out.print("  no outlet that usually covers its people or organisations")
        return
    if name:
        profile = store.outlet_profile(name)
        spots = store.outlet_blind_spots(profile.name, limit=limit)
        only = store.outlet_exclusives(profile.name, limit=limit)
        if as_json:
            app.emit_json(
                profile.to_dict()
                | {"blind_spots": [b.to_dict() for b in spots], "exclusives": [s.to_dict() for s in only]}
            )
            return
        app.out.print(
            f"[bold]{escape(profile.name)}[/]: {profile.articles} articles · {profile.stories} stories "
            f"({profile.exclusive} only it covers) · {profile.copies} wire copies ({100 * profile.copy_share:.0f}%)",
            highlight=False,
        )
        checked = ", ".join(f"{v} {_share(profile.verdicts.get(v, 0), profile.checked)}" for v in SHOWN)
        app.out.print(f"statements checked: {profile.checked}" + (f" · {checked}" if profile.checked else ""))
        app.out.print("[bold]blind spots[/] (others tell it, about people it usually covers):")
        for spot in spots:
            about = ", ".join(spot.entities)
            line = f"  {spot.story.id[:8]} {spot.story.title} · {spot.story.independent} outlets · about {about}"
            app.out.print(escape(line), highlight=False)
        app.out.print("[bold]only it covers[/]:")
        for story in only:
            app.out.print(escape(f"  {story.id[:8]} {story.title}"), highlight=False)
        return
    profiles = store.outlet_profiles()
    if as_json:
        app.emit_json([p.to_dict() for p in profiles])
        return
    table = Table(title=f"{len(profiles)} outlet(s)")
    for column in ("outlet", "articles", "stories", "only it", "wire copies", "checked", *SHOWN):
        table.add_column(column, justify="left" if column == "outlet" else "right")
    for p in profiles:
        shares = [_share(p.verdicts.get(v, 0), p.checked) for v in SHOWN]
        copies = f"{p.copies} ({100 * p.copy_share:.0f}%)"
        table.add_row(
            escape(p.name), str(p.articles), str(p.stories), str(p.exclusive), copies, str(p.checked), *shares
        )
    app.out.print(table)

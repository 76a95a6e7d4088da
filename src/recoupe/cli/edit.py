"""Corrections: ``recoupe edit ID --outlet/--title/--date`` and ``recoupe delete ID``.

The store keeps what was there (a revision for an edit, the article and its revisions for a delete) and drops
the story's stored cross-check; this command then recomputes the story (outlet counts, first and last seen,
its title) with the story engine and enriches again an article whose title changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from recoupe.cli.context import AppContext
from recoupe.cli.read import json_option
from recoupe.corrections import bring_up_to_date, parse_published

if TYPE_CHECKING:
    from recoupe.store.edits import StoryTouched

__all__ = ["COMMANDS"]


def _after(app: AppContext, touched: StoryTouched) -> tuple[bool, bool]:
    """The story recomputed and a retitled article enriched again, as the settings allow."""
    engine = app.story_engine if app.settings.stories else None
    models = app.nlp_models() if app.settings.enrich and "title" in touched.changed else None
    return bring_up_to_date(app.store(), touched, engine=engine, models=models)


@click.command("edit")
@click.argument("article_id")
@click.option("--outlet", help="The outlet that published it.")
@click.option("--no-outlet", is_flag=True, help="The outlet is not known (it then counts for no outlet).")
@click.option("--title", help="The article's title.")
@click.option("--date", "date_text", metavar="YYYY[-MM[-DD[THH:MM]]]", help="Its publication date, at this precision.")
@json_option
@click.pass_obj
def edit_command(
    app: AppContext,
    article_id: str,
    outlet: str | None,
    no_outlet: bool,
    title: str | None,
    date_text: str | None,
    as_json: bool,
) -> None:
    """Correct an article (ARTICLE_ID or a unique prefix): its outlet, title or date.

    The version before is kept (recoupe show ID --revisions); the article's story is recomputed and its
    stored cross-check dropped (computed again when next shown); a new title is enriched again.
    """
    if outlet is not None and no_outlet:
        raise click.UsageError("give --outlet or --no-outlet, not both")
    changes: dict[str, Any] = {}
    if outlet is not None or no_outlet:
        changes["outlet"] = None if no_outlet else outlet
    if title is not None:
        changes["title"] = title
    if date_text is not None:
        changes["published"] = parse_published(date_text)
    if not changes:
        raise click.UsageError("nothing to change: give --outlet, --no-outlet, --title or --date")
    touched = app.store().edit_article(article_id, **changes)
    article = touched.article
    recomputed, reenriched = _after(app, touched)
    if as_json:
        app.emit_json(
            {
                "id": article.id,
                "changed": list(touched.changed),
                "article": {
                    "title": article.title,
                    "outlet": article.outlet,
                    "published": article.published.iso() if article.published else None,
                },
                "story_id": app.store().story_of(article.id),
                "story_recomputed": recomputed,
                "enriched_again": reenriched,
            }
        )
        return
    if not touched.changed:
        app.out.print(f"{article.id}: nothing changed", highlight=False, markup=False)
        return
    app.out.print(
        f"edited {article.id}: {', '.join(touched.changed)} (the version before is kept as a revision)",
        highlight=False,
        markup=False,
    )
    if recomputed:
        app.out.print(f"story {app.store().story_of(article.id)} recomputed", highlight=False, markup=False)


@click.command("delete")
@click.argument("article_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@json_option
@click.pass_obj
def delete_command(app: AppContext, article_id: str, yes: bool, as_json: bool) -> None:
    """Delete an article (ARTICLE_ID or a unique prefix) from search, stories and cross-checks.

    The article and its revisions are kept in the database's deleted_articles table; its story is recomputed
    without it (or goes when it was its last article).
    """
    store = app.store()
    article = store.get(article_id)
    if not yes:
        click.confirm(f"Delete {article.id} ({article.title[:60]!r}, {article.outlet or 'no outlet'})?", abort=True)
    touched = store.delete_article(article.id)
    recomputed, _ = _after(app, touched)
    if as_json:
        app.emit_json(
            {
                "id": article.id,
                "deleted": True,
                "story_id": touched.story_id,
                "story_gone": touched.story_id is not None and not touched.members,
                "story_recomputed": recomputed,
            }
        )
        return
    app.out.print(f"deleted {article.id}: {article.title}", highlight=False, markup=False)
    if touched.story_id and not touched.members:
        app.out.print(f"story {touched.story_id} had no other article: it is gone", highlight=False, markup=False)
    elif recomputed:
        app.out.print(f"story {touched.story_id} recomputed without it", highlight=False, markup=False)


COMMANDS = [edit_command, delete_command]

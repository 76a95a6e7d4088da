"""``recoupe config``: every setting, its value, and where the value came from."""

from __future__ import annotations

import click

from recoupe.cli.context import AppContext
from recoupe.cli.read import json_option
from recoupe.config import describe

__all__ = ["COMMANDS"]


@click.command("config")
@json_option
@click.pass_obj
def config_command(app: AppContext, as_json: bool) -> None:
    """Show every setting, its value and where it came from: default, the recoupe.toml file, a RECOUPE_*
    variable or the command line (highest first: command line > variable > file > default).

    docs/recoupe.toml.example documents each setting. The API token is shown as "(set)", never its value.
    """
    from rich.markup import escape
    from rich.table import Table

    rows = describe(app.settings)
    if as_json:
        app.emit_json({name: {"value": value, "from": origin} for name, value, origin in rows})
        return
    table = Table(title="recoupe settings")
    table.add_column("setting", no_wrap=True)
    table.add_column("value", overflow="fold")
    table.add_column("from", overflow="fold")
    for name, value, origin in rows:
        shown = str(value).lower() if isinstance(value, bool) else str(value)
        style = "dim" if origin == "default" else "bold"
        table.add_row(name, escape(shown), f"[{style}]{escape(origin)}[/]")
    app.out.print(table)


COMMANDS = [config_command]

"""``python -m recoupe.cli``: the same as the ``recoupe`` command."""

from recoupe.cli.main import main

main()

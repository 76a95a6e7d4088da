"""The REST API face: ``recoupe.api.routes.router``, mounted under ``/api`` by ``recoupe.app.create_app``."""

from __future__ import annotations

"""The HTTP face: ``create_app(settings)`` serves the REST API under ``/api`` and the web UI at ``/``."""

from __future__ import annotations

from recoupe.api.app import Faces, create_app

__all__ = ["Faces", "create_app"]

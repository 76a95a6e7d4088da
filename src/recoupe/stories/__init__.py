"""Stories: wire-copy detection (``dedup``), then assignment of articles to stories and story building."""

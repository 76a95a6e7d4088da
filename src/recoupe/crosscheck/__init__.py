"""Cross-check: what every source says in a story (statements, alignment, verdicts, report)."""

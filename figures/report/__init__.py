"""Renderings for people: the HTML report (html, with its CSS and JS as package files), its
charts (chart) and human-readable numbers (humanize)."""

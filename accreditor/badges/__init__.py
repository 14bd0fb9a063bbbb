"""Badges: layouts as data (JSON + schema) and the one ReportLab renderer that draws every layout.

`layout` loads and validates layouts, `variables` is the registry of text placeholders, `fonts` and
`shaping` make any script print correctly, `photos` and `qr` prepare the two per-guest pictures, and
`render` puts it all on sheets.
"""

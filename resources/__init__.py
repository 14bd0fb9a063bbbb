"""Data shipped with Accreditor; a package so importlib.resources can find it."""

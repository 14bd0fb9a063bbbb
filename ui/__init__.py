"""The PySide6 desktop app: thin views and Qt item models over the `accreditor` core.

Nothing here decides anything the CLI or a headless gate would also need; that lives in the core.
"""

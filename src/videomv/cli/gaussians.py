"""Placeholder until the module owner writes it."""


def add_parsers(commands) -> None:
    """Registers nothing yet."""

"""Benchmarks (`make bench`): speed and memory figures, kept apart from the tests."""

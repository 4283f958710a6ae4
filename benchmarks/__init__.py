"""Benchmarks of the engine against its peers (issue #3): run with ``make bench``."""

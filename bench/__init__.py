"""Benchmarks: one command each, printing a table. They are measurements, not tests."""

"""Evaluation: a question set, scoring, a runner with baselines, and open-domain benchmarks."""

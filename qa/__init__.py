"""Retrieve passages and compose an extractive, cited answer, or abstain."""

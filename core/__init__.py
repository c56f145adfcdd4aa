"""Shared types, configuration and text normalisation used by every stage."""

"""Rendering of answers and sources as HTML/Markdown for the browser chat; pure functions, always escaped."""

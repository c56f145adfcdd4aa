"""Read corpus files, clean them into display text, and chunk them with offsets."""

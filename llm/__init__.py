"""Generated answers from an OpenAI-compatible server: prompt, streaming client, verification."""

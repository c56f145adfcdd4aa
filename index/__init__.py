"""Encode chunks, store them (FAISS + BM25) in one directory with a manifest, and search them."""

"""The collection: corpus files → published index. The command line and the app both go through here.

`corpus` adds, replaces and removes files in the corpus folder; `indexer` brings the index up to date with
the folder, re-reading only files whose bytes changed and re-embedding only chunks it has not embedded
before (`cache`); `catalog` lists what the published index holds.
"""

"""The storage engine: index generations on disk, SQLite (schema and numbered migrations), BM25, vectors.

Both sides use it: ingest writes generations, the assistant reads the published one. SQL lives here
and in the register's tables and queries, nowhere else.
"""

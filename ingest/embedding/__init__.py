"""The embedding model: sentence-transformers for ingest, its ONNX export for questions, and the cache."""

"""Understanding papers: sections, item numbering, meeting facts, document type, restriction, chunks.

Pure functions on text that return the plain types of `minutebook.ingest.types`; `house_style`
holds the words councils print, as data.
"""

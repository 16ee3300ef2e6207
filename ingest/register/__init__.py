"""The register's write side: decisions, motions, votes and actions read from minutes, and their tables.

The read side (filters, ranking, answers about decisions) is `minutebook.assistant.register`.
"""

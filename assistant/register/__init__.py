"""The register's read side: finding decisions by topic and filters, their actions, and answers about them."""

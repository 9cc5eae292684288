"""Domain logic. Never imports `telegram`; handlers call these with a DB session."""

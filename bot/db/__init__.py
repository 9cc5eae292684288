"""Storage: engine, models (all tables), migrations."""

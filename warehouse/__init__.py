"""Load stage: the SQLAlchemy warehouse (SQLite embedded by default, PostgreSQL for
real). ``models`` is the schema, ``db`` opens engines, ``load`` writes a run, ``read``
answers the report's questions. No Prefect here."""

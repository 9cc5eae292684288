# Dongtai bot image. Build: docker build -t dongtai .   Run: docker run --env-file .env -v dongtai-data:/app/data dongtai
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
# Dependencies first (cached layer), then the source.
COPY pyproject.toml README.md ./
RUN mkdir -p bot handlers && touch bot/__init__.py handlers/__init__.py \
    && pip install --no-cache-dir -e . && rm -rf bot handlers
COPY alembic.ini babel.cfg ./
COPY bot ./bot
COPY handlers ./handlers
COPY migrations ./migrations
COPY seeds ./seeds
# Compile the gettext catalogs (.mo files are built, not committed).
RUN pybabel compile -d bot/i18n/locales >/dev/null \
    && useradd --create-home --uid 10001 dongtai && mkdir -p /app/data && chown dongtai /app/data
USER dongtai
VOLUME ["/app/data"]
# SQLite under /app/data by default; set DATABASE_URL=postgresql+psycopg://… for PostgreSQL.
CMD ["python", "-m", "bot", "run"]

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
RUN pip install --no-cache-dir . && pybabel compile -q -d bot/i18n/locales || true
COPY alembic.ini babel.cfg ./
COPY migrations ./migrations
COPY seeds ./seeds
RUN useradd --create-home dongtai && mkdir -p /app/data && chown dongtai /app/data
USER dongtai
VOLUME ["/app/data"]
CMD ["python", "-m", "bot", "run"]

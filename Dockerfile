# Dongtai bot image. Build: docker build -t dongtai .   Run: docker run --env-file .env -v dongtai-data:/app/data dongtai
# Reproducible: dependencies are exactly requirements.lock (`make lock`); the bot is installed from its own wheel
# (migrations, seeds and compiled catalogs inside, see setup.py) — no source checkout in the image.

FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
# a C compiler for the tokenizer's optional extension (bot/text/_fastcut.c); the run stage needs none (the wheel
# carries the built module)
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && rm -rf /var/lib/apt/lists/*
COPY requirements.lock ./
# the wheel's build needs setuptools (pinned here) and Babel (from the lock) to compile the .mo catalogs
RUN pip install --no-cache-dir -r requirements.lock "setuptools==84.2.1"
COPY pyproject.toml setup.py README.md alembic.ini ./
COPY bot ./bot
COPY handlers ./handlers
COPY migrations ./migrations
COPY seeds ./seeds
RUN pip wheel --no-cache-dir --no-deps --no-build-isolation -w /wheels .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY requirements.lock ./
RUN pip install --no-cache-dir -r requirements.lock
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir --no-deps /wheels/*.whl && rm -rf /wheels \
    && useradd --create-home --uid 10001 dongtai && mkdir -p /app/data && chown dongtai /app/data
USER dongtai
VOLUME ["/app/data"]
# SQLite under /app/data by default; set DATABASE_URL=postgresql+psycopg://… for PostgreSQL (see compose.yaml).
# Healthy = the store answers, the tick ran within 3 × TICK_SECONDS + 60 s, no digest message waits > 15 min.
HEALTHCHECK --interval=60s --timeout=20s --start-period=180s --retries=3 CMD ["python", "-m", "bot", "health"]
CMD ["python", "-m", "bot", "run"]

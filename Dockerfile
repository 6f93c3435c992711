# Drawdown Watch in a container: the same install as `make install` (the pinned versions of
# constraints.txt, in a venv), run as a non-root user, the database in the /data volume.
#   docker build -t drawdown-watch .
#   docker run -d --name drawdown -e TELEGRAM_BOT_TOKEN -v drawdown-data:/data drawdown-watch
FROM python:3.11-slim

RUN useradd --system --create-home --home-dir /app --shell /usr/sbin/nologin drawdown \
    && install -d -o drawdown -g drawdown /data
WORKDIR /app
COPY --chown=drawdown:drawdown . /app
USER drawdown

# What `make install` runs, without the development tools ('.[dev]') and not editable.
RUN python3 -m venv .venv \
    && .venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt .

ENV DRAWDOWN_DATABASE_URL=sqlite:////data/drawdown.db \
    PATH=/app/.venv/bin:$PATH \
    PYTHONUNBUFFERED=1
VOLUME ["/data"]

# /healthz answers on loopback inside the container ([health] port in config.toml).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9847/healthz', timeout=8)"]

STOPSIGNAL SIGTERM
CMD ["drawdown", "run", "--config", "/app/config.toml"]

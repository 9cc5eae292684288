"""`pip install .` (not editable): the wheel carries migrations, seeds and compiled catalogs, and the installed bot
migrates, loads its seeds, answers lookups in Chinese and reports its health with no source checkout around.

The wheel is built from a copy of the sources (no network: --no-build-isolation with the dev environment's
setuptools and Babel) and installed into a fresh virtual environment; its dependencies come from the dev
environment's site-packages through a .pth file (the editable install there is not visible: .pth files inside an
added path are not processed). Everything runs from an empty working directory.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("bot", "handlers", "migrations", "seeds", "alembic.ini", "pyproject.toml", "setup.py", "README.md")


def _run(args: list[str], *, cwd: Path, env: dict[str, str] | None = None, check: bool = True,
         timeout: float = 240) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(args)} → {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo", "*.so", "_data"))
        else:
            shutil.copy2(source, src / name)
    out = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index",
          "-w", str(out), str(src)], cwd=src)
    [built] = out.glob("dongtai-*.whl")
    return built


def test_the_wheel_carries_migrations_seeds_and_compiled_catalogs(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    versions = sorted(p.name for p in (ROOT / "migrations" / "versions").glob("*.py"))
    assert {f"bot/_data/migrations/versions/{v}" for v in versions} <= names
    assert {"bot/_data/migrations/env.py", "bot/_data/alembic.ini", "bot/_data/seeds/topics.toml",
            "bot/_data/seeds/userdict.txt", "bot/_data/seeds/metric_aliases.toml", "bot/_data/seeds/regions.txt",
            "bot/i18n/locales/zh/LC_MESSAGES/messages.mo", "bot/i18n/locales/en/LC_MESSAGES/messages.mo"} <= names
    packages = {str(p.parent.relative_to(ROOT)) for d in ("bot", "handlers") for p in (ROOT / d).rglob("__init__.py")}
    assert {f"{p}/__init__.py" for p in packages} <= names, "a package is missing from the wheel"
    if shutil.which("cc") or shutil.which("gcc"):  # the tokenizer's C loops (optional: built where a compiler is)
        assert any(n.startswith("bot/text/_fastcut.") and n.endswith((".so", ".pyd")) for n in names), names


def test_the_installed_bot_runs_without_the_checkout(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path)
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index",
          str(wheel)], cwd=tmp_path)
    site = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                cwd=tmp_path).stdout.strip()
    # the dependencies: the dev environment's site-packages (appended after the venv's own)
    Path(site, "_dev_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")

    work = tmp_path / "work"  # an empty directory: nothing of the checkout on sys.path or under the cwd
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DATABASE_URL")}
    env.update(DATABASE_URL="sqlite:///data/dongtai.db", DONGTAI_SEGMENT_WORKERS="0", TELEGRAM_BOT_TOKEN="")

    where = _run([str(python), "-c", "import bot.config as c; print(c.__file__); print(c.PROJECT_ROOT)"],
                 cwd=work, env=env).stdout.split()
    assert all(w.startswith(site) for w in where), where

    assert "migrations applied" in _run([str(python), "-m", "bot", "migrate"], cwd=work, env=env).stdout
    assert (work / "data" / "dongtai.db").is_file()
    seeded = _run([str(python), "-m", "bot", "seed"], cwd=work, env=env).stdout
    assert seeded.count("\n") >= 4, seeded  # one line per seed bulletin, read from the package
    found = _run([str(python), "-m", "bot", "metric", "网上零售额", "--json"], cwd=work, env=env)
    figures = json.loads(found.stdout)
    assert figures and all("网上零售额" in f["metric"] for f in figures), found.stdout
    zh = _run([str(python), "-c", "from bot.i18n import get_translator, LOCALES_DIR; "
               "print(get_translator('zh')._('Choose your language:')); "
               "print((LOCALES_DIR / 'zh/LC_MESSAGES/messages.mo').is_file())"], cwd=work, env=env).stdout.split()
    assert zh == ["请选择语言：", "True"]
    health = _run([str(python), "-m", "bot", "health", "--json"], cwd=work, env=env, check=False)
    report = json.loads(health.stdout)
    assert health.returncode == 1 and report["checks"]["database"]["ok"] and not report["checks"]["tick"]["ok"]


def test_the_lock_pins_every_runtime_dependency_within_pyproject_ranges() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import lock  # tools/lock.py
    finally:
        sys.path.remove(str(ROOT / "tools"))
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version
    needed = lock.closure(lock.project_requirements())
    assert set(needed) <= set(pins), f"not pinned (run `make lock`): {sorted(set(needed) - set(pins))}"
    for req in lock.project_requirements():
        assert Requirement(str(req)).specifier.contains(pins[canonicalize_name(req.name)], prereleases=True), req
    dev = {"pytest", "ruff", "mypy", "reportlab", "setuptools"}
    assert not dev & set(pins), "development tools do not belong in the image"


def test_compose_runs_the_bot_on_postgresql_with_the_health_check() -> None:
    import yaml

    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert set(services) == {"postgres", "bot"}
    bot, db = services["bot"], services["postgres"]
    assert bot["build"] == "." and bot["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert bot["environment"]["DATABASE_URL"].startswith("postgresql+psycopg://dongtai:")
    assert "@postgres:5432/dongtai" in bot["environment"]["DATABASE_URL"]
    assert bot["healthcheck"]["test"] == ["CMD", "python", "-m", "bot", "health"]
    assert "pg_isready" in " ".join(db["healthcheck"]["test"]) and db["environment"]["POSTGRES_DB"] == "dongtai"
    assert "pgdata" in compose["volumes"]


def test_the_image_installs_the_lock_and_the_wheel_and_checks_health() -> None:
    lines = [line.strip() for line in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines()]
    assert any(line.startswith("RUN pip install") and "-r requirements.lock" in line for line in lines)
    assert any("--no-deps /wheels/*.whl" in line for line in lines), "the bot comes from its wheel, not the sources"
    assert not any(line.startswith("RUN") and " -e " in line for line in lines), "no editable install in the image"
    [health] = [line for line in lines if line.startswith("HEALTHCHECK")]
    assert health.endswith('CMD ["python", "-m", "bot", "health"]')
    # the setuptools pin in the build stage satisfies the build requirement
    import tomllib

    build_requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    [pin] = [line.split('"setuptools==')[1].split('"')[0] for line in lines if '"setuptools==' in line]
    setuptools_req = next(Requirement(r) for r in build_requires if r.startswith("setuptools"))
    assert setuptools_req.specifier.contains(pin)

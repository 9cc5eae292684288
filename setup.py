"""Build hook (everything else is in pyproject.toml): a wheel carries what the bot reads at run time besides code.

`pip install .` (not editable) puts into the package:
* ``bot/_data/migrations`` and ``bot/_data/alembic.ini`` — the Alembic scripts, applied at start-up;
* ``bot/_data/seeds`` — topics, metric aliases, regions, the jieba user dictionary and the sample bulletins;
* ``bot/i18n/locales/*/LC_MESSAGES/messages.mo`` — compiled from the committed ``.po`` files (Babel).

`bot.config.PROJECT_ROOT` points at ``bot/_data`` when it exists (an installed wheel), else at the source checkout
(an editable install or a clone, where these files are used in place).

It also builds ``bot.text._fastcut`` (bot/text/_fastcut.c: the tokenizer's hot loops, ~5× faster segmentation) when a
C compiler and the Python headers are at hand. The extension is optional: without it (no compiler, a build error) the
install still succeeds and `bot.text.tokenize` runs its pure-Python loops, which give the very same tokens.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA = ("migrations", "seeds", "alembic.ini")


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # editable installs read migrations, seeds and catalogs from the checkout
        target = Path(self.build_lib) / "bot" / "_data"
        for name in DATA:
            source, dest = ROOT / name, target / name
            if source.is_dir():
                shutil.rmtree(dest, ignore_errors=True)
                shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, dest)
        self._compile_catalogs(Path(self.build_lib) / "bot" / "i18n" / "locales")

    @staticmethod
    def _compile_catalogs(locales: Path) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in sorted((ROOT / "bot" / "i18n" / "locales").glob("*/LC_MESSAGES/*.po")):
            language = po.parent.parent.name
            mo = locales / language / "LC_MESSAGES" / po.with_suffix(".mo").name
            mo.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as fh:
                catalog = read_po(fh, locale=language)
            with mo.open("wb") as fh:
                write_mo(fh, catalog, use_fuzzy=False)


FASTCUT = Extension("bot.text._fastcut", sources=["bot/text/_fastcut.c"], optional=True)

setup(cmdclass={"build_py": BuildPyWithData}, ext_modules=[FASTCUT])

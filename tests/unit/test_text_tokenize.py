"""bot.text.tokenize: the faster tokenizer gives stock jieba's tokens exactly; the worker pool gives the same tokens
as in-process segmentation; batches split evenly."""

from __future__ import annotations

import copy
import importlib
import random
import shutil
import sys
from pathlib import Path
from types import ModuleType

import jieba
import pytest

from bot.text import tokenize
from bot.text.tokenize import USER_DICT, FastTokenizer, chunk_by_size, cut_for_search, cut_for_search_many, tokenizer

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def stock() -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.initialize()
    tok.load_userdict(str(USER_DICT))
    return tok


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [
        "",
        " ",
        "a",
        "中",
        "的的的的",
        "C++ .NET 3.5% A-1 b_c",
        "\r\n\t x  y",
        "\u3000中\x1c文\u2028 \r\r\n\xa0",  # whitespace str.strip() knows: the search tokens drop it
        "ＡＢＣ 2023年1—6月，全国网上零售额达到7.16万亿元，同比增长13.1%。中华人民共和国国务院总理李强主持。",
    ]
    rnd = random.Random(20230905)
    flat = "\n".join(texts)
    for _ in range(200):  # odd cuts through words, numbers and punctuation
        i = rnd.randrange(len(flat))
        texts.append(flat[i : i + rnd.randrange(1, 300)])
    return texts


def test_fast_tokenizer_matches_stock_jieba(stock: jieba.Tokenizer) -> None:
    fast = tokenizer()
    assert isinstance(fast, FastTokenizer)
    for text in _texts():
        assert fast.lcut_for_search(text) == stock.lcut_for_search(text), text[:40]
        assert list(fast.cut_for_search(text)) == list(stock.cut_for_search(text))
        assert fast.lcut(text) == stock.lcut(text)
        assert fast.lcut(text, HMM=False) == stock.lcut(text, HMM=False)
        assert fast.lcut_for_search(text, HMM=False) == stock.lcut_for_search(text, HMM=False)


def test_user_dictionary_is_loaded() -> None:
    words = [
        line.split()[0]
        for line in USER_DICT.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert words
    assert all(tokenizer().FREQ.get(w) for w in words[:50])


def test_chunk_by_size_covers_in_order() -> None:
    sizes = [5, 1, 1, 1, 10, 2, 2, 2, 2, 30]
    for parts in (1, 2, 3, 4, 8, 20):
        ranges = chunk_by_size(sizes, parts)
        assert [i for r in ranges for i in r] == list(range(len(sizes)))
        assert 1 <= len(ranges) <= min(parts, len(sizes))
    assert chunk_by_size([], 4) == []
    assert [len(r) for r in chunk_by_size([1] * 8, 4)] == [2, 2, 2, 2]


def test_small_batches_stay_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DONGTAI_SEGMENT_WORKERS", "0")
    assert tokenize.worker_pool() is None
    texts = ["网上零售额同比增长", "跨境电商"]
    assert cut_for_search_many(texts, min_chars=0) == [cut_for_search(t) for t in texts]


def test_pool_gives_in_process_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DONGTAI_SEGMENT_WORKERS", "2")
    tokenize.shutdown_pool()
    try:
        texts = [t for t in _texts() if t][:60]
        assert tokenize.warm_pool()
        assert cut_for_search_many(texts, min_chars=0) == [cut_for_search(t) for t in texts]
        # reused, not restarted
        pool = tokenize.worker_pool()
        assert cut_for_search_many(texts[:5], min_chars=0) == [cut_for_search(t) for t in texts[:5]]
        assert tokenize.worker_pool() is pool
    finally:
        tokenize.shutdown_pool()
    assert tokenize._pool is None  # noqa: SLF001


def _module_in(tmp_path: Path, name: str, source: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """A module imported from `tmp_path` (which spawned workers find too: they get this process's sys.path)."""
    (tmp_path / f"{name}.py").write_text(source, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, name, raising=False)
    return importlib.import_module(name)


def test_workers_that_cannot_import_their_work_raise_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A module removed from disk under a running program (a deploy): this process still has it, new worker processes
    cannot import it and die before any task returns. That is an error, raised every time, not a quiet fallback."""
    mod = _module_in(tmp_path, "dongtai_vanished_batch", "def double(xs):\n    return [2 * x for x in xs]\n", monkeypatch)
    shutil.rmtree(tmp_path)
    importlib.invalidate_caches()
    monkeypatch.setenv("DONGTAI_SEGMENT_WORKERS", "1")
    tokenize.shutdown_pool()
    try:
        for _ in range(2):  # (the failed pool is dropped: the next call starts, and fails, a new one)
            with pytest.raises(tokenize.WorkerStartError, match="DONGTAI_SEGMENT_WORKERS=0"):
                tokenize.map_batches(mod.double, [1, 2, 3], [1, 1, 1], min_chars=0)
            assert tokenize._pool is None  # noqa: SLF001
        assert not tokenize._pool_broken  # noqa: SLF001
    finally:
        tokenize.shutdown_pool()


def test_a_worker_dying_at_work_after_the_pool_started_falls_back_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = (
        "import multiprocessing, os\n"
        "def double(xs):\n"
        "    if multiprocessing.parent_process() is not None:\n"
        "        os._exit(1)  # killed at work (as by the out-of-memory killer)\n"
        "    return [2 * x for x in xs]\n"
    )
    mod = _module_in(tmp_path, "dongtai_dying_batch", source, monkeypatch)
    monkeypatch.setenv("DONGTAI_SEGMENT_WORKERS", "1")
    tokenize.shutdown_pool()
    try:
        assert tokenize.warm_pool()
        assert tokenize.map_batches(mod.double, [1, 2, 3], [1, 1, 1], min_chars=0) == [2, 4, 6]
        assert tokenize._pool_broken and tokenize.worker_pool() is None  # noqa: SLF001
    finally:
        tokenize.shutdown_pool()


def test_hmm_cut_matches_finalseg() -> None:
    from jieba import finalseg

    from bot.text.tokenize import _hmm_cut

    rnd = random.Random(7)
    han = [c for c in "\n".join(_texts()) if "\u4e00" <= c <= "\u9fd5"]
    samples = ["", "中", "魑魅魍魉", "abc中文x1.5%的"] + [
        "".join(rnd.choice(han) for _ in range(rnd.randrange(2, 30))) for _ in range(500)
    ]
    for text in samples:
        out: list[str] = []
        _hmm_cut(text, out)
        assert out == list(finalseg.cut(text)), text


def test_dictionary_changes_reach_segmentation(stock: jieba.Tokenizer) -> None:
    fast = FastTokenizer()
    fast.initialize()
    fast.load_userdict(str(USER_DICT))
    text = "跨境电商零售进口额同比增长"
    assert fast.lcut(text) == stock.lcut(text)
    fast.add_word("零售进口额", 100000)
    assert "零售进口额" in fast.lcut(text)
    fast.del_word("零售进口额")
    assert fast.lcut(text) == stock.lcut(text)


def _fast_and_pure(monkeypatch: pytest.MonkeyPatch) -> tuple[FastTokenizer, FastTokenizer]:
    """The shared tokenizer with its C loops, and a copy running only the pure-Python ones (the HMM too: the C loops
    run runs of Han characters through the C Viterbi directly, the Python ones call `_hmm_words`)."""
    fast = tokenizer()
    assert isinstance(fast, FastTokenizer)
    if fast._accel is None:  # noqa: SLF001
        pytest.skip("bot.text._fastcut not built (no C compiler): the pure-Python loops are the only ones")
    pure = copy.copy(fast)
    pure._accel = None  # noqa: SLF001
    monkeypatch.setattr(tokenize, "_hmm_words", tokenize._hmm_words_py)  # noqa: SLF001
    return fast, pure


def test_c_loops_give_the_pure_python_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    """`bot.text._fastcut` (built by `make install`) and the pure-Python fallback loops: the same tokens, on every
    seed bulletin and on odd cuts through them (the search index and the queries must not depend on the build)."""
    fast, pure = _fast_and_pure(monkeypatch)
    bulletins = sorted(SEEDS.glob("0*.txt"))
    assert bulletins
    for text in _texts():
        assert fast.lcut_for_search(text) == pure.lcut_for_search(text), text[:40]
        assert fast.lcut(text) == pure.lcut(text), text[:40]
        assert fast._route(text) == pure._route_py(text)  # noqa: SLF001
        assert fast.search_tokens(text) == pure.search_tokens(text), text[:40]
        assert fast.search_tokens(text) == [t for t in fast.lcut_for_search(text) if t.strip()], text[:40]
    for path in bulletins:  # whole, as ingest segments an article body
        text = path.read_text(encoding="utf-8")
        assert fast.lcut_for_search(text) == pure.lcut_for_search(text), path.name


def test_c_viterbi_matches_the_python_one() -> None:
    if tokenize._accel is None:  # noqa: SLF001
        pytest.skip("bot.text._fastcut not built")
    rnd = random.Random(11)
    han = [c for c in "\n".join(_texts()) if "\u4e00" <= c <= "\u9fd5"] + ["\u9fd5", "\u4e00", "魑"]
    samples = ["中", "魑魅魍魉"] + ["".join(rnd.choice(han) for _ in range(rnd.randrange(1, 40))) for _ in range(2000)]
    for text in samples:
        c_out: list[str] = []
        py_out: list[str] = []
        tokenize._accel.hmm_words(text, c_out)  # noqa: SLF001
        tokenize._hmm_words_py(text, py_out)  # noqa: SLF001
        assert c_out == py_out, text


def test_c_loops_follow_dictionary_changes() -> None:
    if tokenize._accel is None:  # noqa: SLF001
        pytest.skip("bot.text._fastcut not built")
    fast = FastTokenizer()
    fast.initialize()
    text = "跨境电商零售进口额同比增长"
    before = fast.lcut(text)
    fast.add_word("零售进口额", 100000)
    assert "零售进口额" in fast.lcut(text)
    pure = copy.copy(fast)
    pure._accel = None  # noqa: SLF001
    assert fast.lcut_for_search(text) == pure.lcut_for_search(text)
    fast.del_word("零售进口额")  # a word forced apart (finalseg.Force_Split_Words): the HMM's Python path
    assert fast.lcut(text) == before
    pure = copy.copy(fast)
    pure._accel = None  # noqa: SLF001
    assert fast.lcut_for_search(text + "零售进口额") == pure.lcut_for_search(text + "零售进口额")

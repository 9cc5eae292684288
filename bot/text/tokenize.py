"""jieba behind one interface: an own tokenizer instance (`FastTokenizer`: stock jieba's tokens, faster) with the
user dictionary from seeds/. Indexing and querying both segment through here, so they always agree.

Segmentation was the dominant cost of ingestion (~1.5 MB/s per core in Python, ~9 with the C loops of `_fastcut`),
so large batches can run in a pool of worker processes (`worker_pool()`): started lazily on first use (~1 s), reused
afterwards, each worker loading the same tokenizer and user dictionary once (~135 MB resident each). The pool uses the
*spawn* start method (safe from a process that runs threads, like the bot with `asyncio.to_thread`), is shared by all
threads, ignores Ctrl-C in the workers and is shut down at interpreter exit (or by `shutdown_pool()`). Work falls
back to in-process when the pool is disabled (`DONGTAI_SEGMENT_WORKERS=0`, one CPU, or a program started as a plain
script whose top level a spawned worker would re-run) or broken by a worker dying at work; workers that die before
returning any task cannot start (a module failing to import in a new process): that raises `WorkerStartError`.

    cut_for_search_many(texts)                  # token lists, in order; in the pool for large inputs
    start_batches(func, items, sizes)() / map_batches(...)   # any picklable batch function, same rules
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from math import log
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import jieba
from jieba import finalseg
from jieba import re_han_default as _RE_HAN
from jieba import re_skip_default as _RE_SKIP
from jieba._compat import strdecode

from bot.config import PROJECT_ROOT, get_settings

#: the version of bot/text/_fastcut.c these calls are written for (a stale build is not used)
_ACCEL_VERSION = 3
_accel: ModuleType | None
try:  # the hot loops in C (bot/text/_fastcut.c, built by `pip install` when a compiler is at hand): same tokens
    from bot.text import _fastcut as _accel
except ImportError:  # pragma: no cover - a checkout or image built without a C compiler: the pure-Python loops
    _accel = None
if _accel is not None and getattr(_accel, "VERSION", None) != _ACCEL_VERSION:  # pragma: no cover - run make install
    _accel = None

USER_DICT = PROJECT_ROOT / "seeds" / "userdict.txt"

#: below this many characters a batch is segmented in-process (~8 ms of jieba; a pool round trip costs ~1 ms)
POOL_MIN_CHARS = 8_000
#: worker processes (see `pool_workers`)
_WORKERS_ENV = "DONGTAI_SEGMENT_WORKERS"

jieba.setLogLevel(logging.WARNING)
_lock = threading.Lock()
logger = logging.getLogger(__name__)

#: below every word's score (log probabilities are finite): no word starts here yet
_NO_SCORE = float("-inf")

T = TypeVar("T")
R = TypeVar("R")


class FastTokenizer(jieba.Tokenizer):
    """`jieba.Tokenizer` with a faster default (HMM) segmentation path and a list-building search mode.

    Same algorithm, same tokens (tests compare it with stock jieba on every seed): the prefix-dictionary scan
    (`get_DAG`) and the best-route dynamic programme (`calc`) run in one right-to-left pass without building the DAG
    dict or the per-position tuples, and `lcut_for_search` builds its list directly instead of chaining three
    generators. Scores are computed with the very same float operations in the same order (`log(f) - logtotal +
    route`, the first difference looked up in a table built once per dictionary: `_logp`), ties go to the longer
    word as in `max((score, x))`; runs of unknown characters go through the same HMM as `finalseg.cut`, with its
    Viterbi unrolled (`_hmm_cut`). About 1.8-2× faster than stock jieba 0.42.1 (the table costs ~0.3 s at start-up
    and some 40 MB per process).

    The loops over characters (block split, route, runs of single characters, jieba's HMM for unknown runs,
    search-mode sub-words) run in C when `bot.text._fastcut` is built (`make install` / `pip install` with a C
    compiler; ~9 MB/s on the seeds, about 5× the pure-Python loops and 8× stock jieba; a hash table of `_logp` adds
    ~25 MB per process). Without the extension the `_py` methods run: the same tokens (tested).
    """

    def _logp(self) -> dict[str, float]:
        """`FREQ` with each word's `log(f) - logtotal` (the very float `_route` would compute) and 0.0 for a
        prefix that is no word (frequency 0): the same keys and the same truth values as `FREQ`. Rebuilt when the
        dictionary changes (`initialize`, `add_word`)."""
        key: tuple[int, int] | None = (id(self.FREQ), self.total)
        if getattr(self, "_logp_key", None) != key:
            logtotal = log(self.total)
            self._logp_dict = {w: log(f) - logtotal if f else 0.0 for w, f in self.FREQ.items()}
            # the same in the C loops' hash table (some 25 MB more per process)
            self._logp_table = self._accel.Table(self._logp_dict) if self._accel is not None else None
            self._logp_key = key
        return self._logp_dict

    def _table(self) -> Any:
        """`_logp()` as the C loops read it (`_fastcut.Table`), rebuilt with it."""
        self._logp()
        return self._logp_table

    def add_word(self, word: str, freq: int | None = None, tag: str | None = None) -> None:
        super().add_word(word, freq, tag)
        self._logp_key = None

    #: the C loops (`bot.text._fastcut`), or None: the pure-Python methods (`_route_py`, `_cut_han_py`,
    #: `_for_search_py`) give the very same tokens (tests compare both on the seeds)
    _accel = _accel

    def _route(self, sentence: str) -> list[int]:
        if self._accel is not None:
            return self._accel.route(sentence, self._table(), 0.0 - log(self.total))
        return self._route_py(sentence)

    def _route_py(self, sentence: str) -> list[int]:
        """ends[k]: the last index of the best first word starting at k (jieba's `route[k][1]`). The candidate ends
        i are tried in increasing order, so a tie with the best so far always goes to the later, longer word (as in
        jieba's `max((score, x))`): `>=` is that rule."""
        get = self._logp().get
        unknown = 0.0 - log(self.total)  # DAG[k] == [k]: an unknown or zero-frequency character, log(1) == 0
        n = len(sentence)
        scores = [0.0] * (n + 1)
        ends = [0] * (n + 1)
        for k in range(n - 1, -1, -1):
            best_s = _NO_SCORE
            best_x = k
            i = k
            frag = sentence[k]
            while True:
                lp = get(frag)
                if lp is None:
                    break
                if lp:  # a word (log(f) - logtotal < 0); 0.0: a prefix only
                    sc = lp + scores[i + 1]
                    if sc >= best_s:
                        best_s = sc
                        best_x = i
                i += 1
                if i >= n:
                    break
                frag = sentence[k : i + 1]
            scores[k] = unknown + scores[k + 1] if best_s == _NO_SCORE else best_s
            ends[k] = best_x
        return ends

    def _cut_han(self, sentence: str, out: list[str]) -> None:
        """jieba's `__cut_DAG` (HMM on), appending to `out`."""
        if self._accel is not None:
            self._accel.cut_han(sentence, self._table(), 0.0 - log(self.total), self.FREQ, _hmm_cut, out)
        else:
            self._cut_han_py(sentence, out)

    def _cut_han_py(self, sentence: str, out: list[str]) -> None:
        ends = self._route(sentence)
        n = len(sentence)
        x = 0
        buf = ""
        while x < n:
            y = ends[x] + 1
            if y - x == 1:
                buf += sentence[x]
            else:
                if buf:
                    self._cut_run(buf, out)
                    buf = ""
                out.append(sentence[x:y])
            x = y
        if buf:
            self._cut_run(buf, out)

    def _cut_run(self, buf: str, out: list[str]) -> None:
        """A run of single-character words, appended to `out` as jieba does: one character as it is, a run the
        dictionary does not know through the HMM (`finalseg`), a known one character by character."""
        if len(buf) == 1:
            out.append(buf)
        elif not self.FREQ.get(buf):
            _hmm_cut(buf, out)
        else:
            out.extend(buf)

    def _Tokenizer__cut_DAG(self, sentence: str) -> Iterator[str]:  # noqa: N802 - overrides jieba's private one
        self.check_initialized()
        out: list[str] = []
        self._cut_han(sentence, out)
        return iter(out)

    def _words(self, sentence: str) -> list[str]:
        """`lcut(sentence)` (precise mode, HMM on)."""
        self.check_initialized()
        if self._accel is not None:
            return self._accel.words(sentence, self._table(), 0.0 - log(self.total), self.FREQ, _hmm_cut)
        return self._words_py(sentence)

    def _words_py(self, sentence: str) -> list[str]:
        out: list[str] = []
        for blk in _RE_HAN.split(sentence):
            if not blk:
                continue
            if _RE_HAN.match(blk):
                self._cut_han(blk, out)
            else:
                for x in _RE_SKIP.split(blk):
                    if _RE_SKIP.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out

    def lcut_for_search(self, sentence: str, HMM: bool = True) -> list[str]:  # type: ignore[override]  # noqa: N803
        if not HMM:
            return list(super().cut_for_search(sentence, HMM=False))
        words = self._words(strdecode(sentence))
        if self._accel is not None:
            return self._accel.for_search(words, self.FREQ)
        return self._for_search_py(words)

    def _for_search_py(self, words: list[str]) -> list[str]:
        """Each word preceded by its two- and three-character sub-words the dictionary knows (search mode)."""
        get = self.FREQ.get
        out: list[str] = []
        for w in words:
            n = len(w)
            if n > 2:
                for i in range(n - 1):
                    if get(w[i : i + 2]):
                        out.append(w[i : i + 2])
                if n > 3:
                    for i in range(n - 2):
                        if get(w[i : i + 3]):
                            out.append(w[i : i + 3])
            out.append(w)
        return out

    def cut_for_search(self, sentence: str, HMM: bool = True) -> Iterator[str]:  # type: ignore[override]  # noqa: N803
        return iter(self.lcut_for_search(sentence, HMM))

    def search_tokens(self, sentence: str) -> list[str]:
        """`lcut_for_search(sentence)` without the tokens made of whitespace only (what the search index stores)."""
        if self._accel is not None:
            words = self._words(strdecode(sentence))
            return self._accel.for_search(words, self.FREQ, True)
        return [t for t in self.lcut_for_search(sentence) if t.strip()]


# ------------------------------------------------------------------------------------------- HMM (jieba.finalseg)

_MIN_FLOAT = finalseg.MIN_FLOAT
_START = finalseg.start_P
_EMIT_B, _EMIT_M, _EMIT_E, _EMIT_S = (finalseg.emit_P[s] for s in "BMES")
_T_BE, _T_BM = finalseg.trans_P["B"]["E"], finalseg.trans_P["B"]["M"]
_T_EB, _T_ES = finalseg.trans_P["E"]["B"], finalseg.trans_P["E"]["S"]
_T_ME, _T_MM = finalseg.trans_P["M"]["E"], finalseg.trans_P["M"]["M"]
_T_SB, _T_SS = finalseg.trans_P["S"]["B"], finalseg.trans_P["S"]["S"]


def _viterbi(obs: str) -> str:
    """`finalseg.viterbi(obs, "BMES", ...)`'s state path, as a string: the same sums in the same order, ties
    resolved as its `max((prob, state))` does (the later letter wins: S over E, M over B), back-pointers instead of
    copied path lists."""
    c = obs[0]
    miss = _MIN_FLOAT
    v_b = _START["B"] + _EMIT_B.get(c, miss)
    v_m = _START["M"] + _EMIT_M.get(c, miss)
    v_e = _START["E"] + _EMIT_E.get(c, miss)
    v_s = _START["S"] + _EMIT_S.get(c, miss)
    back: list[tuple[str, str, str, str]] = []  # per position from 1: the previous state of B, M, E, S
    for c in obs[1:]:
        em = _EMIT_B.get(c, miss)  # B after E or S
        p, q = v_e + _T_EB + em, v_s + _T_SB + em
        n_b, f_b = (q, "S") if q >= p else (p, "E")
        em = _EMIT_M.get(c, miss)  # M after M or B
        p, q = v_m + _T_MM + em, v_b + _T_BM + em
        n_m, f_m = (p, "M") if p >= q else (q, "B")
        em = _EMIT_E.get(c, miss)  # E after B or M
        p, q = v_b + _T_BE + em, v_m + _T_ME + em
        n_e, f_e = (q, "M") if q >= p else (p, "B")
        em = _EMIT_S.get(c, miss)  # S after S or E
        p, q = v_s + _T_SS + em, v_e + _T_ES + em
        n_s, f_s = (p, "S") if p >= q else (q, "E")
        back.append((f_b, f_m, f_e, f_s))
        v_b, v_m, v_e, v_s = n_b, n_m, n_e, n_s
    state = "S" if v_s >= v_e else "E"
    path = [state]
    for prev in reversed(back):
        state = prev["BMES".index(state)]
        path.append(state)
    path.reverse()
    return "".join(path)


def _hmm_words_py(sentence: str, out: list[str]) -> None:
    """finalseg's `__cut` of one run of Han characters, appended to `out`."""
    pos_list = _viterbi(sentence)
    begin = nexti = 0
    for i, pos in enumerate(pos_list):
        if pos == "B":
            begin = i
        elif pos == "E":
            out.append(sentence[begin : i + 1])
            nexti = i + 1
        elif pos == "S":
            out.append(sentence[i])
            nexti = i + 1
    if nexti < len(sentence):
        out.append(sentence[nexti:])


if _accel is not None:  # the same Viterbi in C, over the very floats of finalseg's tables
    _accel.set_hmm(
        (_EMIT_B, _EMIT_M, _EMIT_E, _EMIT_S),
        tuple(_START[s] for s in "BMES"),
        _MIN_FLOAT,
        (_T_BE, _T_BM, _T_EB, _T_ES, _T_ME, _T_MM, _T_SB, _T_SS),
        finalseg.Force_Split_Words,
    )
    _hmm_words: Callable[[str, list[str]], None] = _accel.hmm_words
else:  # pragma: no cover - built without the C extension
    _hmm_words = _hmm_words_py


def _hmm_cut(sentence: str, out: list[str]) -> None:
    """`finalseg.cut(sentence)` (jieba's HMM for unknown words), appended to `out`: same words, faster."""
    for blk in finalseg.re_han.split(sentence):
        if finalseg.re_han.match(blk):
            if finalseg.Force_Split_Words:
                words: list[str] = []
                _hmm_words(blk, words)
                for word in words:
                    if word in finalseg.Force_Split_Words:
                        out.extend(word)
                    else:
                        out.append(word)
            else:
                _hmm_words(blk, out)
        else:
            out.extend(x for x in finalseg.re_skip.split(blk) if x)


@lru_cache(maxsize=1)
def tokenizer(user_dict: Path = USER_DICT) -> jieba.Tokenizer:
    """The shared segmenter, initialised once (thread-safe) with the project's user dictionary."""
    with _lock:
        tok = FastTokenizer()
        tok.initialize()
        if user_dict.exists():
            tok.load_userdict(str(user_dict))
        tok._logp()  # noqa: SLF001 - built at start-up (~0.4 s), not in the first segmentation
        return tok


def cut(text: str) -> list[str]:
    """Precise-mode tokens, whitespace dropped."""
    return [t for t in tokenizer().lcut(text) if t.strip()]


def cut_for_search(text: str) -> list[str]:
    """Search-mode tokens (long words also yield their sub-words), whitespace dropped."""
    tok = tokenizer()
    if isinstance(tok, FastTokenizer):
        return tok.search_tokens(text)
    return [t for t in tok.lcut_for_search(text) if t.strip()]


# --------------------------------------------------------------------------------------------------- worker pool

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()
_pool_broken = False
#: a task of the current pool has returned: its workers start (a pool that breaks before is `WorkerStartError`)
_pool_ready = False


class WorkerStartError(RuntimeError):
    """The pool's worker processes died before returning any task: they cannot start (a module that fails to import
    in a fresh interpreter, such as code changed or removed on disk under a running program). The workers'
    tracebacks are on this process's stderr."""


def _main_reimport_is_safe() -> bool:
    """Spawned workers re-import the `__main__` module: safe for `python -m pkg` (its `if __name__ == "__main__"`
    block does not run again) and interactive sessions; a plain script might not guard its top-level code."""
    main = sys.modules.get("__main__")
    return main is None or getattr(main, "__spec__", None) is not None or not hasattr(main, "__file__")


def _configured_workers() -> int | None:
    """The setting from `.env` (Settings), when it names a number of workers (-1 = automatic)."""
    try:
        value = get_settings().dongtai_segment_workers
    except Exception:  # invalid configuration is reported by the program's entry point, not here
        return None
    return value if value >= 0 else None


def pool_workers() -> int:
    """Worker processes the pool would use (0: no pool). `DONGTAI_SEGMENT_WORKERS` sets the number (0 disables
    the pool); by default the usable CPU cores (at most 4, none on one core), and only when the program was started
    as a module (`python -m bot`, `python -m benchmarks`) — see `_main_reimport_is_safe`."""
    raw = os.environ.get(_WORKERS_ENV, "").strip()
    if raw:
        try:
            if int(raw) >= 0:
                return int(raw)
        except ValueError:
            logger.warning("%s=%r is not a number; using the default", _WORKERS_ENV, raw)
    else:
        configured = _configured_workers()
        if configured is not None:
            return configured
    if not _main_reimport_is_safe():
        return 0
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return min(4, cores) if cores > 1 else 0


def _init_worker() -> None:
    # Ctrl-C reaches the whole process group: the parent decides what happens, it shuts the pool down
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    tokenizer()  # dictionary load once per worker, before the first task


def worker_pool() -> Executor | None:
    """The shared segmentation pool (started on first call), or None when disabled or broken."""
    global _pool, _pool_ready
    n = pool_workers()  # checked on every call: setting DONGTAI_SEGMENT_WORKERS=0 turns a running pool off too
    if n <= 0 or _pool_broken:
        return None
    if _pool is not None:
        return _pool
    with _pool_lock:
        if _pool is None:
            ctx = multiprocessing.get_context("spawn")
            _pool = ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_init_worker)
            _pool_ready = False
            logger.info("segmentation pool: %d worker processes", n)
        return _pool


def warm_pool() -> bool:
    """Start the pool's workers and wait until each has loaded the dictionary (True when a pool runs)."""
    pool = worker_pool()
    if pool is None:
        return False
    n = pool_workers()
    try:
        list(pool.map(_noop, range(n * 4), chunksize=1))
    except BrokenProcessPool as exc:
        _pool_broke(pool, exc)
        return False
    _started(pool)
    return True


def _noop(_: int) -> None:
    return None


def _started(pool: Executor) -> None:
    """A task of `pool` returned: its workers start."""
    global _pool_ready
    with _pool_lock:
        if pool is _pool:
            _pool_ready = True


def _pool_broke(pool: Executor, exc: BaseException) -> None:
    """`pool` broke (a worker process died). Before any of its tasks returned, its workers cannot start: the pool is
    shut down (the next call starts a new one) and `WorkerStartError` raised: a broken installation fails loudly,
    every time, rather than quietly segmenting in-process (or waiting on workers that never run). Afterwards (a worker killed while working: out of memory),
    work goes on in-process (`_mark_broken`)."""
    global _pool
    with _pool_lock:
        if pool is not _pool:
            return  # (seen by another thread already)
        failed_start = not _pool_ready
        if failed_start:
            _pool = None
    if not failed_start:
        _mark_broken()
        return
    pool.shutdown(wait=False, cancel_futures=True)
    raise WorkerStartError(
        "the segmentation worker processes exited before running any task: they cannot start (their traceback "
        f"is above; often a module that fails to import in a new process). Set {_WORKERS_ENV}=0 to segment "
        "in-process."
    ) from exc


def _mark_broken() -> None:
    global _pool, _pool_broken
    logger.warning("segmentation pool broke; segmenting in-process from now on")
    with _pool_lock:
        old, _pool, _pool_broken = _pool, None, True
    if old is not None:
        old.shutdown(wait=False, cancel_futures=True)


def shutdown_pool() -> None:
    """Stop the worker processes (a later call to `worker_pool()` starts a new pool)."""
    global _pool, _pool_broken
    with _pool_lock:
        old, _pool, _pool_broken = _pool, None, False
    if old is not None:
        old.shutdown(wait=True, cancel_futures=True)


atexit.register(shutdown_pool)


def chunk_by_size(sizes: Sequence[int], parts: int) -> list[range]:
    """Split indices 0..len(sizes) into at most `parts` consecutive ranges of about equal total size."""
    n = len(sizes)
    if n == 0:
        return []
    parts = max(1, min(parts, n))
    total = sum(sizes) or 1
    bounds, acc, k = [0], 0, 1
    for i, s in enumerate(sizes):
        acc += s
        if k < parts and acc >= total * k / parts and i + 1 < n:
            bounds.append(i + 1)
            k += 1
    bounds.append(n)
    return [range(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def start_batches(
    func: Callable[[list[T]], list[R]], items: Sequence[T], sizes: Sequence[int], *, min_chars: int | None = None
) -> Callable[[], list[R]]:
    """Start `func` over `items` in batches and return a function that waits for the results (one per item, in
    order). The batches run in the worker pool when the items total at least `min_chars` characters
    (`POOL_MIN_CHARS` by default) and a pool is available; otherwise `func` runs in-process when the results are
    asked for. `func` must be a picklable module-level function mapping a list of items to one result per item."""
    threshold = POOL_MIN_CHARS if min_chars is None else min_chars
    batch = list(items)
    pool = worker_pool() if sum(sizes) >= threshold and len(batch) > 1 else None
    if pool is None:
        return lambda: func(batch)
    ranges = chunk_by_size(sizes, 4 * pool_workers())
    try:
        futures = [pool.submit(func, batch[r.start : r.stop]) for r in ranges]
    except BrokenProcessPool as exc:
        _pool_broke(pool, exc)
        return lambda: func(batch)
    except RuntimeError:  # shut down at exit
        _mark_broken()
        return lambda: func(batch)

    def wait() -> list[R]:
        try:
            out: list[R] = []
            for fut in futures:
                out.extend(fut.result())
        except BrokenProcessPool as exc:
            _pool_broke(pool, exc)
            return func(batch)
        _started(pool)
        return out

    return wait


def map_batches(
    func: Callable[[list[T]], list[R]], items: Sequence[T], sizes: Sequence[int], *, min_chars: int | None = None
) -> list[R]:
    """`start_batches(...)()`: the results of `func` over `items`, in the pool for large inputs."""
    return start_batches(func, items, sizes, min_chars=min_chars)()


def _cut_many(texts: list[str]) -> list[list[str]]:
    return [cut_for_search(t) for t in texts]


def cut_for_search_many(texts: Sequence[str], *, min_chars: int | None = None) -> list[list[str]]:
    """`cut_for_search` of every text (same tokens), in the worker pool for large inputs."""
    return map_batches(_cut_many, texts, [len(t) for t in texts], min_chars=min_chars)

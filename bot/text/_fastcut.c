/* The hot loops of bot.text.tokenize.FastTokenizer in C (optional: the pure-Python methods give the very same
 * tokens and are used when this module is not built; tests compare both on the seed bulletins).
 *
 *   Table(logp)                                            FastTokenizer._logp() in a C hash table
 *   route(sentence, table, unknown) -> list[int]           FastTokenizer._route_py
 *   cut_han(sentence, table, unknown, freq, hmm_cut, out)  FastTokenizer._cut_han_py, appending to out
 *   words(sentence, table, unknown, freq, hmm_cut)         FastTokenizer._words_py (precise mode, HMM on): list[str]
 *   for_search(words, freq[, drop_blank]) -> list[str]     FastTokenizer._for_search_py (search-mode sub-words)
 *
 *   set_hmm(...), hmm_words(sentence, out)                 jieba.finalseg's model; tokenize._hmm_words_py
 *
 * Runs of single characters the dictionary does not know go through the HMM: straight to hmm_words when they are
 * all Han characters (finalseg.re_han) and no word is forced apart (finalseg.Force_Split_Words), else to the Python
 * callable hmm_cut(buf, out) (tokenize._hmm_cut). Same dictionary contents (a Table is a copy of the `_logp` dict, code point for code point;
 * FREQ is read as the dict itself), same float operations in the same order (IEEE double additions and
 * comparisons), same tie rule (`>=`: the later, longer word wins).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* ---------------------------------------------------------------------------------------------------- Table
 * A read-only copy of a {str: float} dict (FastTokenizer._logp) in an open-addressing hash table keyed by the code
 * points, hashed with FNV-1a one code point at a time: the route extends a fragment by one character and its hash
 * by one step, with no substring object and no rehash. Lookups give what the dict gives (the same float). */

typedef struct {
    uint64_t hash;
    uint32_t offset; /* into pool */
    uint32_t length; /* 0: empty slot */
    double value;
} Slot;

typedef struct {
    PyObject_HEAD
    Slot *slots;
    uint64_t mask;
    Py_UCS4 *pool;
    Py_ssize_t size;
} Table;

#define FNV_OFFSET 14695981039346656037ULL
#define FNV_PRIME 1099511628211ULL

static inline uint64_t
fnv_step(uint64_t h, Py_UCS4 c)
{
    return (h ^ (uint64_t)c) * FNV_PRIME;
}

static void
Table_dealloc(Table *self)
{
    PyMem_Free(self->slots);
    PyMem_Free(self->pool);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
Table_init(Table *self, PyObject *args, PyObject *kwds)
{
    PyObject *dict;
    if (!PyArg_ParseTuple(args, "O!:Table", &PyDict_Type, &dict))
        return -1;
    PyMem_Free(self->slots);
    PyMem_Free(self->pool);
    self->slots = NULL;
    self->pool = NULL;
    Py_ssize_t count = PyDict_GET_SIZE(dict), chars = 0, pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(dict, &pos, &key, &value)) {
        if (!PyUnicode_Check(key) || PyUnicode_GET_LENGTH(key) == 0 || !PyFloat_Check(value)) {
            PyErr_SetString(PyExc_TypeError, "Table: keys must be non-empty str, values float");
            return -1;
        }
        chars += PyUnicode_GET_LENGTH(key);
    }
    if (chars >= (Py_ssize_t)UINT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "Table: too many characters");
        return -1;
    }
    uint64_t n_slots = 16;
    while (n_slots < (uint64_t)count * 2)
        n_slots <<= 1;
    self->slots = PyMem_Calloc((size_t)n_slots, sizeof(Slot));
    self->pool = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(chars + 1));
    if (self->slots == NULL || self->pool == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->mask = n_slots - 1;
    self->size = count;
    uint32_t used = 0;
    pos = 0;
    while (PyDict_Next(dict, &pos, &key, &value)) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(key);
        int kind = PyUnicode_KIND(key);
        const void *data = PyUnicode_DATA(key);
        uint64_t h = FNV_OFFSET;
        for (Py_ssize_t j = 0; j < len; j++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, j);
            self->pool[used + j] = c;
            h = fnv_step(h, c);
        }
        uint64_t at = h & self->mask;
        while (self->slots[at].length != 0)
            at = (at + 1) & self->mask; /* keys of a dict are distinct: no update needed */
        self->slots[at].hash = h;
        self->slots[at].offset = used;
        self->slots[at].length = (uint32_t)len;
        self->slots[at].value = PyFloat_AS_DOUBLE(value);
        used += (uint32_t)len;
    }
    return 0;
}

/* the slot of text[0:len] (hash h), or NULL */
static inline const Slot *
table_find(const Table *t, uint64_t h, const Py_UCS4 *text, Py_ssize_t len)
{
    uint64_t at = h & t->mask;
    for (;;) {
        const Slot *s = &t->slots[at];
        if (s->length == 0)
            return NULL;
        if (s->hash == h && s->length == (uint32_t)len &&
            memcmp(t->pool + s->offset, text, sizeof(Py_UCS4) * (size_t)len) == 0)
            return s;
        at = (at + 1) & t->mask;
    }
}

static Py_ssize_t
Table_len(Table *self)
{
    return self->size;
}

static PySequenceMethods Table_as_sequence = {
    .sq_length = (lenfunc)Table_len,
};

static PyTypeObject TableType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "bot.text._fastcut.Table",
    .tp_doc = "Table(logp: dict[str, float]): a read-only copy of FastTokenizer._logp for route/cut_han",
    .tp_basicsize = sizeof(Table),
    .tp_itemsize = 0,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Table_init,
    .tp_dealloc = (destructor)Table_dealloc,
    .tp_as_sequence = &Table_as_sequence,
};

/* ------------------------------------------------------------------------------------------------------ HMM
 * jieba.finalseg's Viterbi over B/M/E/S (tokenize._viterbi, _hmm_words): the same sums in the same order, the same
 * tie rules. The model is handed over once by set_hmm (the very floats of finalseg's tables). */

static struct {
    PyObject *emit[4]; /* B, M, E, S: {character: log probability} */
    PyObject *force_split; /* finalseg.Force_Split_Words (a set jieba changes in place) */
    double start[4];
    double miss;
    double t_be, t_bm, t_eb, t_es, t_me, t_mm, t_sb, t_ss;
    int ready;
} hmm;

static PyObject *
fastcut_set_hmm(PyObject *self, PyObject *args)
{
    PyObject *emit[4], *force_split;
    double start[4], miss, t[8];
    if (!PyArg_ParseTuple(args, "(O!O!O!O!)(dddd)d(dddddddd)O!:set_hmm", &PyDict_Type, &emit[0], &PyDict_Type,
                          &emit[1], &PyDict_Type, &emit[2], &PyDict_Type, &emit[3], &start[0], &start[1], &start[2],
                          &start[3], &miss, &t[0], &t[1], &t[2], &t[3], &t[4], &t[5], &t[6], &t[7], &PySet_Type,
                          &force_split))
        return NULL;
    for (int j = 0; j < 4; j++) {
        Py_INCREF(emit[j]);
        Py_XSETREF(hmm.emit[j], emit[j]);
        hmm.start[j] = start[j];
    }
    Py_INCREF(force_split);
    Py_XSETREF(hmm.force_split, force_split);
    hmm.miss = miss;
    hmm.t_be = t[0], hmm.t_bm = t[1], hmm.t_eb = t[2], hmm.t_es = t[3];
    hmm.t_me = t[4], hmm.t_mm = t[5], hmm.t_sb = t[6], hmm.t_ss = t[7];
    hmm.ready = 1;
    Py_RETURN_NONE;
}

/* emit[j].get(ch, miss) for the four states; -1 on error */
static int
emissions(PyObject *sentence, Py_ssize_t i, double em[4])
{
    PyObject *ch = PyUnicode_Substring(sentence, i, i + 1);
    if (ch == NULL)
        return -1;
    for (int j = 0; j < 4; j++) {
        PyObject *v = PyDict_GetItemWithError(hmm.emit[j], ch); /* borrowed */
        if (v == NULL) {
            if (PyErr_Occurred()) {
                Py_DECREF(ch);
                return -1;
            }
            em[j] = hmm.miss;
        }
        else {
            em[j] = PyFloat_AsDouble(v);
            if (em[j] == -1.0 && PyErr_Occurred()) {
                Py_DECREF(ch);
                return -1;
            }
        }
    }
    Py_DECREF(ch);
    return 0;
}

enum { B = 0, M = 1, E = 2, S = 3 };

/* _hmm_words(sentence[a:b], out) */
static int
hmm_words_range(PyObject *sentence, Py_ssize_t a, Py_ssize_t b, PyObject *out)
{
    Py_ssize_t n = b - a;
    if (n <= 0)
        return 0;
    /* back[4 * i + s]: the previous state of state s at position i (from 1) */
    unsigned char *back = PyMem_Malloc((size_t)(4 * n));
    unsigned char *path = PyMem_Malloc((size_t)n);
    if (back == NULL || path == NULL) {
        PyMem_Free(back);
        PyMem_Free(path);
        PyErr_NoMemory();
        return -1;
    }
    double em[4];
    int rc = -1;
    if (emissions(sentence, a, em) < 0)
        goto done;
    double v_b = hmm.start[B] + em[B], v_m = hmm.start[M] + em[M], v_e = hmm.start[E] + em[E],
           v_s = hmm.start[S] + em[S];
    for (Py_ssize_t i = 1; i < n; i++) {
        if (emissions(sentence, a + i, em) < 0)
            goto done;
        double p, q, n_b, n_m, n_e, n_s;
        unsigned char *f = back + 4 * i;
        p = v_e + hmm.t_eb + em[B], q = v_s + hmm.t_sb + em[B]; /* B after E or S */
        if (q >= p)
            n_b = q, f[B] = S;
        else
            n_b = p, f[B] = E;
        p = v_m + hmm.t_mm + em[M], q = v_b + hmm.t_bm + em[M]; /* M after M or B */
        if (p >= q)
            n_m = p, f[M] = M;
        else
            n_m = q, f[M] = B;
        p = v_b + hmm.t_be + em[E], q = v_m + hmm.t_me + em[E]; /* E after B or M */
        if (q >= p)
            n_e = q, f[E] = M;
        else
            n_e = p, f[E] = B;
        p = v_s + hmm.t_ss + em[S], q = v_e + hmm.t_es + em[S]; /* S after S or E */
        if (p >= q)
            n_s = p, f[S] = S;
        else
            n_s = q, f[S] = E;
        v_b = n_b, v_m = n_m, v_e = n_e, v_s = n_s;
    }
    unsigned char state = v_s >= v_e ? S : E;
    path[n - 1] = state;
    for (Py_ssize_t i = n - 1; i >= 1; i--) {
        state = back[4 * i + state];
        path[i - 1] = state;
    }
    Py_ssize_t begin = 0, nexti = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *word = NULL;
        if (path[i] == B)
            begin = i;
        else if (path[i] == E)
            word = PyUnicode_Substring(sentence, a + begin, a + i + 1), nexti = i + 1;
        else if (path[i] == S)
            word = PyUnicode_Substring(sentence, a + i, a + i + 1), nexti = i + 1;
        else
            continue;
        if (path[i] != B) {
            if (word == NULL || PyList_Append(out, word) < 0) {
                Py_XDECREF(word);
                goto done;
            }
            Py_DECREF(word);
        }
    }
    if (nexti < n) {
        PyObject *word = PyUnicode_Substring(sentence, a + nexti, b);
        if (word == NULL || PyList_Append(out, word) < 0) {
            Py_XDECREF(word);
            goto done;
        }
        Py_DECREF(word);
    }
    rc = 0;
done:
    PyMem_Free(back);
    PyMem_Free(path);
    return rc;
}

static PyObject *
fastcut_hmm_words(PyObject *self, PyObject *args)
{
    PyObject *sentence, *out;
    if (!PyArg_ParseTuple(args, "UO!:hmm_words", &sentence, &PyList_Type, &out))
        return NULL;
    if (!hmm.ready) {
        PyErr_SetString(PyExc_RuntimeError, "hmm_words: set_hmm first");
        return NULL;
    }
    if (hmm_words_range(sentence, 0, PyUnicode_GET_LENGTH(sentence), out) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ends[k] (the last index of the best first word at k, relative to text) for k in 0..n-1, with scores[0..n] as
 * work space: FastTokenizer._route_py over text[0:n] */
static void
route_into(const Py_UCS4 *text, Py_ssize_t n, const Table *table, double unknown, Py_ssize_t *ends, double *scores)
{
    scores[n] = 0.0;
    for (Py_ssize_t k = n - 1; k >= 0; k--) {
        double best_s = -INFINITY;
        Py_ssize_t best_x = k;
        uint64_t h = FNV_OFFSET;
        for (Py_ssize_t i = k; i < n; i++) {
            h = fnv_step(h, text[i]);
            const Slot *slot = table_find(table, h, text + k, i + 1 - k);
            if (slot == NULL)
                break; /* no word starts with this fragment */
            double lp = slot->value;
            if (lp != 0.0) { /* a word; 0.0: a prefix only */
                double sc = lp + scores[i + 1];
                if (sc >= best_s) {
                    best_s = sc;
                    best_x = i;
                }
            }
        }
        scores[k] = best_s == -INFINITY ? unknown + scores[k + 1] : best_s;
        ends[k] = best_x;
    }
}

/* Everything one segmentation call needs: the sentence (object, code points), the dictionaries, the HMM callable
 * and the work space of the route (n + 1 entries each). */
typedef struct {
    PyObject *sentence;
    Py_UCS4 *text;
    Py_ssize_t n;
    const Table *table;
    double unknown;
    PyObject *freq;    /* FastTokenizer.FREQ */
    PyObject *hmm_cut; /* tokenize._hmm_cut(buf, out) */
    PyObject *out;     /* list the words are appended to */
    Py_ssize_t *ends;
    double *scores;
} Cut;

static int
cut_open(Cut *c, PyObject *sentence, Table *table)
{
    if (table->slots == NULL) {
        PyErr_SetString(PyExc_ValueError, "_fastcut: Table not initialised");
        return -1;
    }
    c->sentence = sentence;
    c->table = table;
    c->n = PyUnicode_GET_LENGTH(sentence);
    c->text = PyUnicode_AsUCS4Copy(sentence);
    c->ends = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(c->n + 1));
    c->scores = PyMem_Malloc(sizeof(double) * (size_t)(c->n + 1));
    if (c->text == NULL || c->ends == NULL || c->scores == NULL) {
        PyMem_Free(c->text);
        PyMem_Free(c->ends);
        PyMem_Free(c->scores);
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void
cut_close(Cut *c)
{
    PyMem_Free(c->text);
    PyMem_Free(c->ends);
    PyMem_Free(c->scores);
}

static int
append_slice(Cut *c, Py_ssize_t a, Py_ssize_t b)
{
    PyObject *word = PyUnicode_Substring(c->sentence, a, b);
    if (word == NULL)
        return -1;
    int rc = PyList_Append(c->out, word);
    Py_DECREF(word);
    return rc;
}

/* FastTokenizer._cut_run of sentence[a:b]: one character as it is, a run the dictionary does not know through the
 * HMM, a known one character by character */
static int
cut_run(Cut *c, Py_ssize_t a, Py_ssize_t b)
{
    if (b - a == 1)
        return append_slice(c, a, b);
    PyObject *buf = PyUnicode_Substring(c->sentence, a, b);
    if (buf == NULL)
        return -1;
    PyObject *f = PyDict_GetItemWithError(c->freq, buf); /* borrowed */
    int known = 0;
    if (f != NULL)
        known = PyObject_IsTrue(f);
    else if (PyErr_Occurred())
        known = -1;
    if (known < 0) {
        Py_DECREF(buf);
        return -1;
    }
    if (known) {
        Py_DECREF(buf);
        for (Py_ssize_t j = a; j < b; j++)
            if (append_slice(c, j, j + 1) < 0)
                return -1;
        return 0;
    }
    if (hmm.ready && PySet_GET_SIZE(hmm.force_split) == 0) {
        Py_ssize_t j = a;
        while (j < b && c->text[j] >= 0x4E00 && c->text[j] <= 0x9FD5)
            j++;
        if (j == b) { /* all Han (finalseg.re_han): one block straight through the Viterbi */
            Py_DECREF(buf);
            return hmm_words_range(c->sentence, a, b, c->out);
        }
    }
    PyObject *r = PyObject_CallFunctionObjArgs(c->hmm_cut, buf, c->out, NULL);
    Py_DECREF(buf);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* FastTokenizer._cut_han_py of sentence[a:b] */
static int
cut_han_range(Cut *c, Py_ssize_t a, Py_ssize_t b)
{
    Py_ssize_t n = b - a;
    route_into(c->text + a, n, c->table, c->unknown, c->ends, c->scores);
    Py_ssize_t x = 0, buf = -1; /* a run of single-character words: sentence[a + buf : a + x] */
    while (x < n) {
        Py_ssize_t y = c->ends[x] + 1;
        if (y - x == 1) {
            if (buf < 0)
                buf = x;
        }
        else {
            if (buf >= 0) {
                if (cut_run(c, a + buf, a + x) < 0)
                    return -1;
                buf = -1;
            }
            if (append_slice(c, a + x, a + y) < 0)
                return -1;
        }
        x = y;
    }
    if (buf >= 0 && cut_run(c, a + buf, a + n) < 0)
        return -1;
    return 0;
}

/* jieba.re_han_default: [\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-] */
static inline int
is_han_default(Py_UCS4 ch)
{
    return (ch >= 0x4E00 && ch <= 0x9FD5) || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           (ch >= '0' && ch <= '9') || ch == '+' || ch == '#' || ch == '&' || ch == '.' || ch == '_' || ch == '%' ||
           ch == '-';
}

/* FastTokenizer._words_py: blocks of re_han_default through the route, the rest split at re_skip_default
 * (`\r\n` or one whitespace character, kept as a token) into single characters */
static int
words_into(Cut *c)
{
    const Py_UCS4 *t = c->text;
    Py_ssize_t n = c->n, i = 0;
    while (i < n) {
        Py_ssize_t j = i;
        if (is_han_default(t[i])) {
            while (j < n && is_han_default(t[j]))
                j++;
            if (cut_han_range(c, i, j) < 0)
                return -1;
        }
        else {
            while (j < n && !is_han_default(t[j]))
                j++;
            for (Py_ssize_t k = i; k < j;) {
                Py_ssize_t step = (t[k] == '\r' && k + 1 < j && t[k + 1] == '\n') ? 2 : 1;
                if (append_slice(c, k, k + step) < 0)
                    return -1;
                k += step;
            }
        }
        i = j;
    }
    return 0;
}

static PyObject *
fastcut_route(PyObject *self, PyObject *args)
{
    PyObject *sentence;
    Table *table;
    Cut c;
    if (!PyArg_ParseTuple(args, "UO!d:route", &sentence, &TableType, &table, &c.unknown))
        return NULL;
    if (cut_open(&c, sentence, table) < 0)
        return NULL;
    route_into(c.text, c.n, table, c.unknown, c.ends, c.scores);
    c.ends[c.n] = 0;
    PyObject *out = PyList_New(c.n + 1); /* as the Python version: n + 1 entries, the last 0 */
    for (Py_ssize_t k = 0; out != NULL && k <= c.n; k++) {
        PyObject *v = PyLong_FromSsize_t(c.ends[k]);
        if (v == NULL)
            Py_CLEAR(out);
        else
            PyList_SET_ITEM(out, k, v);
    }
    cut_close(&c);
    return out;
}

static PyObject *
fastcut_cut_han(PyObject *self, PyObject *args)
{
    PyObject *sentence;
    Table *table;
    Cut c;
    if (!PyArg_ParseTuple(args, "UO!dO!OO!:cut_han", &sentence, &TableType, &table, &c.unknown, &PyDict_Type, &c.freq,
                          &c.hmm_cut, &PyList_Type, &c.out))
        return NULL;
    if (cut_open(&c, sentence, table) < 0)
        return NULL;
    int rc = cut_han_range(&c, 0, c.n);
    cut_close(&c);
    if (rc < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
fastcut_words(PyObject *self, PyObject *args)
{
    PyObject *sentence;
    Table *table;
    Cut c;
    if (!PyArg_ParseTuple(args, "UO!dO!O:words", &sentence, &TableType, &table, &c.unknown, &PyDict_Type, &c.freq,
                          &c.hmm_cut))
        return NULL;
    if (cut_open(&c, sentence, table) < 0)
        return NULL;
    c.out = PyList_New(0);
    if (c.out != NULL && words_into(&c) < 0)
        Py_CLEAR(c.out);
    cut_close(&c);
    return c.out;
}

/* all whitespace (what str.strip() removes entirely)? */
static int
is_blank(PyObject *w)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(w);
    int kind = PyUnicode_KIND(w);
    const void *data = PyUnicode_DATA(w);
    for (Py_ssize_t i = 0; i < n; i++)
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
            return 0;
    return 1;
}

/* append w (unless drop_blank and it is all whitespace); -1 on error */
static int
append_token(PyObject *out, PyObject *w, int drop_blank)
{
    if (drop_blank && is_blank(w))
        return 0;
    return PyList_Append(out, w);
}

/* append w[i:i+size] for each i where freq.get(w[i:i+size]) is truthy; -1 on error */
static int
add_grams(PyObject *w, Py_ssize_t n, Py_ssize_t size, PyObject *freq, PyObject *out, int drop_blank)
{
    for (Py_ssize_t i = 0; i + size <= n; i++) {
        PyObject *gram = PyUnicode_Substring(w, i, i + size);
        if (gram == NULL)
            return -1;
        PyObject *f = PyDict_GetItemWithError(freq, gram); /* borrowed */
        int keep = 0;
        if (f == NULL) {
            if (PyErr_Occurred()) {
                Py_DECREF(gram);
                return -1;
            }
        }
        else {
            keep = PyObject_IsTrue(f);
            if (keep < 0) {
                Py_DECREF(gram);
                return -1;
            }
        }
        if (keep && append_token(out, gram, drop_blank) < 0) {
            Py_DECREF(gram);
            return -1;
        }
        Py_DECREF(gram);
    }
    return 0;
}

static PyObject *
fastcut_for_search(PyObject *self, PyObject *args)
{
    PyObject *words, *freq;
    int drop_blank = 0;
    if (!PyArg_ParseTuple(args, "O!O!|p:for_search", &PyList_Type, &words, &PyDict_Type, &freq, &drop_blank))
        return NULL;
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t j = 0; j < PyList_GET_SIZE(words); j++) {
        PyObject *w = PyList_GET_ITEM(words, j);
        if (!PyUnicode_Check(w)) {
            PyErr_SetString(PyExc_TypeError, "for_search: words must be str");
            goto error;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(w);
        if (n > 2) {
            if (add_grams(w, n, 2, freq, out, drop_blank) < 0)
                goto error;
            if (n > 3 && add_grams(w, n, 3, freq, out, drop_blank) < 0)
                goto error;
        }
        if (append_token(out, w, drop_blank) < 0)
            goto error;
    }
    return out;
error:
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef fastcut_methods[] = {
    {"route", fastcut_route, METH_VARARGS, "route(sentence, table, unknown) -> ends (FastTokenizer._route_py)"},
    {"cut_han", fastcut_cut_han, METH_VARARGS,
     "cut_han(sentence, table, unknown, freq, hmm_cut, out) -> None (FastTokenizer._cut_han_py)"},
    {"words", fastcut_words, METH_VARARGS,
     "words(sentence, table, unknown, freq, hmm_cut) -> list[str] (FastTokenizer._words_py)"},
    {"set_hmm", fastcut_set_hmm, METH_VARARGS,
     "set_hmm((emit_B, emit_M, emit_E, emit_S), (start B, M, E, S), min_float, (trans BE, BM, EB, ES, ME, MM, SB, SS), "
     "force_split_words) -> None"},
    {"hmm_words", fastcut_hmm_words, METH_VARARGS, "hmm_words(sentence, out) -> None (tokenize._hmm_words_py)"},
    {"for_search", fastcut_for_search, METH_VARARGS,
     "for_search(words, freq, drop_blank=False) -> tokens (FastTokenizer._for_search_py; drop_blank: without "
     "the tokens made of whitespace only)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef fastcut_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_fastcut",
    .m_doc = "C loops of bot.text.tokenize.FastTokenizer (optional)",
    .m_size = -1,
    .m_methods = fastcut_methods,
};

PyMODINIT_FUNC
PyInit__fastcut(void)
{
    if (PyType_Ready(&TableType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&fastcut_module);
    if (m == NULL)
        return NULL;
    /* bumped whenever a signature changes: tokenize.py ignores a stale build (its pure-Python loops run instead) */
    if (PyModule_AddIntConstant(m, "VERSION", 3) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&TableType);
    if (PyModule_AddObject(m, "Table", (PyObject *)&TableType) < 0) {
        Py_DECREF(&TableType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

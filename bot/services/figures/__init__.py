"""Figure extraction: every statistic in an article's text, with metric, region, value, unit, growth, period,
forecast flag and the exact sentence it came from.

Contract (used by ingest, metrics lookup, watches, digests, charts and the renderers):

    extract_figures(text: str, published: date | None, *, title="", home="") -> list[ExtractedFigure]
    figure_values(body, published, *, title="", home="") -> list[dict]  # column values, as ingest stores them
    figures_for_article(article: Article) -> list[Figure]   # ORM rows (article_id set, metric_norm filled)
    normalise_metric(name: str) -> str                       # shared with metrics lookup
    is_growth_only(figure) -> bool                           # a change stated without a level (renderers)
    home_region(publication) / article_region(title, body) -> str

Pure Python + precompiled `re`; only sentences containing a digit are scanned. Modules, in reading order:

    extract.py    text → paragraphs → sentences; indicator tables; merging restatements; ORM rows
    wraps.py      hard-wrap repair first: wrapped lines joined, page marks and running heads dropped
    sentence.py   one sentence → its figures (read, classify numbers, date, name levels, attach growths, finish)
    growth.py     growth rates: attached to levels or figures of their own; rates in brackets
    naming.py     the metric and region of a level (before or after its number, lists, parts of a whole)
    phrase.py     a noun phrase → region + metric (link verbs, openers, scope, trailing words stripped)
    classify.py   is a number a level, a growth rate, a point change or no figure; its qualifier
    multiyear.py  changes over several years (`过去5年`, `从2018年…到2023年…`)
    context.py    what one sentence passes to the next (_Ctx) and the sentence being read (_Sentence)
    regions.py    regions: seeds/regions.txt, a phrase's leading region, the article's and publication's region
    lexicon.py    shared patterns and word lists (boundaries, growth verbs, qualifiers, trailing words)
    tables.py     indicator tables (`指标 | 11月 | 1—11月`) read and turned into figures
    numbers.py    numbers, multipliers, units, width folding (and traditional → simplified, via script.py)
    script.py     traditional characters read as simplified: a curated one-to-one table, so offsets hold
    periods.py    period expressions resolved to dates
    model.py      ExtractedFigure, is_growth_only, normalise_metric

Trust rules (issue 9; a wrong number with a confident source is the worst answer):

* **region**: the sentence's, else the article's — a region its title names (`2022年上海市快递业务量…` → 上海; a
  title naming the nation or two unrelated regions gives none), else an authority of the lead (`上海市邮政管理局
  发布…`); an unnamed local scope (全省, 我市) becomes the article's region when it has one. Else 全国.
* **period carry**: a sentence without a period of its own takes the last one stated only when it refers back —
  `其中`, `同期`, `当年`, `在…中`, `同比`/`比上年同期`, a rank continuing the paragraph's ranking, a clause after `；`,
  or a change (`增长8.7%`) continuing its paragraph's account; a report's stock date (`截至2023年6月`) holds for later
  stocks naming no time of their own. Never after a forecast (`到2030年`), never into `目前…`/`未来…`/`近年来…`.
* **changes over several years** (`过去5年增长近10倍`, `5年间增长了1.2倍`, `年复合增长`): stored with their span when
  both ends are written (`从2018年的1.06万亿元到2023年的2.38万亿元` → growth 2018—2023, and each end a level of its
  own year), otherwise not stored; never a one-period growth.
* **indicator tables** (`指　标 | 11月 | | 1—11月 |`, `计算单位 | 3月 | 1-3月累计`) become figures with the table's
  periods, resolved against the caption's year and the article's date; a row the text states already is not added
  twice; rows ranked by ordinals (`一、…总额` / `1、批发额` / `在总额中：`) are parts named after their whole.
* **wire stories**: an amount named without its activity (`交易规模`, `进出口额`) is of the activity the paragraph just
  measured (`网络购物用户规模…，2019年交易规模…` → 网络购物交易规模), never of a population (网民); a gain in a population
  (`全年新增网民5653万`) is no figure and its period dates nothing after it; a time written after every number of a
  sentence (`…，是上半年增长最快的应用`) is not carried; `自2017年以来…5年增长近10倍` spans 2017—2021; a yearly amount
  expected over a plan's years (`预计“十二五”期间…超过15万亿元`) is the plan's last year's; an amount alone in brackets
  after an indicator (`社会消费品零售总额（18.12万亿元）`) is its level; a change after both ends of a span (`2014至2022年…从
  1800亿元增长到2.17万亿元，扩大了11倍`) is the change over the span; places listed with 分别 at a sentence's start
  (`深圳、广州分别完成…`) are the paragraph's whole region by region; a quotation goes on with the speaker's period
  (`…介绍，今年一季度…。“…1500亿元…”`); an amount since the year began (`今年以来…累计完成`) is the year so far;
  Hong Kong usage: `首季`, `按年增长/按年升` (= 同比); multiples in characters (`同比增长一倍`).
* **headline restatements** (`网民规模突破9亿` over `达9.04亿人`, `…增长5.0%` over `…39514亿元，同比增长5.0%`) in
  another sentence of the article merge into the exact figure.
* **precision**: `value_decimals` / `growth_decimals` keep the decimals written (`4.0%` → 1); render shows them.
* `附注` notes (definitions, survey scope) are not figures.
* **traditional characters** (`全國網上零售額…同比增長`) are read as simplified, character for character: metrics and
  regions are stored simplified, quotes as the source wrote them.

Conventions (tested in tests/unit/test_figures*.py against a labelled table from the seed bulletins):

* **metric** is the noun phrase before the number within its clause (`全国网上零售额13.8万亿元` → 网上零售额),
  with period words, link verbs (达/为/约为/超过…), discourse openers (其中/数据显示…) and a leading region
  removed. If the clause has no noun phrase of its own (`…,比上年增长4.0%`, `232亿元、42亿元`) the previous
  figure's metric in the same sentence is carried. After a verb such as 完成/发放/建立 the noun *after* the
  number is used (`中国共完成1100亿件快递业务量` → 快递业务量). Shares keep the whole relation:
  `实物商品网上零售额占社会消费品零售总额的比重为27.2%` → metric `实物商品网上零售额占社会消费品零售总额的比重`, unit %.
* **region**: a prefix from `seeds/regions.txt` (全国/我国/中国/国内 → 全国; provinces and cities by short name;
  countries); lists (`广东、浙江、福建、江苏四省`) are joined with `、`. An unnamed local scope (`全省/全市/全县/全区/
  本省/本市/我省/我市`) is kept as the region (never 全国) unless the article names its region. Default: the
  article's region, else 全国. Scope modifiers stay in the metric
  (`除汽车以外的消费品零售额`, `限额以上单位通过公共网络实现的商品零售额`).
* **value/unit/value_base/base_unit**: `13.8万亿元` → 13.8, 万亿元, 1.38e13, 元. A multiplier without a unit
  (`超过了10亿`) gives unit 亿 and base unit "". Numbers inside parentheses (currency conversions) are skipped.
* **qualifier**: 约/近/接近/左右 → approx; 超/超过/逾/突破/破/以上/多/余 → lower_bound; 不足/不到/低于/以下 →
  upper_bound; otherwise exact (达, 为, …).
* **growth_pct**: 同比增长/比上年增长/较…增长/增长 X% (negative for 下降/减少/回落/缩短…); `增长X倍` means
  "grew by X times", stored as X×100 percent (增长2.7倍 → growth_pct 270.0). `提高/下降 X个百分点` goes to
  **growth_pp**, never to growth_pct. Growth attaches to the preceding figure of the same metric in the sentence.
* **Growth-only figures**: a growth rate stated for a metric that has no level in the sentence
  (`其中,实物商品网上零售额增长6.2%`) becomes its own figure of that metric with value = the rate, unit = base_unit
  = "%" (or 个百分点 for point changes) and growth_pct (growth_pp) = the same number. So a figure is growth-only
  exactly when `unit in ("%", "个百分点")` and `value == growth_pct` (resp. `growth_pp`); renderers should show it
  as "+6.2%" rather than as a level. `增长2.7倍` growth-only → value 270, unit %.
* Absolute changes (`增长1109万人`, `净增238.1万公里`, `较2022年12月新增网民2480万人`) and ratios (`是全国的2.2倍`)
  are not stored; nor are ranges (`增长8%至10%`, `1500亿至1600亿件`: neither end is the figure) or parts of a
  whole count (`97个国民经济大类中的71个`). A point change of the growth rate itself (`增速比上半年回落0.6个百分点`)
  is not the metric's growth_pp. `同比持平` gives growth_pct 0 (`基本持平` gives nothing).
* **period**: see `periods.py`; comparison bases (`较2022年12月`, `比上年`, `与去年同期相比`) are ignored;
  a period stated earlier in the sentence applies to later figures; from another sentence only as the trust
  rules above say.
  `截至…`/`年底`/`X月底` are stocks: period_start None.
* **is_forecast**: 预计/预测/有望/将/或将/计划/目标/力争 in the figure's clause, or a period after publication.
* Not figures: dates, years, ranks (`第3名`, `前13位`, `TOP100`), issue/article/phone numbers, ages, durations
  (but the level of a time-spent indicator is: `人均每周上网时长为30.8个小时` → 30.8 小时),
  bare numbers without a unit or multiplier, scope counts (`覆盖31个省(区、市)`, `聚焦3个主要方面`, `33条举措`),
  milestones compared in time (`比2019年达到500亿件提前了155天`).
* Follow-on indicators: a bare `业务收入`/`业务量` takes the subject of the activity just named in the paragraph
  (`快递业务量完成115.4亿件…；业务收入完成1033.2亿元` → 快递业务收入). `占…的N%` is a share of the whole named in
  between (`占全国5.38亿网民的39%` → 网络购物用户规模占全国网民的比重; 5.38亿 → 网民), never the whole's own metric.
* Lists: years listed before a 分别-list of as many levels date them in order (`在2023年、2024年分别达到…、…`);
  a second 分别-list in the sentence (`…用户规模分别达…,用户使用率分别为…`) takes the first list's items, a bare
  measure's 分别-list the names of a 、-list in an earlier clause (`网上外卖、在线教育、网约车等应用…，用户规模分别达4.09亿、
  3.81亿、3.40亿` → 网上外卖用户规模 …); a
  growth stated just before the level of the same metric (`下降了2.5%,达845亿欧元`) is that level's growth.
  A partner preposition (`对东盟、欧盟…分别进出口`) and a trade flow closing a list (`塑料制品、箱包、家具出口`) are every
  item's; a 、-list read as one name with several values stores none of them.
* Not stored when unsure (audit round 3): a share or investment with no subject (`…的比重达`, `占比较…提升`,
  `总投资`), a part whose threshold the name dropped (`使用100Mbps以上速率的宽带用户`), a figure of an example clause
  (`，如某集团…`) naming no place, a rate over other base years (`与2018、2019年同期相比…增速20%左右`).
* Audit round 4: `8兆8800亿` is 8.88万亿; a change on the first quarter (`较首季下降0.2%`) is no growth; a name of a
  rate comparison (`分别较同期加快…%`, `高出…`), cut at a preposition (`商务部对`) or referring back (`这是…`) is no
  metric; two changes of one period carried to one metric, and a share after a clause naming another subject
  (`东盟为第一大贸易伙伴，占…`), are not stored; bare `创汇` is the export just measured, else not stored.
"""

from bot.services.figures.extract import extract_figures, figure_values, figures_for_article, merge_restatements
from bot.services.figures.model import FIGURE_FIELDS, ExtractedFigure, is_growth_only, normalise_metric
from bot.services.figures.regions import article_region, home_region, split_region

__all__ = [
    "FIGURE_FIELDS",
    "ExtractedFigure",
    "article_region",
    "extract_figures",
    "figure_values",
    "figures_for_article",
    "home_region",
    "is_growth_only",
    "merge_restatements",
    "normalise_metric",
    "split_region",
]

"""TODO init"""

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

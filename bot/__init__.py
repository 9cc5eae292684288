"""Dongtai (动态): reads Chinese e-commerce bulletins, keeps every article and figure, pushes digests."""

__version__ = "0.1.0"

"""Chinese text helpers and the jieba segmenter (the only place that imports jieba)."""

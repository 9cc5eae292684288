"""Chinese text helpers and the jieba tokenizer (`tokenize.py`, the only place that imports jieba)."""

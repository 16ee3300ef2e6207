"""`make bench`: a synthetic archive at ~10k and ~100k chunks, minutebook against baselines."""

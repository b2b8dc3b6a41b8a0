"""The only writes: each `do_*` function is one transaction with one audit row."""

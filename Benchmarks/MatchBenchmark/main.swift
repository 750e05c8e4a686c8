// Placeholder entry point; the benchmark is being written.
print("MatchBenchmark: not written yet")

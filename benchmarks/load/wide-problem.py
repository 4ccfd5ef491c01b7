#!/usr/bin/env python3
"""A generated 20-feature problem for the load benchmark (not a test): 14 numeric features, 3 binary,
3 categorical (string categories), 3 classes from a noisy linear score; fixed seed, so every run trains
the same model. Writes DATA.csv (header, ',' separated) and BODIES.jsonl (one POST /predict body per line).
    wide-problem.py DATA.csv BODIES.jsonl [ROWS]"""
import json
import random
import sys

data_path, bodies_path = sys.argv[1], sys.argv[2]
rows = int(sys.argv[3]) if len(sys.argv) > 3 else 3000
rng = random.Random(20)
numeric = [f"x{i:02d}" for i in range(1, 15)]
binary = ["flag_a", "flag_b", "flag_c"]
categorical = {"colour": ["red", "green", "blue"], "size": ["s", "m", "l", "xl"], "region": ["north", "south", "east", "west"]}
weights = [rng.uniform(-1, 1) for _ in numeric]
header = numeric + binary + list(categorical) + ["label"]
with open(data_path, "w") as data, open(bodies_path, "w") as bodies:
    data.write(",".join(header) + "\n")
    for _ in range(rows):
        x = [round(rng.gauss(50, 15), 2) for _ in numeric]
        b = [int(rng.random() < 0.3) for _ in binary]
        c = {name: rng.choice(values) for name, values in categorical.items()}
        score = sum(w * (v - 50) / 15 for w, v in zip(weights, x)) + b[0] - b[1] + (c["colour"] == "red") + rng.gauss(0, 0.5)
        label = "low" if score < -1 else "high" if score > 1 else "medium"
        data.write(",".join([str(v) for v in x] + [str(v) for v in b] + list(c.values()) + [label]) + "\n")
        body = dict(zip(numeric, x)) | dict(zip(binary, b)) | c
        bodies.write(json.dumps(body, separators=(",", ":")) + "\n")

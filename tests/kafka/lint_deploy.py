#!/usr/bin/env python3
"""Parses deploy/compose.yaml and deploy/k8s/*.yaml (PyYAML), the TOML in
each ConfigMap, and checks every Deployment has probes and resources.
Run: target/kafka-venv/bin/python tests/kafka/lint_deploy.py (needs pyyaml)."""
import glob
import sys
import tomllib

import yaml

root = sys.argv[1] if len(sys.argv) > 1 else "."
files = [f"{root}/deploy/compose.yaml"] + sorted(glob.glob(f"{root}/deploy/k8s/*.yaml"))
for path in files:
    docs = list(yaml.safe_load_all(open(path)))
    for doc in docs:
        if doc.get("kind") == "ConfigMap":
            tomllib.loads(doc["data"]["kafka.toml"])
        if doc.get("kind") == "Deployment":
            container = doc["spec"]["template"]["spec"]["containers"][0]
            for key in ("livenessProbe", "readinessProbe", "resources"):
                assert container.get(key), f"{path}: Deployment without {key}"
    if "compose" in path:
        assert {"kafka", "fetch", "parse", "enrich", "sink"} <= set(docs[0]["services"])
    print("ok", path)

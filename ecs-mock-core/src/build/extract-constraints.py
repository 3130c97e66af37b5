#!/usr/bin/env python3
"""Derives the request constraints ecs-mock validates from the public ECS API model.

usage: extract-constraints.py MODEL.json > ecs-mock-core/src/main/resources/io/github/ecsmock/internal/protocol/ecs-request-constraints.json

Keeps, for every operation's input and every shape reachable from it, only what validation needs:
the type, required members, member shapes, list/map element shapes, min/max, pattern and enum
values. Documentation is dropped. Re-run it when the model moves.
"""
import json
import sys

KEEP = ("type", "required", "min", "max", "pattern", "enum")


def main(path):
    model = json.load(open(path))
    shapes = model["shapes"]
    out_shapes = {}

    def visit(name):
        if name in out_shapes:
            return
        shape = shapes[name]
        kept = {k: shape[k] for k in KEEP if k in shape}
        out_shapes[name] = kept
        if shape["type"] == "structure":
            kept["members"] = {m: spec["shape"] for m, spec in shape.get("members", {}).items()}
            for spec in shape.get("members", {}).values():
                visit(spec["shape"])
        elif shape["type"] == "list":
            kept["member"] = shape["member"]["shape"]
            visit(shape["member"]["shape"])
        elif shape["type"] == "map":
            kept["value"] = shape["value"]["shape"]
            visit(shape["value"]["shape"])

    operations = {}
    for name, operation in sorted(model["operations"].items()):
        if "input" in operation:
            operations[name] = operation["input"]["shape"]
            visit(operation["input"]["shape"])
    json.dump({"source": path.rsplit("/", 1)[-1], "operations": operations,
               "shapes": dict(sorted(out_shapes.items()))}, sys.stdout, indent=None, separators=(",", ":"), sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])

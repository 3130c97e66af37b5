#!/usr/bin/env python3
"""Derives the request constraints ecs-mock validates from the public ECS API model.

usage: extract-constraints.py MODEL.json > ecs-mock-core/src/main/resources/io/github/ecsmock/internal/protocol/ecs-request-constraints.txt

Keeps, for every operation's input and every shape reachable from it, only what validation needs:
the type, required members, member shapes, list/map element shapes, min/max, pattern and enum
values. Documentation is dropped. Re-run it when the model moves.

One line per entry, its fields separated by tabs, so that the mock can index the file without
parsing it and read a shape's JSON only when a request first needs it:
    source <TAB> MODEL file name
    operation <TAB> name <TAB> input shape
    shape <TAB> name <TAB> the shape's constraints as one JSON object
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
    lines = ["source\t" + path.rsplit("/", 1)[-1]]
    lines += ["operation\t%s\t%s" % (name, shape) for name, shape in sorted(operations.items())]
    lines += ["shape\t%s\t%s" % (name, json.dumps(shape, separators=(",", ":"), sort_keys=True))
              for name, shape in sorted(out_shapes.items())]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])

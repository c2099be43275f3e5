# orjson_parse.py FILE...: what a Python tool would spend merely parsing the same files
# with orjson (JSON Lines line by line, .json files whole). Prints seconds.
import sys, time
import orjson

t = time.perf_counter()
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        if path.endswith('.jsonl'):
            for line in f:
                orjson.loads(line)
        else:
            orjson.loads(f.read())
print(f"{time.perf_counter() - t:.3f}")

"""A small harness for the client checks: run pactgraph, record checks, print a closing line."""
import os
import subprocess
import sys
import tempfile
import traceback

PACTGRAPH = os.environ.get("PACTGRAPH", "target/release/pactgraph")
ROOT = os.environ.get("PACTGRAPH_ROOT", ".")
WORK = tempfile.mkdtemp(prefix="pactgraph-clients-")
_passed, _failed = 0, 0


def pactgraph(*args, check=True):
    """Runs pactgraph in the scratch directory and returns its standard output as bytes."""
    run = subprocess.run([PACTGRAPH, *args], cwd=WORK, capture_output=True)
    if check and run.returncode != 0:
        raise AssertionError(f"pactgraph {' '.join(args)} exited {run.returncode}: {run.stderr.decode()}")
    return run


def path(name):
    return os.path.join(WORK, name)


def check(name):
    """Decorator: runs the function as one named check."""
    def run(fn):
        global _passed, _failed
        try:
            fn()
            _passed += 1
            print(f"ok   {name}")
        except Exception:  # noqa: BLE001 - every failure is reported, then counted
            _failed += 1
            print(f"FAIL {name}")
            traceback.print_exc()
        return fn
    return run


def finish(suite):
    print(f"{suite}: {_passed} passed, {_failed} failed")
    sys.exit(1 if _failed else 0)

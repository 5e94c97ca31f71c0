"""CPU seconds of the header and country readers on hostile runs of spaces (20,000), the
review of invoices12's linear rewrite: run it once per tree and compare.

Run:  PYTHONPATH=src python benchmarks/documents_linear.py
"""

from __future__ import annotations

import time

from clearlane.documents.layout import _head_clean, _head_text, country_code

N = 20_000
CASES = {
    "_head_text('x' + spaces + 'x')": lambda: _head_text("x" + " " * N + "x"),
    "_head_clean('x' + spaces + 'x')": lambda: _head_clean("x" + " " * N + "x"),
    "country_code(spaces)": lambda: country_code(" " * N),
    "country_code('x' + spaces + 'x')": lambda: country_code("x" + " " * N + "x"),
}


def main() -> None:
    for name, call in CASES.items():
        started = time.process_time()
        call()
        print(f"{name}: {time.process_time() - started:.3f} CPU s")


if __name__ == "__main__":
    main()

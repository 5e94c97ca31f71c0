"""``python -m clearlane ...``: the same commands as the ``clearlane`` script."""

from clearlane.cli import app

if __name__ == "__main__":
    app(prog_name="clearlane")

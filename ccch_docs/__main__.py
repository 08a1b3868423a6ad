"""`python -m ccch_docs`."""

from .cli import run

if __name__ == "__main__":  # not when a worker process re-imports the main module
    run()

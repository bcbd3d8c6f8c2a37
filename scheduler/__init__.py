"""Everything that acts on the domain: loading, solving, checking, exporting, the CLI."""

__version__ = "0.1.0"

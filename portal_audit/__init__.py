"""portal-audit: are government portal columns (栏目) updated as often as they must be?

The stages live in their own top-level packages (``extractors``, ``validations``,
``warehouse``, ``flows``); this package holds what they share: the catalog, the record
types flowing between stages, the CLI and the bundled demo portal.
"""

__version__ = "0.1.0"

"""portal-audit: are government portal columns (栏目) updated as often as they must be?

This package is the ground every floor stands on: the catalog, the records flowing between
the stages, the frequency vocabulary, text and messages (i18n), URL keys and the run
summary. It imports none of the other packages. The stages live in ``extractors``,
``validations`` and ``warehouse``, the flows that wire them in ``flows``, and the surfaces on
top in ``reporting`` (what people read) and ``app`` (the command, the demo portal, the
importer, discovery). README, Architecture.
"""

__version__ = "0.1.0"

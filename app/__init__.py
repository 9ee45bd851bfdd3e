"""The surfaces: the `portal-audit` command, the bundled demo portal, the catalog importer and
the portal discovery. They stand on everything below (flows, stages, ground) and nothing
below imports them."""

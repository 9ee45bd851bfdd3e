"""The bundled demo portal: generated from the demo catalog, served on loopback."""

from .site import DemoSite, build_site, serve

__all__ = ["DemoSite", "build_site", "serve"]

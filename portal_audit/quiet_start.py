"""Imported first by the crawl's forkserver (``flows/crawler.py``), which only imports and then
forks: no cyclic garbage is collected while it imports (``memory.quiet_start``), and each crawl
process it forks resumes collection as it starts (``memory.started``)."""

from portal_audit.memory import quiet_start

quiet_start()

"""Extract stage: polite fetching (``fetch``), date parsing (``dates``), list-page
extraction (``listpage``) and the column crawler that ties them (``crawl``).
No Prefect here."""

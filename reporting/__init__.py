"""What people read: a run's reports from the warehouse — a self-contained HTML page, MD,
CSV, XLSX and the Word 通报. A surface: it reads the warehouse and renders, and never
crawls or validates (``data.py`` reads, ``writers.py`` and ``bulletin.py`` render)."""

from .data import Filters, ReportData, load_report
from .writers import write_index, write_portal_reports, write_report

__all__ = ["Filters", "ReportData", "load_report", "write_index", "write_portal_reports",
           "write_report"]

"""Reading PDFs: a file's pages as printed (text layer, OCR for scans), with running headers and footers cut."""

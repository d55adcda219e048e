"""The Education page: degrees, licenses, work history and planned work, with their dialogs."""

"""The desktop user interface: main window, pages, dialogs and shared widgets (PySide6)."""

"""The file dialogs: import, export, restore and start over."""

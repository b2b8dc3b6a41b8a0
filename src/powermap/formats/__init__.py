"""Pure readers and writers of powermap's own file formats (no Django)."""

"""The frame: the main window, its actions and menus, settings, dialogs."""

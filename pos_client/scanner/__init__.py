"""Where codes come from: keyboard-wedge scanners (and, later, cameras and files)."""

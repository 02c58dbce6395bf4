"""Bundle runtime hook for pyusb, in place of PyInstaller's own, which imports all three USB
backends at every start (a tenth of the window's start) and looks for libusb only inside the
bundle. pyusb finds the bundled libusb through rth_libraries.py when it prints first."""

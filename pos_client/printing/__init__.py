"""Receipt printers: the printed document and ESC/POS devices (USB, serial, network, file)."""

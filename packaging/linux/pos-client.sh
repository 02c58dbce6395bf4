#!/bin/sh
# Launcher on PATH for the bundle installed in /opt/pos-client.
exec /opt/pos-client/pos-client "$@"

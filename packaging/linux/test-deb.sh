#!/usr/bin/env bash
# Install the Debian package on this machine as store IT would, and prove it: launcher, desktop
# entry, smoke test, autostart for a kiosk user, an upgrade that keeps and migrates the journal,
# a journal from a newer program refused untouched, removal and purge keeping the data.
# Needs root (it installs a package and adds a user); CI runs it after `make deb`.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ $(id -u) -ne 0 ]]; then
  echo "test-deb: skipped: installing a package needs root" >&2
  exit 0
fi
shopt -s nullglob
debs=(dist/pos-client_*.deb)
[[ ${#debs[@]} -eq 1 ]] || { echo "test-deb: expected one dist/pos-client_*.deb; run make deb" >&2; exit 1; }
deb=${debs[0]}
python=.venv/bin/python
user=poskiosk
home=/home/$user
journal=$home/.local/share/pos-client/terminal.sqlite3
log=$home/.local/state/pos-client/log/pos-client.log

step() { echo "test-deb: $*"; }
fail() { echo "test-deb: FAILED: $*" >&2; exit 1; }
as_user() { runuser -u "$user" -- env HOME="$home" QT_QPA_PLATFORM=offscreen "$@"; }
# The journal is edited as root (the build's Python is not the kiosk user's), then given back.
sql() {
  "$python" -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print(*(c.execute(sys.argv[2]).fetchone() or ())); c.commit()' "$journal" "$1"
  chown -R "$user:" "$home/.local"
}
cleanup() {
  dpkg --purge pos-client >/dev/null 2>&1 || true
  userdel --remove "$user" >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup

# Start the installed till, wait until its window is up, then stop it as a logout would.
first_start() {
  rm -f "$log"
  as_user pos-client &
  local pid=$! waited=0
  until [[ -f $log ]] && grep -q "window ready" "$log"; do
    kill -0 "$pid" 2>/dev/null || fail "the till exited before its window was shown"
    ((waited++ < 600)) || fail "the till's window did not show within 60 s"
    sleep 0.1
  done
  pkill -TERM -u "$user" -f /opt/pos-client/pos-client
  wait "$pid" || fail "the till did not stop cleanly on SIGTERM"
  grep -q "till closed" "$log" || fail "the till did not close its journal"
}

step "installing $deb"
useradd --create-home --shell /bin/bash "$user"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null
[[ $(command -v pos-client) == /usr/bin/pos-client ]] || fail "no launcher on PATH"
pos-client --version
[[ -f /usr/share/applications/pos-client.desktop ]] || fail "no desktop entry"
[[ -f /usr/share/icons/hicolor/256x256/apps/pos-client.png ]] || fail "no icon"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate /usr/share/applications/pos-client.desktop
fi

step "smoke test of the installed program, as the kiosk user"
as_user pos-client --demo --smoke-test | tail -1

step "autostart for the kiosk user"
pos-client-autostart enable "$user"
[[ -f $home/.config/autostart/pos-client.desktop ]] || fail "autostart entry missing"
[[ $(stat -c %U "$home/.config/autostart/pos-client.desktop") == "$user" ]] || fail "entry not the user's"
[[ $(pos-client-autostart status "$user") == "enabled for $user" ]] || fail "status"
pos-client-autostart disable "$user"
[[ ! -e $home/.config/autostart/pos-client.desktop ]] || fail "autostart entry left behind"
if pos-client-autostart enable nosuchuser 2>/dev/null; then fail "accepted an unknown user"; fi

step "provisioning the kiosk user's till (hub not reachable: it starts offline)"
as_user pos-client provision --api http://127.0.0.1:9 --outlet spb-nevsky \
  --terminal-id spb-nevsky-T09 --token "$(printf 't%.0s' {1..32})"

step "a journal an older release left (schema one behind) with a sale marker in it"
"$python" - "$journal" <<'EOF'
import sqlite3, sys
from pathlib import Path
from pos_client.store.db import add_functions
from pos_client.store.schema import MIGRATIONS
path = Path(sys.argv[1])
path.parent.mkdir(parents=True, exist_ok=True)
db = sqlite3.connect(path)
add_functions(db)  # the SQL functions the migrations call
for statement in (s for script in MIGRATIONS[:-1] for s in script):
    db.execute(statement)
db.execute(f"PRAGMA user_version = {len(MIGRATIONS) - 1}")
db.execute("INSERT INTO meta (key, value) VALUES ('kept-across-upgrade', 'yes')")
db.commit()
EOF
chown -R "$user:" "$home/.local"
old_version=$(sql "PRAGMA user_version")

step "upgrading to a newer package"
version=$(dpkg-deb -f "$deb" Version)
POS_CLIENT_DEB_VERSION="$version+upgrade" bash packaging/linux/build-deb.sh
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./dist/pos-client_${version}+upgrade_$(dpkg --print-architecture).deb" >/dev/null
rm -f "dist/pos-client_${version}+upgrade_"*.deb
[[ $(dpkg-query -W -f '${Version}' pos-client) == "$version+upgrade" ]] || fail "not upgraded"
first_start
new_version=$(sql "PRAGMA user_version")
((new_version == old_version + 1)) || fail "journal schema $old_version was not migrated ($new_version)"
[[ $(sql "SELECT value FROM meta WHERE key = 'kept-across-upgrade'") == yes ]] || fail "journal lost"
step "journal kept and migrated from schema $old_version to $new_version"

step "a journal from a newer program"
sql "PRAGMA user_version = 99"
before=$(sha256sum "$journal")
if as_user pos-client 2>/tmp/pos-client-newer.err; then fail "started on a newer journal"; fi
grep -q "newer" /tmp/pos-client-newer.err || fail "no clear message: $(cat /tmp/pos-client-newer.err)"
[[ $(sha256sum "$journal") == "$before" ]] || fail "the newer journal was changed"
grep -m1 newer /tmp/pos-client-newer.err
sql "PRAGMA user_version = $new_version"

step "removing and purging the package keeps the store's data"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq pos-client >/dev/null
[[ -f $journal && -f $home/.config/pos-client/config.toml ]] || fail "remove deleted data"
dpkg --purge pos-client >/dev/null
[[ -f $journal ]] || fail "purge deleted the journal"
[[ ! -e /opt/pos-client && ! -e /usr/bin/pos-client ]] || fail "program files left behind"
step "all good"

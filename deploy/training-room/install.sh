#!/usr/bin/env bash
# Install the course's JupyterHub on one Debian or Ubuntu server for a training room.
# Run as root from the course folder:   sudo bash deploy/training-room/install.sh
# What it does (deploy/README.md explains each step):
#   1. Debian packages: Python's venv, git, Node.js and npm, CJK fonts for the figures' labels;
#   2. one environment for everybody in /opt/coursekit/venv: the course, JupyterLab, the hub;
#   3. JupyterHub's proxy, configurable-http-proxy, from npm into /opt/coursekit/node;
#   4. the hub's private state folder /srv/coursekit-hub and its settings file;
#   5. the systemd unit coursekit-hub.service, enabled and started.
# Running it again updates the course's packages and keeps the settings and learners' work.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
course="$(cd "$here/../.." && pwd)"
prefix=/opt/coursekit
state=/srv/coursekit-hub

if [ "$(id -u)" -ne 0 ]; then
    echo "Run this as root: sudo bash $0" >&2
    exit 1
fi
if ! command -v systemctl >/dev/null 2>&1; then
    echo "This installer needs systemd (learners' servers run as systemd units)." >&2
    exit 1
fi

apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    python3 python3-venv git nodejs npm fonts-noto-cjk >/dev/null

python3 -m venv "$prefix/venv"
"$prefix/venv/bin/python" -m pip install --quiet --upgrade pip
# Not editable: the case data travel inside the package, so learners' servers need nothing
# from this folder.
"$prefix/venv/bin/python" -m pip install --quiet "$course[lab,hub]"
npm install --prefix "$prefix/node" --no-audit --no-fund --loglevel=error configurable-http-proxy@5.3.0

install -d -m 700 "$state"
install -m 644 "$here/jupyterhub_config.py" "$state/jupyterhub_config.py"
if [ ! -f "$state/settings.env" ]; then
    # The instructors' names; everything else has a default (see jupyterhub_config.py).
    cat > "$state/settings.env" <<SETTINGS
COURSEKIT_HUB_ADMINS=instructor
COURSEKIT_HUB_AUTH=first-use
COURSEKIT_HUB_MEM_LIMIT=700M
COURSEKIT_HUB_CPU_LIMIT=1
SETTINGS
    chmod 600 "$state/settings.env"
fi
install -m 644 "$here/coursekit-hub.service" /etc/systemd/system/coursekit-hub.service
systemctl daemon-reload
systemctl enable --now coursekit-hub.service
systemctl restart coursekit-hub.service
echo "The hub runs at http://$(hostname -I | awk '{print $1}'):8000/ ."
echo "Settings: $state/settings.env (then: systemctl restart coursekit-hub)."
echo "Links for the class: $prefix/venv/bin/python -m coursekit class-links --hub http://<this server>:8000"

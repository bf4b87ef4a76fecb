#!/bin/sh
# Install the Debian packages listed in build-aux/debian-packages.txt that are missing.
# Runs apt-get only when something is missing; needs root (or sudo) for that.
set -eu
here=$(dirname "$0")
missing=""
for pkg in $(sed -e 's/#.*//' "$here/debian-packages.txt"); do
	if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $pkg"
	fi
done
[ -z "$missing" ] && exit 0
echo "galley: installing missing build dependencies:$missing"
if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "galley: need root to install:$missing (run as root, or install them yourself)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing

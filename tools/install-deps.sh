#!/bin/sh
# Installs, from Debian 12's packages, whatever libecosys needs that is not
# there yet: the build tools, the libraries, and the test tools. Works as
# root, or through sudo otherwise. Does nothing (and needs no network) when
# everything is installed. python3-numpy and python3-scipy are NetworkX's
# own optional dependencies (installed here without recommends), which the
# Python tests' NetworkX cross-checks need (pagerank, eigenvector, mixing).
set -eu

PACKAGES="gcc g++ make cmake pkg-config libigraph-dev libglib2.0-dev libjson-glib-dev \
libxml2-dev libcmocka-dev valgrind doxygen binutils \
python3 python3-pytest python3-venv python3-pip python3-setuptools python3-wheel python3-networkx \
python3-numpy python3-scipy"

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "install-deps: these packages are missing and I am neither root nor have sudo:$missing" >&2
    exit 1
fi
echo "install-deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$as_root apt-get update -qq
# shellcheck disable=SC2086
$as_root apt-get install -y -qq --no-install-recommends $missing >/dev/null

#!/bin/sh
# meson install script: after installing to the live system (no DESTDIR) into a library
# directory the dynamic linker searches, refresh its cache so galley finds the new
# libgalley.so.N without a RUNPATH (meson does this itself from 1.1 on).
if [ -z "${DESTDIR:-}" ] && [ "$(id -u)" = 0 ] && command -v ldconfig >/dev/null 2>&1; then
	ldconfig || true
fi

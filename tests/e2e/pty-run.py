#!/usr/bin/env python3
"""Run a command on a pseudo-terminal (as a user at a terminal would) and save everything it
printed, byte for byte, to the file given first.  Exits with the command's status."""
import os
import pty
import sys

out_path, argv = sys.argv[1], sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
chunks = []
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:  # EIO: the child closed the terminal
        break
    if not data:
        break
    chunks.append(data)
_, status = os.waitpid(pid, 0)
with open(out_path, "wb") as f:
    f.write(b"".join(chunks))
sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8)

#!/usr/bin/env python3
"""Time from process start to the first frame on a real pseudo-terminal.

Usage: firstFrame.py RUNS MARKER -- COMMAND...
Starts COMMAND RUNS times in an 80x24 pty, records the seconds until MARKER first appears in
its output, sends 'q' (and then Ctrl+C) to end it, and prints one number per run (seconds).
A pty is needed because the program refuses to start without a terminal.
"""
import fcntl, os, pty, select, signal, struct, sys, termios, time

def one_run(argv, marker, timeout=20.0):
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("CI", None)
        os.execvp(argv[0], argv)
    buf, seen = b"", None
    deadline = t0 + timeout
    while seen is None and time.perf_counter() < deadline:
        r, _, _ = select.select([fd], [], [], 0.5)
        if not r:
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        buf += data
        if marker in buf:
            seen = time.perf_counter() - t0
    for key in (b"q", b"\x03"):
        try:
            os.write(fd, key)
        except OSError:
            pass
        end = time.perf_counter() + 2
        while time.perf_counter() < end:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            try:
                select.select([fd], [], [], 0.05)
                os.read(fd, 65536)
            except OSError:
                pass
        else:
            continue
        break
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
    return seen

def main():
    runs, marker = int(sys.argv[1]), sys.argv[2].encode()
    argv = sys.argv[sys.argv.index("--") + 1:]
    for _ in range(runs):
        t = one_run(argv, marker)
        print("nan" if t is None else f"{t:.6f}", flush=True)

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# The pseudo-terminal behind test/helpers/pty.ts, with nothing to compile: runs a program on a
# new pty of 120 columns by 50 rows, passes this process's stdin to it as keystrokes and its
# screen output to this process's stdout, passes SIGHUP and SIGTERM on to it, and exits with
# its exit code (128 + the signal when a signal ended it).
#
# Usage: python3 pty-relay.py PROGRAM [ARG...]
import errno
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios

COLUMNS, ROWS = 120, 50
FORWARDED = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)

child = None  # the program's pid, once it runs
early = []  # signals that came before it did
ended = False  # true once the program's exit status is in: its pid may be reused


def forward(signum, _frame=None):
    if child is None:
        early.append(signum)
        return
    if ended:
        return
    try:
        os.kill(child, signum)
    except ProcessLookupError:
        pass


def start(argv):
    """Forks argv onto a new pty whose size and modes are set before the program starts."""
    pid, master = pty.fork()
    if pid == 0:
        try:
            for signum in FORWARDED + (signal.SIGPIPE,):
                signal.signal(signum, signal.SIG_DFL)
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack('HHHH', ROWS, COLUMNS, 0, 0))
            modes = termios.tcgetattr(0)
            modes[0] |= getattr(termios, 'IUTF8', 0)  # a UTF-8 terminal, as today's emulators are
            termios.tcsetattr(0, termios.TCSANOW, modes)
            os.execvp(argv[0], argv)
        except OSError as error:
            os.write(2, f'pty-relay: cannot run {argv[0]}: {error.strerror}\r\n'.encode())
        os._exit(127)
    return pid, master


def write_all(fd, data):
    while data:
        data = data[os.write(fd, data):]


def exit_code(status):
    return 128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def main():
    global child, ended
    if len(sys.argv) < 2:
        sys.stderr.write('usage: pty-relay.py PROGRAM [ARG...]\n')
        return 2
    for signum in FORWARDED:
        signal.signal(signum, forward)
    child, master = start(sys.argv[1:])
    for signum in early:
        forward(signum)
    os.set_blocking(master, False)

    stdin = sys.stdin.fileno()
    stdout = sys.stdout.fileno()
    typed = b''  # keystrokes the pty has not taken yet
    reading_stdin = True
    relaying = True  # false once whoever reads stdout has gone
    status = None

    while True:
        readers = [master] + ([stdin] if reading_stdin else [])
        writers = [master] if typed else []
        ready, writable, _ = select.select(readers, writers, [], 0.1)

        if stdin in ready:
            data = os.read(stdin, 4096)
            if data:
                typed += data
            else:
                # Whoever drove this terminal has gone: hang up, as closing a window does.
                reading_stdin = False
                forward(signal.SIGHUP)
        if master in writable:
            try:
                typed = typed[os.write(master, typed):]
            except BlockingIOError:
                pass
            except OSError:
                typed = b''
        if master in ready:
            try:
                data = os.read(master, 65536)
            except BlockingIOError:
                data = None
            except OSError as error:
                if error.errno != errno.EIO:
                    raise
                data = b''  # Linux: every end of the pty's other side is closed
            if data == b'':
                break
            if data and relaying:
                try:
                    write_all(stdout, data)
                except BrokenPipeError:
                    relaying = False
                    forward(signal.SIGHUP)
        elif status is not None:
            break  # the program has ended and what it wrote has been passed on
        else:
            # Quiet for a moment: the program may have ended while something it started holds
            # the pty open, so ask; once it has, a last quiet moment ends the relay.
            pid, reaped = os.waitpid(child, os.WNOHANG)
            if pid:
                status = reaped
                ended = True

    if status is None:
        _, status = os.waitpid(child, 0)
    return exit_code(status)


if __name__ == '__main__':
    sys.exit(main())

"""Runs journal cells in a real CPython for `journal run-entry --python PATH`.

The Swift side (Sources/JournalCells/PythonEngine.swift; this file is built into the binary as
a package resource) starts one process per entry and talks to it over line-delimited JSON:

  -> {"type": "start", "entry": "journal/2018/2018-09-17.md", "dataFolders": [...]}
  -> {"type": "run", "index": 0, "line": 12, "source": "...", "seed": 1, "timeout": 600}
  <- {"type": "stream", "name": "stdout", "text": "..."}        (as the cell prints)
  <- {"type": "result", "stdout": ..., "stderr": ..., "value": ..., "error": ..., ...}
  -> {"type": "exit"}

`python driver.py --identify` prints the engine's identity (part of the frozen outputs' key).

Cells share one namespace. Each cell is compiled with the entry's path as its file name and
padded with blank lines so that tracebacks name the entry's own lines. Relative paths opened for
reading are looked up in the data folders (journal/data, then $JOURNAL_DATA); the working
directory is the first data folder that exists, so `glob`/`os.listdir` with relative paths see
only that one.
"""

import ast
import builtins
import importlib.util
import io
import json
import linecache
import os
import signal
import sys
import traceback

PROTOCOL = None  # the real standard output, for protocol lines only
ENTRY = "<cell>"
DATA_FOLDERS = []
OPENED = []  # data files opened by the current cell: [{"name", "path"}]
REAL_OPEN = builtins.open
REAL_IO_OPEN = io.open


def send(message):
    PROTOCOL.write(json.dumps(message) + "\n")
    PROTOCOL.flush()


def identity():
    version = "%d.%d.%d" % sys.version_info[:3]
    extras = []
    try:
        from importlib import metadata
        for name in ("numpy", "torch", "matplotlib"):
            try:
                extras.append("%s %s" % (name, metadata.version(name)))
            except Exception:
                pass
    except Exception:
        pass
    if extras:
        version += " (" + ", ".join(extras) + ")"
    return {"name": "cpython", "version": version}


class CellStream(io.TextIOBase):
    """Collects what a cell prints and forwards it to the Swift side as it comes."""

    def __init__(self, name):
        self.name = name
        self.parts = []

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        if text:
            self.parts.append(text)
            send({"type": "stream", "name": self.name, "text": text})
        return len(text)

    def flush(self):
        pass

    def value(self):
        return "".join(self.parts)


class MissingDataFile(FileNotFoundError):
    pass


def resolve(path, mode):
    """The file a cell means by `path`: relative paths read from the data folders."""
    if not isinstance(path, (str, os.PathLike)) or isinstance(path, int):
        return path, None
    text = os.fspath(path)
    if isinstance(text, bytes):
        return path, None
    reading = not any(c in mode for c in "wax+")
    if not reading:
        return path, None
    if os.path.isabs(text):
        for folder in DATA_FOLDERS:
            if text.startswith(folder.rstrip("/") + "/"):
                OPENED.append({"name": text, "path": text})
        return path, None
    for folder in DATA_FOLDERS:
        candidate = os.path.join(folder, text)
        if os.path.isfile(candidate):
            OPENED.append({"name": text, "path": candidate})
            return candidate, None
    looked = ", ".join(DATA_FOLDERS) if DATA_FOLDERS else "(no data folders)"
    message = (
        "data file '%s' not found; looked in %s; put it in journal/data/, add its folder "
        "to journal.yml's data list, or to JOURNAL_DATA (colon-separated folders, "
        "e.g. JOURNAL_DATA=../shared/data)"
        % (text, looked)
    )
    return path, message


def journal_open(file, mode="r", *args, **kwargs):
    resolved, missing = resolve(file, mode)
    if missing:
        raise MissingDataFile(2, missing)
    return REAL_OPEN(resolved, mode, *args, **kwargs)


def seed_everything(seed, source):
    import random
    random.seed(seed)
    for name in ("numpy", "torch"):
        wanted = name in sys.modules or (name in source and importlib.util.find_spec(name))
        if not wanted:
            continue
        module = __import__(name)
        if name == "numpy":
            module.random.seed(seed)
        else:
            module.manual_seed(seed)


def capture_figures():
    """SVGs of the open matplotlib figures, which are then closed (only if pyplot is in use)."""
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is None:
        return []
    svgs = []
    for number in plt.get_fignums():
        figure = plt.figure(number)
        buffer = io.StringIO()
        # No date and fixed element ids, so a re-run gives the same bytes (outputs are committed).
        with plt.rc_context({"svg.hashsalt": "journal"}):
            figure.savefig(buffer, format="svg", metadata={"Date": None})
        svgs.append(buffer.getvalue())
        plt.close(figure)
    return svgs


FIGURES = []


def show(*args, **kwargs):
    FIGURES.extend(capture_figures())


def install_matplotlib_backend():
    """A backend module whose `show` captures figures, like matplotlib-inline's."""
    if importlib.util.find_spec("matplotlib") is None:
        return
    import types
    backend = types.ModuleType("journal_backend")
    source = (
        "from matplotlib.backends.backend_agg import FigureCanvasAgg as FigureCanvas\n"
        "from matplotlib.backend_bases import FigureManagerBase as FigureManager\n"
    )
    exec(source, backend.__dict__)
    backend.show = show
    sys.modules["journal_backend"] = backend
    os.environ["MPLBACKEND"] = "module://journal_backend"


def on_alarm(signum, frame):
    raise TimeoutError("cell exceeded its time limit of %s s" % CURRENT_TIMEOUT)


CURRENT_TIMEOUT = None


def register_lines(line, source):
    """Makes the cell's lines known to tracebacks under the entry's name."""
    size, mtime, lines, name = linecache.cache.get(ENTRY, (0, None, [], ENTRY))
    lines = list(lines)
    cell_lines = source.splitlines(True)
    needed = line - 1 + len(cell_lines)
    while len(lines) < needed:
        lines.append("\n")
    for i, text in enumerate(cell_lines):
        lines[line - 1 + i] = text if text.endswith("\n") else text + "\n"
    linecache.cache[ENTRY] = (sum(len(x) for x in lines), None, lines, ENTRY)


def error_record(exc):
    name = type(exc).__name__
    if isinstance(exc, MissingDataFile):
        name, message = "FileNotFoundError", exc.strerror
    else:
        message = str(exc)
    if isinstance(exc, SyntaxError) and exc.filename == ENTRY:
        # The driver's own compile() frames say nothing to the author.
        frames = [{"file": ENTRY, "line": exc.lineno or 0, "function": "<module>",
                   "text": (exc.text or "").strip()}]
        lines = traceback.format_exception_only(type(exc), exc)
        return {"type": name, "message": exc.msg, "frames": frames, "formatted": "".join(lines)}
    frames = []
    for summary in traceback.extract_tb(exc.__traceback__):
        if summary.filename == __file__:
            continue
        frames.append({
            "file": summary.filename, "line": summary.lineno, "function": summary.name,
            "text": (summary.line or "").strip(),
        })
    lines = ["Traceback (most recent call last):\n"]
    for frame in frames:
        lines.append('  File "%s", line %d, in %s\n' % (frame["file"], frame["line"],
                                                       frame["function"]))
        if frame["text"]:
            lines.append("    %s\n" % frame["text"])
    lines.append("%s: %s\n" % (name, message) if message else "%s\n" % name)
    return {"type": name, "message": message, "frames": frames, "formatted": "".join(lines)}


def run_cell(namespace, request):
    global CURRENT_TIMEOUT
    source = request["source"]
    line = request["line"]
    del OPENED[:]
    del FIGURES[:]
    stdout, stderr = CellStream("stdout"), CellStream("stderr")
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, stderr
    value = None
    error = None
    timeout = request.get("timeout")
    CURRENT_TIMEOUT = timeout
    try:
        register_lines(line, source)
        padded = "\n" * (line - 1) + source
        tree = ast.parse(padded, ENTRY, "exec")
        last = None
        # As in IPython, a trailing semicolon hides the last value (`plt.plot(x);`).
        quiet = source.rstrip().endswith(";")
        if tree.body and isinstance(tree.body[-1], ast.Expr) and not quiet:
            last = ast.Expression(tree.body.pop().value)
        body = compile(tree, ENTRY, "exec")
        tail = compile(last, ENTRY, "eval") if last is not None else None
        if request.get("seed") is not None:
            seed_everything(request["seed"], source)
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, float(timeout))
        try:
            exec(body, namespace)
            if tail is not None:
                result = eval(tail, namespace)
                if result is not None:
                    value = repr(result)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except BaseException as exc:  # a cell's SystemExit or KeyboardInterrupt is its failure too
        error = error_record(exc)
    finally:
        sys.stdout, sys.stderr = saved
    try:
        FIGURES.extend(capture_figures())
    except Exception as exc:
        if error is None:
            error = error_record(exc)
    return {
        "type": "result",
        "stdout": stdout.value(),
        "stderr": stderr.value(),
        "value": value,
        "error": error,
        "figures": list(FIGURES),
        "dataFiles": list(OPENED),
    }


def main():
    global PROTOCOL, ENTRY, DATA_FOLDERS
    if "--identify" in sys.argv:
        print(json.dumps(identity()))
        return
    # Protocol lines go to the real stdout; anything written to file descriptor 1 from C code
    # goes to stderr instead, so it cannot corrupt the protocol.
    try:
        # Linux: die with the `journal` process rather than run on as an orphan.
        import ctypes
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass
    # A child inherits the signal mask of the thread that started it, and thread pools block
    # most signals: without this, the time limit's SIGALRM would never arrive.
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    PROTOCOL = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    # Requests come on file descriptor 0; a cell's input() must read end of file, not them.
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    empty = os.open(os.devnull, os.O_RDONLY)
    os.dup2(empty, 0)
    os.close(empty)
    sys.stdin = open(os.devnull)
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    signal.signal(signal.SIGALRM, on_alarm)
    for text in requests:
        request = json.loads(text)
        kind = request.get("type")
        if kind == "start":
            ENTRY = request["entry"]
            DATA_FOLDERS = list(request.get("dataFolders", []))
            existing = [f for f in DATA_FOLDERS if os.path.isdir(f)]
            if existing:
                os.chdir(existing[0])
            builtins.open = journal_open
            io.open = journal_open
            install_matplotlib_backend()
            send(dict(identity(), type="ready"))
        elif kind == "run":
            send(run_cell(namespace, request))
        elif kind == "exit":
            break


if __name__ == "__main__":
    main()

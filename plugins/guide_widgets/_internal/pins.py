"""The pinned Pyodide, as numbers and names measured once: everything else reads them from here.

Tests check each against the real files of the pinned version.
"""

from __future__ import annotations

PYODIDE_VERSION = "314.0.7"
DEFAULT_PYODIDE_DIR = "node_modules/pyodide"
"""Where the pinned Pyodide is, from the folder of mkdocs.yml, unless `pyodide_dir` says otherwise."""
PYODIDE_INTEGRITY = ("sha512-0YvXxEhfEdpLfb/XkM2BFAeMROq0iMUX2bzzH9pOttyMcWkwq+HbE5uyuGD82LN7y2q+SNvi/6V5JEsOlD2R1A==")
"""The npm package's integrity, as npm's lock file records it: `guide-widgets setup` checks its download by it."""
# The runtime files a browser fetches to boot Pyodide; the lock file's facts travel in the page instead.
FULL_STDLIB = "python_stdlib.zip"
"""Pyodide's whole standard library; the build also ships a reduced one (stdlib.py)."""
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", FULL_STDLIB)
PYODIDE_BUILTIN_MODULES = frozenset({
    "_abc", "_ast", "_asyncio", "_bisect", "_blake2", "_bz2", "_codecs", "_codecs_cn",
    "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr", "_codecs_tw", "_collections", "_contextvars", "_csv",
    "_ctypes", "_datetime", "_decimal", "_elementtree", "_functools", "_heapq", "_hmac", "_imp",
    "_io", "_json", "_locale", "_lsprof", "_lzma", "_md5", "_multibytecodec", "_opcode",
    "_operator", "_pickle", "_posixsubprocess", "_pyodide_core", "_queue", "_random", "_remote_debugging", "_sha1",
    "_sha2", "_sha3", "_signal", "_socket", "_sqlite3", "_sre", "_stat", "_statistics",
    "_string", "_struct", "_suggestions", "_symtable", "_sysconfig", "_testbuffer", "_testcapi", "_testclinic",
    "_testclinic_limited", "_testinternalcapi", "_testlimitedcapi", "_thread", "_tokenize", "_tracemalloc", "_types", "_typing",
    "_warnings", "_weakref", "_xxtestfuzz", "_zoneinfo", "_zstd", "array", "atexit", "binascii",
    "builtins", "cmath", "errno", "faulthandler", "fcntl", "gc", "itertools", "marshal",
    "math", "mmap", "posix", "pyexpat", "select", "sys", "termios", "time",
    "unicodedata", "xxsubtype", "zlib",
})
"""`sys.builtin_module_names` of the pinned Pyodide: compiled into its wasm, so not in python_stdlib.zip.
A test checks this list against the real Pyodide."""

PYODIDE_STDLIB_MODULES = frozenset({
    "__future__", "__hello__", "__phello__", "_ast_unparse", "_collections_abc", "_colorize", "_compat_pickle", "_markupbase",
    "_opcode_metadata", "_py_abc", "_py_warnings", "_pydatetime", "_pyio", "_pylong", "_pyodide", "_pyrepl",
    "_sitebuiltins", "_ssl", "_strptime", "_sysconfigdata__emscripten_wasm32-emscripten", "_threading_local", "_weakrefset", "abc", "annotationlib",
    "antigravity", "argparse", "ast", "asyncio", "base64", "bdb", "bisect", "bz2",
    "cProfile", "calendar", "cmd", "code", "codecs", "codeop", "collections", "colorsys",
    "compileall", "compression", "concurrent", "configparser", "contextlib", "contextvars", "copy", "copyreg",
    "csv", "ctypes", "dataclasses", "datetime", "decimal", "difflib", "dis", "doctest",
    "email", "encodings", "enum", "filecmp", "fileinput", "fnmatch", "fractions", "ftplib",
    "functools", "genericpath", "getopt", "getpass", "gettext", "glob", "graphlib", "gzip",
    "hashlib", "heapq", "hmac", "html", "http", "imaplib", "importlib", "inspect",
    "io", "ipaddress", "json", "keyword", "linecache", "locale", "logging", "lzma",
    "mailbox", "mimetypes", "modulefinder", "multiprocessing", "netrc", "ntpath", "nturl2path", "numbers",
    "opcode", "operator", "optparse", "os", "pathlib", "pdb", "pickle", "pickletools",
    "pkgutil", "platform", "plistlib", "poplib", "posixpath", "pprint", "profile", "pstats",
    "pty", "py_compile", "pyclbr", "pydoc", "pyodide", "queue", "quopri", "random",
    "re", "reprlib", "rlcompleter", "runpy", "sched", "secrets", "selectors", "shelve",
    "shlex", "shutil", "signal", "site", "site-packages", "smtplib", "socket", "socketserver",
    "sqlite3", "sre_compile", "sre_constants", "sre_parse", "ssl", "stat", "statistics", "string",
    "stringprep", "struct", "subprocess", "symtable", "sysconfig", "tabnanny", "tarfile", "tempfile",
    "textwrap", "this", "threading", "timeit", "token", "tokenize", "tomllib", "trace",
    "traceback", "tracemalloc", "tty", "types", "typing", "unittest", "urllib", "uuid",
    "warnings", "wave", "weakref", "webbrowser", "wsgiref", "xml", "xmlrpc", "zipapp",
    "zipfile", "zipimport", "zoneinfo",
})
"""The top-level modules in the pinned Pyodide's python_stdlib.zip (reading the archive on every build cost
more than the rest of the kinds' checks). A test checks this list against the archive."""
PYODIDE_STDLIB_SIZE = 2545637
"""The byte size of that archive: an archive of another size is read instead of trusting the list."""

# The pinned files by size: a folder of another Pyodide build or version differs in at least one of them.
PYODIDE_SIZES = {"pyodide.mjs": 17931, "pyodide.asm.mjs": 1250344, "pyodide.asm.wasm": 9598218,
                 FULL_STDLIB: PYODIDE_STDLIB_SIZE}
# What the runtime files weigh as a static host sends them (gzip; GitHub Pages compresses .wasm too): what a
# reader saving data is told before Python loads. A test checks them against the files.
PYODIDE_GZIP_SIZES = {"pyodide.mjs": 7156, "pyodide.asm.mjs": 260107, "pyodide.asm.wasm": 3546122}

# What the Python made ready at build time (runtime/snapshot.py) weighs, in MB of 1,000,000 bytes as a host
# sends its files (already gzipped: nothing more to compress). Measured on this repository's own guide (the
# site `mkdocs build` makes here) with the pinned Pyodide, for the benchmark of 2026-12-03
# (manual/docs/benchmark.md). The build's note (snapshot.py), the `ready_python` option's text (config.py, and
# so the manual's reference) and the starter's comments (page/assets/start.js) say them from here; the manual's
# pages that quote them are checked against them. tests/test_sizes.py measures both again on a fresh build
# and fails once either has moved by more than 0.3 MB: then measure, and update them here.
PREPARED_EXTRA_MB = 2.1
"""What a first visit downloads more when it restores the prepared Python than when it starts Python itself:
the prepared file (`python-ready-<hash>.gz`) and the archive it boots with, less the reduced standard library
it then does without."""
PREPARED_SITE_MB = 2.7
"""How much larger the site is with the prepared Python than with `ready_python: false`: its file and the
archive it boots with (normally an empty one)."""

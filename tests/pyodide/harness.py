"""For a run on a reduced standard library: what it lacks comes from the full one, and every module that was
imported on behalf of the widget logic (a logic file on the stack) is noted in OUTSIDE. The reduced archive
must hold all of those, so OUTSIDE must stay empty. Imports nothing but sys, which any Python has."""

import sys

OUTSIDE: list[str] = []


class FullStdlib:
    """Last on sys.meta_path: only asked for what no other finder found."""

    def __init__(self, folder: str, logic_dir: str) -> None:
        self.folder, self.logic_dir = folder, logic_dir
        self.finder = next(f for f in sys.meta_path if getattr(f, "__name__", "") == "PathFinder")

    def find_spec(self, name, path=None, target=None):
        spec = self.finder.find_spec(name, path if path is not None else [self.folder], target)
        if spec is None:
            return None
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename.startswith(self.logic_dir):
                OUTSIDE.append(name)
                break
            frame = frame.f_back
        return spec


def install(full_folder: str, logic_dir: str) -> None:
    sys.meta_path.append(FullStdlib(full_folder, logic_dir))

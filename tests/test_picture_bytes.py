"""What pictures cost a first visit: the drawing code, its styles and the logic's vocabulary, as a static host
sends them (gzip), must stay within 3 KB."""

from __future__ import annotations

import gzip
import io
import re
import zipfile

from guide_widgets._internal.page.bundle import asset_path, served_asset
from guide_widgets._internal.runtime.archive import logic_archive
from guide_widgets._internal.widgets.registry import builtin_kinds

LIMIT = 3 * 1024


def test_pictures_add_at_most_3_kb_compressed_to_a_first_visit(monkeypatch):
    facts = {"strings": {}}
    with_pictures = gzip.compress(served_asset("widgets.js", facts)) + gzip.compress(served_asset("widgets.css"))
    # The same page code without them: the import and the one line that draws, and their styles, taken out.
    entry = asset_path("widgets.js").read_text(encoding="utf-8")
    plain_entry = re.sub(r'^import \{ PICTURES, picture \} from "\./pictures\.js";\n', "", entry, flags=re.M)
    plain_entry = re.sub(r"^ *if \(PICTURES\.has\(node\.t\)\).*\n", "", plain_entry, flags=re.M)
    assert plain_entry != entry
    css = asset_path("widgets.css").read_text(encoding="utf-8")
    plain_css = css[:css.index("/* Pictures of a result")]
    original = type(asset_path("widgets.js")).read_text

    def without(path, *args, **kwargs):
        text = original(path, *args, **kwargs)
        return {"widgets.js": plain_entry, "widgets.css": plain_css}.get(path.name, text)

    monkeypatch.setattr(type(asset_path("widgets.js")), "read_text", without)
    without_pictures = gzip.compress(served_asset("widgets.js", facts)) + gzip.compress(served_asset("widgets.css"))
    monkeypatch.undo()
    page_bytes = len(with_pictures) - len(without_pictures)
    with zipfile.ZipFile(io.BytesIO(logic_archive(builtin_kinds().values())[1])) as archive:
        logic_bytes = archive.getinfo("guide_widgets/logic/pictures.py").compress_size
    assert page_bytes > 0 and page_bytes + logic_bytes <= LIMIT, (page_bytes, logic_bytes)

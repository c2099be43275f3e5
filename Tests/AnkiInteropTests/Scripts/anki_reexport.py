"""Import a package into a fresh collection with the real Anki library, then export it
again in the layout current Anki writes by default (collection.anki21b, zstd, schema 18).

usage: anki_reexport.py IN.apkg OUT.apkg
"""
import os
import sys
import tempfile

from anki.collection import (Collection, ExportAnkiPackageOptions, ImportAnkiPackageOptions,
                             ImportAnkiPackageRequest)
from anki.decks import DeckId
from anki.collection import DeckIdLimit


def main() -> int:
    src, dst = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(os.path.join(tmp, "collection.anki2"))
        col.import_anki_package(ImportAnkiPackageRequest(
            package_path=os.path.abspath(src),
            options=ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=True, with_deck_configs=True)))
        # Every deck but the empty Default one.
        exported = 0
        for d in col.decks.all_names_and_ids():
            if "::" in d.name:
                continue
            if not col.decks.cids(DeckId(d.id), children=True):
                continue
            out = dst if exported == 0 else f"{dst}.{exported}"
            col.export_anki_package(out_path=out, limit=DeckIdLimit(DeckId(d.id)),
                                    options=ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True,
                                                                     with_media=True, legacy=False))
            exported += 1
        col.close()
    print(f"exported {exported} package(s)")
    return 0 if exported else 1


if __name__ == "__main__":
    sys.exit(main())

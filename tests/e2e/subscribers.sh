#!/usr/bin/env bash
# End-to-end (issue 13): personalised subscriber copies, trace and the OPDS catalogue, on the example
# article's EPUB. 500 subscribers with Polish, Ukrainian, Georgian, Arabic and emoji names, quotes,
# commas, a line break and a <script> name: 500 copies, manifest right, each ex-libris name right and
# escaped, epubcheck 0/0/0 on a sample; trace finds the subscriber after the ex-libris page is cut out,
# a document renamed and the ZIP rewritten by Python's zipfile; "no mark" and "another key"; shards
# 1/3..3/3 cover the list exactly once with the same bytes; a run killed with SIGKILL and restarted
# ends complete; bad rows are reported by line; the OPDS catalogue is well-formed with resolving links.
# Usage: subscribers.sh /path/to/quire /path/to/source
set -euo pipefail
quire="$(realpath "$1")"
src="$(realpath "$2")"
jar=/usr/share/java/epubcheck.jar
for tool in java python3 unzip; do
  command -v "$tool" >/dev/null 2>&1 || { echo "skip: $tool is not installed: run .ci/install-deps" >&2; exit 77; }
done
[ -f "$jar" ] || { echo "skip: $jar is not installed: run .ci/install-deps" >&2; exit 77; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$work"

"$quire" epub "$src/examples/article.xml" -o book.epub
printf 'a publisher secret\n' >key
printf 'another secret\n' >other.key

# The list: 500 subscribers, names in many scripts, with the CSV's hard cases.
python3 - <<'PY'
import csv
names = ["Łucja Żółkiewska", "Оксана Коваленко-Шевчук", "ნინო გელაშვილი", "محمد عبد الله", "Émilie 🎉 Dupont 📚",
         'Anna "Ania" Nowak', "Kowalski, Jan", "<script>alert('x')</script>", "Line\nBreak", "Արմեն Սարգսյան",
         "Zoë & Co", "Иван Петров"]
with open("subscribers.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["id", "name", "email", "plan"])
    for i in range(500):
        sid = f"s{i:03d}" if i % 50 else f"../odd/{i}"   # ten ids that are not file names
        w.writerow([sid, f"{names[i % len(names)]} {i}", f"u{i}@example.org", "digital"])
PY

"$quire" subscribers book.epub subscribers.csv -o copies --secret-file key 2>run.err || { cat run.err >&2; fail "quire subscribers"; }
grep -q "500 made, 0 already complete, 0 failed, 0 bad rows" run.err || { cat run.err >&2; fail "summary line"; }
[ "$(ls copies/*.epub | wc -l)" = 500 ] || fail "expected 500 copies, found $(ls copies/*.epub | wc -l)"
[ -z "$(ls -A copies | grep -v -e '\.epub$' -e '^manifest\.csv$' || true)" ] || fail "stray files in copies/: $(ls -A copies)"

# Manifest: 500 rows, each file's size and SHA-256 right; every ex-libris name right, as text.
python3 - <<'PY' || fail "manifest or ex-libris names"
import csv, hashlib, os, zipfile, xml.etree.ElementTree as ET
subs = {r["id"]: r for r in csv.DictReader(open("subscribers.csv", encoding="utf-8", newline=""))}
rows = list(csv.DictReader(open("copies/manifest.csv", encoding="utf-8", newline="")))
assert len(rows) == 500 and {r["id"] for r in rows} == set(subs), "manifest ids"
assert len({r["copy_id"] for r in rows}) == 500, "copy ids not unique"
ns = {"h": "http://www.w3.org/1999/xhtml"}
for r in rows:
    path = os.path.join("copies", r["file"])
    assert os.path.dirname(os.path.abspath(path)) == os.path.abspath("copies"), r["file"]
    data = open(path, "rb").read()
    assert len(data) == int(r["bytes"]) and hashlib.sha256(data).hexdigest() == r["sha256"], r["id"]
    z = zipfile.ZipFile(path)
    first = z.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED and not first.extra
    page = ET.fromstring(z.read("EPUB/quire-ex-libris.xhtml"))
    name = page.find(".//h:p[@class='name']", ns)
    assert name is not None and name.text == subs[r["id"]]["name"], (r["id"], name.text if name is not None else None)
    assert page.find(".//h:script", ns) is None
    assert r["copy_id"] in z.read("EPUB/package.opf").decode()
    assert subs[r["id"]]["email"].encode() not in b"".join(z.read(n) for n in z.namelist())
print("ok: 500 copies: manifest, names, no email, mimetype first and stored")
PY

# The ex-libris page follows the cover in the spine.
unzip -p copies/s001.epub EPUB/package.opf | tr -d '\n' | grep -Eq 'idref="[^"]*cover[^"]*"/> *<itemref idref="quire-ex-libris"' ||
  fail "ex-libris page is not right after the cover"

# epubcheck on a sample: the <script> name, an Arabic one, an emoji one, an id that is not a file name.
for id in s007 s003 s004 ../odd/100; do
  file="$(grep -F "$id," copies/manifest.csv | head -1 | cut -d, -f2)"
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" "copies/$file" >check.txt 2>&1 || true
  grep -q "Messages: 0 fatals / 0 errors / 0 warnings" check.txt || { cat check.txt >&2; fail "epubcheck: $file"; }
  echo "ok: epubcheck $file: $(grep Messages: check.txt)"
done

# Reproducible: the same subscriber and secret give the same bytes.
head -4 subscribers.csv >three.csv
"$quire" subscribers book.epub three.csv -o again --secret-file key 2>/dev/null
for f in again/*.epub; do cmp "$f" "copies/$(basename "$f")" || fail "not reproducible: $f"; done
echo "ok: reproducible"

# Trace: cut the ex-libris page out, rename a content document, rewrite the ZIP with Python's zipfile.
python3 - <<'PY'
import re, zipfile
for sid in ["s001", "s007", "s123", "s499"]:
    src = zipfile.ZipFile(f"copies/{sid}.epub")
    opf = src.read("EPUB/package.opf").decode()
    opf = re.sub(r'\s*<item id="quire-ex-libris"[^>]*/>', "", opf)
    opf = re.sub(r'\s*<itemref idref="quire-ex-libris"/>', "", opf)
    docs = [n for n in src.namelist() if n.endswith(".xhtml") and "nav" not in n and "ex-libris" not in n]
    victim = docs[-1]
    renamed = victim.rsplit("/", 1)[0] + "/renamed-" + victim.rsplit("/", 1)[1]
    opf = opf.replace('href="' + victim.split("/", 1)[1] + '"', 'href="' + renamed.split("/", 1)[1] + '"')
    with zipfile.ZipFile(f"leaked-{sid}.epub", "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in src.infolist():
            if info.filename.endswith("quire-ex-libris.xhtml"):
                continue
            data = src.read(info.filename)
            name = renamed if info.filename == victim else info.filename
            if info.filename == "EPUB/package.opf":
                data = opf.encode()
            out.writestr(name, data, compress_type=zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
PY
for id in s001 s007 s123 s499; do
  unzip -l "leaked-$id.epub" | grep -q ex-libris && fail "ex-libris page still in leaked-$id.epub"
  "$quire" trace "leaked-$id.epub" --subscribers subscribers.csv --secret-file key >trace.txt || { cat trace.txt >&2; fail "trace $id"; }
  grep -qx "id: $id" trace.txt || { cat trace.txt >&2; fail "trace found the wrong subscriber for $id"; }
  expected_name="$(python3 -c "import csv,sys; print([r['name'] for r in csv.DictReader(open('subscribers.csv',encoding='utf-8',newline='')) if r['id']=='$id'][0].split(chr(10))[0])")"
  grep -qF "name: $expected_name" trace.txt || { cat trace.txt >&2; fail "trace name for $id"; }
done
echo "ok: trace after the ex-libris page cut, a file renamed, the ZIP rewritten by zipfile"
set +e
"$quire" trace book.epub --subscribers subscribers.csv --secret-file key >trace.txt; status=$?
set -e
[ "$status" = 2 ] && grep -q "no mark" trace.txt || fail "an unmarked book: expected \"no mark\", got $status: $(cat trace.txt)"
set +e
"$quire" trace leaked-s001.epub --subscribers subscribers.csv --secret-file other.key >trace.txt; status=$?
set -e
[ "$status" = 3 ] && grep -q "mark from another key" trace.txt || fail "another key: got $status: $(cat trace.txt)"
echo "ok: no mark, another key"

# Shards 1/3, 2/3, 3/3 into one folder: every subscriber exactly once, the same bytes as one run.
for i in 1 2 3; do "$quire" subscribers book.epub subscribers.csv -o shards --secret-file key --shard "$i/3" 2>>shards.err; done
python3 - <<'PY' || fail "shards"
import csv
one = {r["id"]: r for r in csv.DictReader(open("copies/manifest.csv", encoding="utf-8", newline=""))}
ids, sizes = [], []
for i in (1, 2, 3):
    rows = list(csv.DictReader(open(f"shards/manifest-{i}-of-3.csv", encoding="utf-8", newline="")))
    sizes.append(len(rows))
    for r in rows:
        assert r["sha256"] == one[r["id"]]["sha256"], r["id"]
        ids.append(r["id"])
assert len(ids) == 500 and set(ids) == set(one), (len(ids), len(set(ids)))
assert min(sizes) > 100, sizes
print("ok: shards", sizes, "cover the 500 exactly once, same bytes")
PY
[ "$(ls shards/*.epub | wc -l)" = 500 ] || fail "shards wrote $(ls shards/*.epub | wc -l) files"

# SIGKILL midway, then run again: all 500 complete, none duplicated, no temporary file left.
"$quire" subscribers book.epub subscribers.csv -o killed --secret-file key -j 1 2>/dev/null &
pid=$!
for _ in $(seq 1 400); do
  n="$(ls killed 2>/dev/null | grep -c '\.epub$' || true)"
  [ "$n" -ge 60 ] && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
done_before="$(ls killed | grep -c '\.epub$' || true)"
[ "$done_before" -lt 500 ] || fail "the run ended before it could be killed"
"$quire" subscribers book.epub subscribers.csv -o killed --secret-file key 2>resume.err || { cat resume.err >&2; fail "resumed run"; }
grep -Eq "[1-9][0-9]* already complete" resume.err || { cat resume.err >&2; fail "the resumed run skipped nothing"; }
cmp <(sort copies/manifest.csv) <(sort killed/manifest.csv) || fail "manifest after a kill differs from an uninterrupted run's"
[ "$(ls -A killed | grep -v -e '\.epub$' -e '^manifest\.csv$' | wc -l)" = 0 ] || fail "left over: $(ls -A killed)"
for f in killed/*.epub; do cmp -s "$f" "copies/$(basename "$f")" || fail "copy differs after the kill: $f"; done
echo "ok: killed after $done_before copies, resumed: $(tail -1 resume.err)"

# Bad rows: reported with their line, skipped, exit 1; the good rows still made.
printf 'id,name,email\nok1,Good One,g@x\nbad,Only two\nok2,"Good, Two",h@x\n,No id,n@x\n' >bad.csv
set +e
"$quire" subscribers book.epub bad.csv -o badout --secret-file key 2>bad.err; status=$?
set -e
[ "$status" = 1 ] || fail "bad rows: exit $status"
grep -q "bad.csv:3: error:" bad.err && grep -q "bad.csv:5: error:" bad.err || { cat bad.err >&2; fail "bad row lines"; }
[ -f badout/ok1.epub ] && [ -f badout/ok2.epub ] || fail "good rows not made"
echo "ok: bad rows reported by line, the rest made"

# OPDS catalogue of a folder of EPUBs.
mkdir issues
cp book.epub issues/article-en.epub
"$quire" epub "$src/tests/data/epub/polish.xml" -o issues/polski.epub
"$quire" catalog issues -o catalog 2>catalog.err || { cat catalog.err >&2; fail "quire catalog"; }
python3 - <<'PY' || fail "OPDS catalogue"
import os, xml.etree.ElementTree as ET
A = "{http://www.w3.org/2005/Atom}"
for feed in ["catalog/index.xml", "catalog/all.xml"]:
    text = open(feed, encoding="utf-8").read()
    assert 'xmlns:opds="http://opds-spec.org/2010/catalog"' in text, feed
    root = ET.fromstring(text)
    assert root.tag == A + "feed", feed
    for tag in ("id", "title", "updated", "author"):
        assert root.find(A + tag) is not None, (feed, tag)
nav = ET.parse("catalog/index.xml").getroot()
subsections = [l.get("href") for e in nav.findall(A + "entry") for l in e.findall(A + "link")]
assert "all.xml" in subsections and all(os.path.exists(os.path.join("catalog", h)) for h in subsections), subsections
entries = ET.parse("catalog/all.xml").getroot().findall(A + "entry")
assert len(entries) == 2, len(entries)
dates = []
for e in entries:
    acq = [l for l in e.findall(A + "link") if l.get("rel") == "http://opds-spec.org/acquisition"]
    assert len(acq) == 1 and acq[0].get("type") == "application/epub+zip"
    target = os.path.normpath(os.path.join("catalog", acq[0].get("href")))
    assert os.path.isfile(target) and os.path.getsize(target) == int(acq[0].get("length")), target
    for l in e.findall(A + "link"):
        if "image" in l.get("rel"):
            assert os.path.isfile(os.path.join("catalog", l.get("href"))), l.get("href")
    assert e.find(A + "title").text and e.find(A + "updated").text
    assert e.find("{http://purl.org/dc/terms/}language") is not None
    dates.append(e.find("{http://purl.org/dc/terms/}issued").text)
assert dates == sorted(dates, reverse=True), dates
print("ok: OPDS catalogue:", len(entries), "entries, links resolve, newest first", dates)
PY

#!/usr/bin/env bash
# Reproduces the figures of docs/reliability.md with the built program:
# kill -9 during receives, concurrent writers, read-only commands beside a
# reader and a writer, paths with # ? % and Vietnamese letters, backup and
# restore, audit verify against each kind of edit, and bad inputs.
# Usage: scripts/reliability.sh [BINARY]   (builds one with -tags ci if none)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PATH:/usr/local/go/bin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=${1:-}
if [ -z "$bin" ]; then
	bin=$work/motcua
	CGO_ENABLED=0 go build -tags ci -o "$bin" .
fi
export MOTCUA_BIN=$bin WORK=$work
python3 - <<'PY'
import json, os, random, sqlite3, subprocess, time, signal, threading
bin, work = os.environ["MOTCUA_BIN"], os.environ["WORK"]

profiled = set()

def run(db, *args, inp=None):
    # Nothing is issued under placeholders: each register gets the commune's
    # profile before its first command.
    if db not in profiled:
        profiled.add(db)
        subprocess.run([bin, "--db", db, "settings", "agency_code=000.17.22.H56", "commune=Ủy ban nhân dân xã Đông Văn",
                        "place_name=Đông Văn", "chair_name=Lê Văn Tuấn"], capture_output=True, text=True)
    p = subprocess.run([bin, "--db", db, *args], capture_output=True, text=True, input=inp)
    return p.returncode, p.stdout, p.stderr

def receive_args(i):
    return ["receive", "--procedure", "chung-thuc-ban-sao", "--applicant", f"Nguyễn Văn Thử {i}", "--json"]

print("## kill -9 during receives")
db = os.path.join(work, "kill.db")
run(db, "procedures")
random.seed(7)
acked, killed = [], 0
for i in range(200):
    p = subprocess.Popen([bin, "--db", db, *receive_args(i)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    time.sleep(random.uniform(0.005, 0.12))
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
    out, _ = p.communicate()
    if p.returncode == 0:
        acked.append(json.loads(out)["code"])
    else:
        killed += 1
lost = [c for c in acked if run(db, "show", c)[0] != 0]
con = sqlite3.connect(db)
n, codes, entries, maxe = con.execute("SELECT COUNT(*), COUNT(DISTINCT code), COUNT(DISTINCT entry_no), MAX(entry_no) FROM dossiers").fetchone()
integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
con.close()
print(f"- 200 receives, each killed at a random moment (5–120 ms): {len(acked)} acknowledged, {killed} killed, "
      f"{len(lost)} acknowledged lost; {n} dossiers on file, {codes} distinct codes, entry numbers 1..{maxe} without gaps: {entries == n == maxe}; integrity_check: {integrity}")

print("\n## concurrent writers")
db = os.path.join(work, "conc.db")
run(db, "procedures")
errors = []
def writer(w):
    for i in range(50):
        rc, _, err = run(db, *receive_args(w * 1000 + i))
        if rc != 0:
            errors.append(err)
ts = [threading.Thread(target=writer, args=(w,)) for w in range(3)]
t0 = time.time()
[t.start() for t in ts]; [t.join() for t in ts]
con = sqlite3.connect(db)
n, codes, entries = con.execute("SELECT COUNT(*), COUNT(DISTINCT code), COUNT(DISTINCT entry_no) FROM dossiers").fetchone()
con.close()
print(f"- 3 processes × 50 receives at once ({time.time()-t0:.1f} s): {n} dossiers, {codes} codes, {entries} entry numbers, {len(errors)} failed commands")

print("\n## read-only commands beside another process")
db = os.path.join(work, "read.db")
code = json.loads(run(db, *receive_args(1))[1])["code"]
def timed(*args):
    best = []
    for _ in range(5):
        t0 = time.time(); rc, _, err = run(db, *args); best.append((time.time() - t0) * 1000)
        if rc != 0:
            return f"FAILED: {err.strip()}"
    best.sort()
    return f"median {best[2]:.0f} ms"
for hold in ["BEGIN", "BEGIN IMMEDIATE"]:
    con = sqlite3.connect(db, isolation_level=None)
    con.execute(hold); con.execute("SELECT COUNT(*) FROM dossiers").fetchone()
    if hold == "BEGIN IMMEDIATE":
        con.execute("INSERT INTO settings (key, value) VALUES ('held', '1')")
    what = "a read transaction" if hold == "BEGIN" else "the write lock"
    print(f"- another process holds {what}: `search` {timed('search', 'nguyen van thu')}, `show` {timed('show', code)} (whole process: start, open, answer, close)")
    con.execute("ROLLBACK"); con.close()

print("\n## paths with # ? % spaces and Vietnamese letters")
for name in ["a#b", "a?b", "a%41b", "dữ liệu #2 (50%)"]:
    d = os.path.join(work, "paths", name)
    db = os.path.join(d, "sổ.db")
    rc, _, err = run(db, *receive_args(1))
    ok = rc == 0 and os.path.exists(db) and os.listdir(os.path.join(work, "paths")) and run(db, "search", "nguyen")[0] == 0
    print(f"- `{name}/sổ.db`: receive {'ok' if rc == 0 else err.strip()}; data file at the named path: {os.path.exists(db)}")
    import shutil; shutil.rmtree(os.path.join(work, "paths"))

print("\n## another program's SQLite file")
db = os.path.join(work, "other.db")
con = sqlite3.connect(db); con.execute("CREATE TABLE contacts (name TEXT)"); con.commit(); con.close()
before = open(db, "rb").read()
rc, _, err = run(db, "search", "x")
print(f"- `search` on it: exit {rc}, file unchanged: {open(db, 'rb').read() == before}, WAL file created: {os.path.exists(db + '-wal')}")
print(f"  > {err.strip()}")

print("\n## backup and restore")
db = os.path.join(work, "b.db")
for i in range(5):
    run(db, *receive_args(i))
bk = os.path.join(work, "usb", "bk.db"); os.makedirs(os.path.dirname(bk))
rc, out, err = run(db, "backup", "-o", bk, "--json")
print(f"- backup of 5 dossiers while in use: exit {rc}, {json.loads(out) if rc == 0 else err}")
for i in range(5, 8):
    run(db, *receive_args(i))
rc, out, err = run(db, "restore", bk, inp="không\n")
print(f"- restore answered \"không\": exit {rc}; register still has {len(json.loads(run(db, 'search', '--json', '--limit', '100', 'thu')[1]))} dossiers")
print(f"  > {err.strip().splitlines()[1] if len(err.strip().splitlines()) > 1 else err.strip()}")
rc, out, err = run(db, "restore", bk, "--yes", "--json")
plan = json.loads(out) if rc == 0 else {}
print(f"- restore --yes: exit {rc}; warned of {plan.get('newer')} newer dossiers; register now has "
      f"{len(json.loads(run(db, 'search', '--json', '--limit', '100', 'thu')[1]))} dossiers; the replaced one kept at sao-luu/{os.path.basename(plan.get('aside', ''))}")

print("\n## audit verify against edits made with a plain SQLite tool")
edits = {
    "an event's time": "UPDATE events SET at = at - 86400 WHERE seq = 1 AND dossier_n = 2",
    "an outcome": "UPDATE dossiers SET outcome = 'early' WHERE n = 3",
    "a phone number": "UPDATE dossiers SET applicant_phone = '0999999999' WHERE n = 1",
    "an audit actor": "UPDATE audit SET actor = 'Chủ tịch' WHERE n = 2",
    "a deleted audit line": "DELETE FROM audit WHERE n = 3",
    "an inserted audit line": "INSERT INTO audit (n, at, actor, action, entity, entity_id) VALUES ((SELECT MAX(n)+1 FROM audit), 1, 'x', 'receive', 'dossier', 'x')",
    "a removed back-dated mark": "UPDATE events SET backdated = 0",
}
for what, sql in edits.items():
    db = os.path.join(work, "audit.db")
    for f in [db, db + "-wal", db + "-shm", db + ".kiem-tra"]:
        if os.path.exists(f): os.remove(f)
    profiled.discard(db)  # a new register: its profile again
    for i in range(3):
        run(db, *receive_args(i))
    run(db, "receive", "--procedure", "khai-sinh", "--applicant", "Giàng A Páo", "--at", time.strftime("%Y-%m-%d 07:00", time.localtime(time.time() - 3 * 86400)))
    assert run(db, "audit", "verify")[0] == 0
    con = sqlite3.connect(db); con.execute(sql); con.commit(); con.close()
    rc, out, err = run(db, "audit", "verify")
    print(f"- {what}: exit {rc}; {out.strip().splitlines()[0] if out.strip() else err.strip()}")

print("\n## bad input")
db = os.path.join(work, "bad.db")
cases = [
    ["calendar", "holidays", "2026abc"], ["calendar", "holidays", "0000"], ["calendar", "due", "--limit", "0d"],
    ["letters", "--status", "weird"], ["bench", "--samples", "-1"], ["seed", "--dossiers", "10", "--years", "100000"],
    ["receive", "--procedure", "khai-sinh", "--applicant", "An", "--note", "x" * 100000],
]
for c in cases:
    rc, _, err = run(db, *c)
    shown = " ".join(a if len(a) < 30 else a[:10] + "…" for a in c)
    print(f"- `{shown}`: exit {rc}: {err.strip().splitlines()[0][:160]}")
PY

#!/usr/bin/env bash
# Regenerates src/test/resources/django/ with real Django 3.2 + DRF 3.14 + SimpleJWT 5.2.2 (Debian
# bookworm's python3 packages), in a throwaway Django project on a throwaway SQLite database under
# a temporary directory; Django 2.2 (Debian bullseye), 4.2 (trixie) and 5.2 (sid) are only
# unpacked, never installed, to make the older and newer hash formats. Then checks every fixture
# (check_fixtures.py).
#
# Everything it writes is test-only: THROWAWAY passwords, TEST-ONLY keys, tokens signed by them.
# Re-running replaces every salt, key, token key and jti: commit the result as a whole.
#
# Environment (optional): KEEP_WORK=1 keeps the work directory; DJANGO_DEBS=<dir> takes the
# python3-django 2.2/4.2/5.2 and python3-asgiref .debs from there instead of downloading them.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$(cd "$HERE/../resources" && pwd)/django"
PY=/usr/bin/python3   # Debian's python, the one that sees Debian's packages (not pyenv's)
WORK="$(mktemp -d /tmp/restauth-django-fixtures.XXXXXX)"
[ "${KEEP_WORK:-}" = 1 ] && echo "work dir: $WORK" || trap 'rm -rf "$WORK"' EXIT
log() { echo "[fixtures] $*"; }

# 1. Debian packages -------------------------------------------------------------------------
PKGS="python3-django python3-djangorestframework python3-djangorestframework-simplejwt
      python3-jwt python3-cryptography python3-argon2 python3-bcrypt openssl"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  log "installing:$missing"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi
"$PY" -c 'import django; assert django.VERSION[:2] == (3, 2), django.get_version()'

# 2. Other Djangos, unpacked only: apt with private state under $WORK, the system left alone ----
DEBS="${DJANGO_DEBS:-$WORK/debs}"
if [ -z "${DJANGO_DEBS:-}" ]; then
  log "downloading python3-django from bullseye (2.2), trixie (4.2) and sid (5.2)"
  A="$WORK/apt"; mkdir -p "$A/lists/partial" "$A/cache/archives/partial" "$DEBS"
  cat >"$A/sources.list" <<EOF
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bullseye main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main
EOF
  APT=(-o "Dir::Etc::SourceList=$A/sources.list" -o Dir::Etc::SourceParts=/dev/null
       -o "Dir::State::Lists=$A/lists" -o "Dir::Cache=$A/cache" -o APT::Sandbox::User=root)
  apt-get "${APT[@]}" update -qq
  ver() { apt-cache "${APT[@]}" madison "$1" | awk -v s="$2" '$0 ~ s {print $3; exit}'; }
  (cd "$DEBS" && apt-get "${APT[@]}" download -qq \
     "python3-django=$(ver python3-django bullseye/main)" \
     "python3-django=$(ver python3-django trixie/main)" \
     "python3-django=$(ver python3-django sid/main)" \
     "python3-asgiref=$(ver python3-asgiref trixie/main)")
fi
for v in 2 4 5; do
  deb="$(ls "$DEBS"/python3-django_*"%3a$v".*.deb | head -1)"
  dpkg-deb -x "$deb" "$WORK/django$v"
done
dpkg-deb -x "$(ls "$DEBS"/python3-asgiref_*.deb | head -1)" "$WORK/django5"   # 5.x needs asgiref >= 3.8
other() {  # $1 = 2|4|5, $2 = JSON {algorithm: password}
  PYTHONPATH="$WORK/django$1/usr/lib/python3/dist-packages" "$PY" "$HERE/other_django_hashes.py" "dj$1-" "$2"
}
other 2 '{"pbkdf2_sha256": "judy-THROWAWAY-fixture-pw-6", "argon2": "ken-THROWAWAY-fixture-pw-7"}' >"$WORK/other2.json"
other 4 '{"pbkdf2_sha256": "grace-THROWAWAY-fixture-pw-16", "scrypt": "erin-THROWAWAY-fixture-pw-17"}' >"$WORK/other4.json"
other 5 '{"pbkdf2_sha256": "heidi-THROWAWAY-fixture-pw-18", "pbkdf2_sha1": "ivan-THROWAWAY-fixture-pw-19", "scrypt": "frank-THROWAWAY-fixture-pw-20"}' >"$WORK/other5.json"
"$PY" -c 'import json, sys; json.dump({k: v for f in sys.argv[2:] for k, v in json.load(open(f)).items()},
  open(sys.argv[1], "w"), ensure_ascii=False, indent=2)' "$WORK/other.json" "$WORK"/other[245].json

# 3. TEST-ONLY signing keys for the asymmetric SimpleJWT variants (PKCS#8 / SPKI PEM) ----------
rm -rf "$OUT"; mkdir -p "$OUT/jwt/hs256" "$OUT/jwt/rs256" "$OUT/jwt/es256"
openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/jwt/rs256/TEST-ONLY-rs256-private.pem"
openssl pkey -in "$OUT/jwt/rs256/TEST-ONLY-rs256-private.pem" -pubout -out "$OUT/jwt/rs256/rs256-public.pem"
openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$OUT/jwt/es256/TEST-ONLY-es256-private.pem"
openssl pkey -in "$OUT/jwt/es256/TEST-ONLY-es256-private.pem" -pubout -out "$OUT/jwt/es256/es256-public.pem"

# 4. The main population ---------------------------------------------------------------------
cd "$HERE"
export DJANGO_SETTINGS_MODULE=fixtureproject.settings PYTHONPATH="$HERE" PYTHONDONTWRITEBYTECODE=1
export FIXTURE_DB="$WORK/main.sqlite3"
dj() { "$PY" manage.py "$@"; }
dj migrate --noinput -v 0
"$PY" populate.py main "$WORK/other.json" "$WORK/main-users.json"
"$PY" - "$WORK" <<'EOF'
import json, sys
w = sys.argv[1]
users = json.load(open(f"{w}/main-users.json", encoding="utf-8"))
json.dump({"users": users}, open(f"{w}/passwords-main.json", "w", encoding="utf-8"), ensure_ascii=False)
EOF

# 5. The dumps, exactly as the issue's command writes them, before any login: a login through
#    Django rehashes a password that is not in the preferred format (check_password's setter) -----
MODELS=(auth.user auth.group authtoken.token)
dj dumpdata "${MODELS[@]}" --indent 2 >"$OUT/users-plain.json"
dj dumpdata "${MODELS[@]}" >"$OUT/users-compact.json"
dj dumpdata "${MODELS[@]}" --natural-foreign --indent 2 >"$OUT/users-natural-foreign.json"
dj dumpdata "${MODELS[@]}" --natural-foreign --natural-primary --indent 2 >"$OUT/users-natural.json"
# Any record order: the plain dump's records shuffled (fixed seed), written the way dumpdata
# writes --indent 2 (json.dump per record, "," + newline between records).
"$PY" - "$OUT" <<'EOF'
import json, random, sys
out = sys.argv[1]
records = json.load(open(f"{out}/users-plain.json", encoding="utf-8"))
seed = 18
while True:  # the first seed from 18 on that puts a token before any user or group
    shuffled = list(records)
    random.Random(seed).shuffle(shuffled)
    if shuffled[0]["model"] == "authtoken.token":
        break
    seed += 1
records = shuffled
with open(f"{out}/users-shuffled.json", "w", encoding="utf-8") as f:
    f.write("[\n" + ",\n".join(json.dumps(r, indent=2, separators=(",", ": "), ensure_ascii=False)
                               for r in records) + "\n]\n")
EOF

# 6. SimpleJWT HS256 (the old service's own configuration), then its token_blacklist ----------
JWT_VARIANT=hs256 "$PY" mint_tokens.py "$WORK/passwords-main.json" "$OUT/jwt/hs256"
JWT_VARIANT=hs256 JWT_LIFETIME=default "$PY" mint_tokens.py "$WORK/passwords-main.json" "$OUT/jwt/hs256" --expired
dj dumpdata token_blacklist --indent 2 >"$OUT/token-blacklist.json"

# 7. Asymmetric SimpleJWT variants (same users) ------------------------------------------------
for v in rs256 es256; do
  JWT_VARIANT=$v JWT_KEYS_DIR="$OUT/jwt/$v" "$PY" mint_tokens.py "$WORK/passwords-main.json" "$OUT/jwt/$v"
  JWT_VARIANT=$v JWT_KEYS_DIR="$OUT/jwt/$v" JWT_LIFETIME=default "$PY" mint_tokens.py "$WORK/passwords-main.json" "$OUT/jwt/$v" --expired
done

# 8. Edge cases, in a database of their own ----------------------------------------------------
FIXTURE_DB="$WORK/edge.sqlite3" dj migrate --noinput -v 0
FIXTURE_DB="$WORK/edge.sqlite3" "$PY" populate.py edge - "$WORK/edge-users.json"
FIXTURE_DB="$WORK/edge.sqlite3" dj dumpdata "${MODELS[@]}" --indent 2 >"$OUT/users-edge-cases.json"

# 9. passwords.json ----------------------------------------------------------------------------
"$PY" - "$WORK" "$OUT" <<'EOF'
import json, sys
w, out = sys.argv[1:3]
doc = {
    "_comment": "THROWAWAY FIXTURE PASSWORDS, for tests only: the plaintext each fixture user of "
                "users-*.json logs in with. 'users' = users-plain/compact/natural*/shuffled.json, "
                "'edge_cases' = users-edge-cases.json. 'token' repeats the user's DRF authtoken key "
                "from the dump; 'django_login_ok' is what Django itself answers for the password.",
    "users": json.load(open(f"{w}/main-users.json", encoding="utf-8")),
    "edge_cases": json.load(open(f"{w}/edge-users.json", encoding="utf-8")),
}
with open(f"{out}/passwords.json", "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2)
    f.write("\n")
EOF

# 10. Check everything with Django/SimpleJWT again ---------------------------------------------
export FIXTURE_DB="$WORK/check.sqlite3"
"$PY" check_fixtures.py "$OUT" "$WORK"/django{2,4,5}/usr/lib/python3/dist-packages
log "done: $OUT"

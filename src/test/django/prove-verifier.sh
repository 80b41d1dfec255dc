#!/usr/bin/env bash
# Proves verify-simplejwt.py against a running restauth: logs in, has SimpleJWT accept the access
# token, and refuses the refresh token, a token with a changed claim, a changed signature, an
# unsigned ("alg": "none") copy, and a wrong audience/issuer; then JWTAuthentication (the class
# that looks the user up) with Django dumps where the token's user_id is active, inactive, absent.
# Exit 0 = every expectation held (10 cases).
#
# Usage: prove-verifier.sh http://localhost:9080 USERNAME PASSWORD
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SERVER="${1:?server URL}" USERNAME="${2:?username}" PASSWORD="${3:?password}"
PY=/usr/bin/python3
VERIFY=("$PY" "$HERE/verify-simplejwt.py" --server "$SERVER")

pair="$(curl -sf --data-urlencode "username=$USERNAME" --data-urlencode "password=$PASSWORD" "$SERVER/api/token/")"
field() { "$PY" -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1" <<<"$pair"; }
ACCESS="$(field access)" REFRESH="$(field refresh)"

# tamper KIND TOKEN: claim = user_id changed in the payload (signature kept); sig = one signature
# byte flipped; none = header {"alg":"none"} and no signature.
tamper() {
  "$PY" - "$1" "$2" <<'EOF'
import base64, json, sys
kind, token = sys.argv[1:3]
h, p, s = token.split(".")
b64d = lambda t: base64.urlsafe_b64decode(t + "=" * (-len(t) % 4))
b64e = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
if kind == "claim":
    claims = json.loads(b64d(p))
    claims["user_id"] = 999 if isinstance(claims["user_id"], int) else "999"
    p = b64e(json.dumps(claims, separators=(",", ":")).encode())
elif kind == "sig":
    raw = bytearray(b64d(s)); raw[7] ^= 0x01; s = b64e(bytes(raw))
elif kind == "none":
    h, s = b64e(b'{"alg":"none","typ":"JWT"}'), ""
print(".".join((h, p, s)))
EOF
}

failures=0
expect() {  # expect 0|1 DESCRIPTION ARGS...
  local want="$1" what="$2"; shift 2
  local got=0 out
  out="$("${VERIFY[@]}" "$@")" || got=$?
  if [ "$got" = "$want" ]; then echo "ok   ($what) exit $got: $out"; else
    echo "FAIL ($what) exit $got, wanted $want: $out"; failures=$((failures + 1)); fi
}
expect 0 "access token" "$ACCESS"
expect 1 "refresh token as access" "$REFRESH"
expect 1 "user_id changed, signature kept" "$(tamper claim "$ACCESS")"
expect 1 "signature byte flipped" "$(tamper sig "$ACCESS")"
expect 1 "alg none, no signature" "$(tamper none "$ACCESS")"
expect 1 "wrong audience" --audience someone-else "$ACCESS"
expect 1 "wrong issuer" --issuer someone-else "$ACCESS"

# Django dumps: the token's user id active, the same user inactive, and only another id.
DUMPS="$(mktemp -d)"
trap 'rm -rf "$DUMPS"' EXIT
"$PY" - "$ACCESS" "$DUMPS" <<'EOF'
import base64, json, sys
token, out = sys.argv[1:3]
p = token.split(".")[1]
claims = json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))
for name, pk, active in (("active", int(claims["user_id"]), True),
                         ("inactive", int(claims["user_id"]), False),
                         ("absent", int(claims["user_id"]) + 1, True)):
    with open(f"{out}/{name}.json", "w") as f:
        json.dump([{"model": "auth.user", "pk": pk, "fields": {
            "password": "!unusable", "last_login": None, "is_superuser": False,
            "username": claims["username"], "first_name": "", "last_name": "", "email": "",
            "is_staff": False, "is_active": active, "date_joined": "2024-01-01T00:00:00Z",
            "groups": [], "user_permissions": []}}], f)
EOF
expect 0 "JWTAuthentication, user active in the Django dump" --django-users "$DUMPS/active.json" "$ACCESS"
expect 1 "JWTAuthentication, user inactive" --django-users "$DUMPS/inactive.json" "$ACCESS"
expect 1 "JWTAuthentication, no user with that id" --django-users "$DUMPS/absent.json" "$ACCESS"
[ "$failures" = 0 ] && echo "all expectations held" || { echo "$failures failed"; exit 1; }

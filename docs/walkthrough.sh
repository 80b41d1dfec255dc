#!/usr/bin/env bash
# The walkthrough of README.md and docs/api.md: every example, in order, against a running server.
# It stops at the first answer that is not the one expected. WalkthroughIT runs it in
# `./mvnw verify` against the test server and checks that the documentation quotes its sections
# (the blocks between the `# --- name ---` lines) word for word, so the examples cannot rot.
#
#   export ADMIN_USERNAME=admin ADMIN_PASSWORD='…'   # the same two the server was started with
#   docs/walkthrough.sh                             # BASE=http://localhost:9080 unless set
#
# Sourced instead (`. docs/walkthrough.sh`), it only defines BASE and the helpers below, so that
# you can type the documented commands one by one. Needs bash, curl and POSIX tools; no jq.

BASE=${BASE:-http://localhost:9080}
WALK=$(mktemp -d) # the last answer: status, headers, body

# check STATUS curl ARGS...: runs curl, prints the answer's status and body, and fails unless the
# status is STATUS.
check() {
    local expected=$1 status
    shift
    if [ "${1:-}" != curl ]; then
        echo "walkthrough: check STATUS curl ARGS..." >&2
        return 2
    fi
    "$@" --silent --show-error --dump-header "$WALK/headers" --output "$WALK/body" \
        --write-out '%{http_code}' >"$WALK/status" || return
    status=$(cat "$WALK/status")
    printf '%s %s\n' "$status" "$(cat "$WALK/body")"
    if [ "$status" != "$expected" ]; then
        echo "walkthrough: expected $expected, got $status from ${*: -1}" >&2
        return 1
    fi
}

# says TEXT: fails unless the last answer's body contains TEXT.
says() {
    grep -qF -- "$1" "$WALK/body" || {
        echo "walkthrough: the answer does not say $1" >&2
        return 1
    }
}

# header NAME VALUE: fails unless the last answer has the header NAME, and its value contains VALUE.
header() {
    local value
    value=$(tr -d '\r' <"$WALK/headers" | grep -i "^$1:" | sed 's/^[^:]*: *//' | tail -n 1)
    case "$value" in
    *"$2"*) ;;
    *)
        echo "walkthrough: header $1 is '$value', without '$2'" >&2
        return 1
        ;;
    esac
}

# field NAME: the value of the string or number field NAME of the last answer's JSON body.
field() {
    local value
    value=$(sed -n -e "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p" -e "s/.*\"$1\" *: *\([0-9][0-9]*\).*/\1/p" \
        "$WALK/body" | head -n 1)
    [ -n "$value" ] || {
        echo "walkthrough: no field $1 in the answer" >&2
        return 1
    }
    printf '%s\n' "$value"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    return 0 # sourced: helpers only
fi
set -euo pipefail
trap 'status=$?; rm -rf "$WALK"; [ "$status" != 0 ] || echo "walkthrough: every answer as expected"' EXIT
: "${ADMIN_USERNAME:?export ADMIN_USERNAME and ADMIN_PASSWORD, as given to the server}"
: "${ADMIN_PASSWORD:?export ADMIN_USERNAME and ADMIN_PASSWORD, as given to the server}"

# --- public ---
check 200 curl "$BASE/health/ready"
says '"status":"UP"'
check 200 curl "$BASE/api/public/"
says '{"message":"public"}'
check 404 curl "$BASE/api/nothing/"
says '{"detail":"Not found."}'

# --- first-steps ---
ADMIN="$ADMIN_USERNAME:$ADMIN_PASSWORD"  # the admin the server created at startup
RUN=$(date +%s)-$$                       # a suffix, so that this runs again on the same database
ALICE=alice-$RUN ALICE_PASSWORD=correct-horse-battery-staple
check 201 curl -u "$ADMIN" -H 'Content-Type: application/json' \
    -d "{\"username\": \"$ALICE\", \"password\": \"$ALICE_PASSWORD\", \"roles\": [\"staff\"]}" "$BASE/api/users/"
# Basic: the password on every request
check 200 curl -u "$ALICE:$ALICE_PASSWORD" "$BASE/api/hello/"
says "{\"message\":\"Hello, $ALICE!\"}"
# Bearer: a JWT pair from SimpleJWT's login (form or JSON), then its access token
check 200 curl -d "username=$ALICE" -d "password=$ALICE_PASSWORD" "$BASE/api/token/"
ACCESS=$(field access)
check 200 curl -H "Authorization: Bearer $ACCESS" "$BASE/api/hello/"
# Token: a DRF key from obtain_auth_token's endpoint, then the key
check 200 curl -d "username=$ALICE" -d "password=$ALICE_PASSWORD" "$BASE/api/auth-token/"
KEY=$(field token)
check 200 curl -H "Authorization: Token $KEY" "$BASE/api/hello/"

# --- access ---
# No credentials where authentication is required: 401, with the first scheme's challenge
check 401 curl "$BASE/api/hello/"
says '{"detail":"Authentication credentials were not provided."}'
header WWW-Authenticate 'Bearer realm="api"'

# Bad credentials: 401 with that scheme's message and challenge, even on a public resource
check 401 curl -H 'Authorization: Token not-a-key' "$BASE/api/public/"
says '{"detail":"Invalid token."}'
header WWW-Authenticate Token

# Authenticated, without the role: 403
check 403 curl -H "Authorization: Bearer $ACCESS" "$BASE/api/admin/"
says '{"detail":"You do not have permission to perform this action."}'
check 200 curl -u "$ADMIN" "$BASE/api/admin/"

# --- jwt ---
# Log in with JSON this time: a pair, with Cache-Control: no-store
check 200 curl -H 'Content-Type: application/json' \
    -d "{\"username\": \"$ALICE\", \"password\": \"$ALICE_PASSWORD\"}" "$BASE/api/token/"
header Cache-Control no-store
ACCESS=$(field access)
REFRESH=$(field refresh)

# Verify any of our tokens
check 200 curl -d "token=$ACCESS" "$BASE/api/token/verify/"
says '{}'

# Refresh: rotation is on, so a new pair comes back and the refresh token sent is spent
check 200 curl -d "refresh=$REFRESH" "$BASE/api/token/refresh/"
SPENT=$REFRESH
ACCESS=$(field access)
REFRESH=$(field refresh)

# The spent one again means two parties hold it: refused, and its whole family is revoked
check 401 curl -d "refresh=$SPENT" "$BASE/api/token/refresh/"
says '"detail":"Token is blacklisted"'
check 401 curl -d "refresh=$REFRESH" "$BASE/api/token/refresh/"

# Log out of one session: blacklist its refresh token
check 200 curl -d "username=$ALICE" -d "password=$ALICE_PASSWORD" "$BASE/api/token/"
REFRESH=$(field refresh)
check 200 curl -d "refresh=$REFRESH" "$BASE/api/token/blacklist/"
check 401 curl -d "refresh=$REFRESH" "$BASE/api/token/refresh/"
says '"detail":"Token is blacklisted"'

# The public keys that verify our tokens, for other services
check 200 curl "$BASE/.well-known/jwks.json"
says '"alg":"ES256"'

# --- apitokens ---
# Log out: revoke the key this request is authenticated with
check 204 curl -X DELETE -H "Authorization: Token $KEY" "$BASE/api/auth-token/"
check 401 curl -H "Authorization: Token $KEY" "$BASE/api/hello/"
says '{"detail":"Invalid token."}'

# Personal access tokens: named, optionally expiring; the key appears in this answer only
check 201 curl -u "$ALICE:$ALICE_PASSWORD" -H 'Content-Type: application/json' \
    -d '{"name": "ci", "expires_in": "P30D"}' "$BASE/api/auth-tokens/"
CI_KEY=$(field token)
CI_ID=$(field id)
check 200 curl -H "Authorization: Token $CI_KEY" "$BASE/api/auth-tokens/"
says '"name":"ci"'
check 204 curl -X DELETE -H "Authorization: Token $CI_KEY" "$BASE/api/auth-tokens/$CI_ID/"

# Admin: a user's tokens; a new key as drf_create_token -r does (her others revoked first)
check 200 curl -u "$ADMIN" "$BASE/api/users/$ALICE/auth-tokens/"
check 201 curl -X POST -u "$ADMIN" "$BASE/api/users/$ALICE/auth-token/?reset=true"
KEY=$(field token)
check 200 curl -H "Authorization: Token $KEY" "$BASE/api/hello/"

# Admin: import a key from Django's authtoken_token table, so that it keeps working (stored hashed)
DRF_KEY=$(od -An -N20 -tx1 /dev/urandom | tr -d ' \n') # stands in for that table's key column
check 201 curl -u "$ADMIN" -H 'Content-Type: application/json' -d "{\"key\": \"$DRF_KEY\"}" \
    "$BASE/api/users/$ALICE/auth-token/import"
check 200 curl -H "Authorization: Token $DRF_KEY" "$BASE/api/hello/"

# --- logout-all ---
# End every session of the caller: refresh families, access tokens issued until now, API keys
check 200 curl -d "username=$ALICE" -d "password=$ALICE_PASSWORD" "$BASE/api/token/"
ACCESS=$(field access)
check 200 curl -X POST -H "Authorization: Bearer $ACCESS" "$BASE/api/token/logout-all/"
check 401 curl -H "Authorization: Bearer $ACCESS" "$BASE/api/hello/"
says '"message":"Token is blacklisted"'
check 401 curl -H "Authorization: Token $KEY" "$BASE/api/hello/"
check 401 curl -H "Authorization: Token $DRF_KEY" "$BASE/api/hello/"

# --- users ---
# Admin: list, read, change roles
check 200 curl -u "$ADMIN" "$BASE/api/users/"
check 200 curl -u "$ADMIN" "$BASE/api/users/$ALICE/"
says '"active":true'
check 200 curl -u "$ADMIN" -X PATCH -H 'Content-Type: application/json' \
    -d '{"roles": ["staff", "editor"]}' "$BASE/api/users/$ALICE/"
says '"editor"'

# Validation errors are DRF's field map, with Django's messages
check 400 curl -u "$ADMIN" -H 'Content-Type: application/json' \
    -d "{\"username\": \"$ALICE\", \"password\": \"$ALICE_PASSWORD\"}" "$BASE/api/users/"
says '{"username":["A user with that username already exists."]}'
check 400 curl -u "$ADMIN" -H 'Content-Type: application/json' \
    -d '{"username": "someone", "password": "short"}' "$BASE/api/users/"
says '{"password":["This password is too short. It must contain at least 8 characters."]}'

# Any user: their own account; not anyone else's
check 200 curl -u "$ALICE:$ALICE_PASSWORD" "$BASE/api/users/me/"
check 403 curl -u "$ALICE:$ALICE_PASSWORD" "$BASE/api/users/"

# Any user: a password change with the old one; every token they hold dies with it
check 200 curl -d "username=$ALICE" -d "password=$ALICE_PASSWORD" "$BASE/api/token/"
ACCESS=$(field access)
check 200 curl -u "$ALICE:$ALICE_PASSWORD" -H 'Content-Type: application/json' \
    -d "{\"old_password\": \"$ALICE_PASSWORD\", \"new_password\": \"a-new-long-secret\"}" "$BASE/api/users/me/password/"
says '{"detail":"New password has been saved."}'
ALICE_PASSWORD=a-new-long-secret
check 401 curl -H "Authorization: Bearer $ACCESS" "$BASE/api/hello/"
check 200 curl -u "$ALICE:$ALICE_PASSWORD" "$BASE/api/hello/"

# --- deactivate ---
# Admin: deactivate a user; their tokens are refused until an admin reactivates them
BOB=bob-$RUN BOB_PASSWORD=another-long-password
check 201 curl -u "$ADMIN" -H 'Content-Type: application/json' \
    -d "{\"username\": \"$BOB\", \"password\": \"$BOB_PASSWORD\"}" "$BASE/api/users/"
check 200 curl -d "username=$BOB" -d "password=$BOB_PASSWORD" "$BASE/api/auth-token/"
BOB_KEY=$(field token)
check 200 curl -u "$ADMIN" -X PATCH -H 'Content-Type: application/json' -d '{"active": false}' "$BASE/api/users/$BOB/"
check 401 curl -H "Authorization: Token $BOB_KEY" "$BASE/api/hello/"
says '{"detail":"User inactive or deleted."}'

# Admin: delete a user
check 204 curl -X DELETE -u "$ADMIN" "$BASE/api/users/$BOB/"
check 404 curl -u "$ADMIN" "$BASE/api/users/$BOB/"

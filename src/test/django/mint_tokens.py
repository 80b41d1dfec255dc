"""Mints SimpleJWT 5.2.2 token pairs for fixture users, the way the old service did.

Usage (make-fixtures.sh runs it, once per SimpleJWT configuration, since SimpleJWT reads its
settings at import): JWT_VARIANT=hs256|rs256|es256 [JWT_LIFETIME=default] mint_tokens.py
PASSWORDS_JSON OUT_DIR [--expired]

Logins go through SimpleJWT's own TokenObtainPairSerializer (what POST /api/token/ runs) with the
user's password; logouts through TokenBlacklistSerializer (POST /api/token/blacklist/). A pair for
a user who cannot log in any more (inactive) comes from RefreshToken.for_user, as a pair issued
before the deactivation. SimpleJWT's clock (tokens.aware_utcnow) is set: pair k is minted at
settings.MINT_START + k minutes (2024-06-01, lifetimes reaching 2100-01-01), or with --expired
at settings.MINT_EXPIRED + k minutes (2024-01-01) with SimpleJWT's default lifetimes (5 min /
1 day), so those are long expired. Everything else is SimpleJWT's own code.

Appends to OUT_DIR/tokens.json and (without --expired) writes OUT_DIR/settings.json: what
settings.SIMPLE_JWT amounted to, read back from SimpleJWT's api_settings.
"""
import json
import os
import sys
from datetime import timedelta
from unittest import mock

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fixtureproject.settings")
django.setup()

import jwt  # noqa: E402
import rest_framework_simplejwt  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from rest_framework_simplejwt import tokens  # noqa: E402
from rest_framework_simplejwt.serializers import (  # noqa: E402
    TokenBlacklistSerializer,
    TokenObtainPairSerializer,
)
from rest_framework_simplejwt.settings import api_settings  # noqa: E402

VARIANT = os.environ.get("JWT_VARIANT", "hs256")

# (name, username, how, blacklist): "login" = TokenObtainPairSerializer with the password,
# "for_user" = RefreshToken.for_user. Names are what the Java tests look tokens up by.
LONG = {
    "hs256": [
        ("alice-1", "alice", "login", False),
        ("alice-2", "alice", "login", False),
        ("alice-3", "alice", "login", False),
        ("alice-logged-out", "alice", "login", True),
        ("bob-1", "bob", "login", False),
        ("admin-1", "admin", "login", False),
        ("jose-1", "josé", "login", False),
        ("cjk-1", "用户七", "login", False),
        ("olivia-1", "olivia", "login", False),
        ("mallory-inactive", "mallory", "for_user", False),
        ("bob-logged-out", "bob", "login", True),
    ],
    "rs256": [
        ("alice-1", "alice", "login", False),
        ("alice-2", "alice", "login", False),
        ("bob-1", "bob", "login", False),
    ],
    "es256": [
        ("alice-1", "alice", "login", False),
        ("alice-2", "alice", "login", False),
        ("bob-1", "bob", "login", False),
    ],
}
EXPIRED = [
    ("alice-expired", "alice", "login", False),
    ("bob-expired", "bob", "login", False),
]


def mint(passwords, name, username, how, blacklist, expired):
    if how == "login":
        serializer = TokenObtainPairSerializer(
            data={"username": username, "password": passwords[username]["password"]},
            context={"request": None},
        )
        serializer.is_valid(raise_exception=True)
        pair = serializer.validated_data
        refresh, access = pair["refresh"], pair["access"]
    else:
        token = tokens.RefreshToken.for_user(User.objects.get(username=username))
        refresh, access = str(token), str(token.access_token)
    if blacklist:
        logout = TokenBlacklistSerializer(data={"refresh": refresh})
        logout.is_valid(raise_exception=True)
    r = jwt.decode(refresh, options={"verify_signature": False})
    a = jwt.decode(access, options={"verify_signature": False})
    return {
        "name": name,
        "username": username,
        "user_id": r[api_settings.USER_ID_CLAIM],
        "minted_with": "TokenObtainPairSerializer" if how == "login" else "RefreshToken.for_user",
        "expired": expired,
        "blacklisted": blacklist,
        "refresh": refresh,
        "access": access,
        "refresh_header": jwt.get_unverified_header(refresh),
        "refresh_claims": r,
        "access_claims": a,
    }


def settings_record():
    keys = ("ALGORITHM", "SIGNING_KEY", "VERIFYING_KEY", "AUDIENCE", "ISSUER", "JWK_URL", "LEEWAY",
            "USER_ID_FIELD", "USER_ID_CLAIM", "TOKEN_TYPE_CLAIM", "JTI_CLAIM", "AUTH_HEADER_TYPES",
            "ROTATE_REFRESH_TOKENS", "BLACKLIST_AFTER_ROTATION", "UPDATE_LAST_LOGIN")
    record = {k: getattr(api_settings, k) for k in keys}
    record["AUTH_HEADER_TYPES"] = list(record["AUTH_HEADER_TYPES"])
    for k in ("ACCESS_TOKEN_LIFETIME", "REFRESH_TOKEN_LIFETIME"):
        record[k] = getattr(api_settings, k).total_seconds()
    record["_lifetimes"] = ("seconds; from the mint clock 2024-06-01T00:00Z to 2100-01-01 (fixture "
                            "choice, see src/test/django/README.md); the expired tokens used "
                            "SimpleJWT's defaults, 300 and 86400")
    record["_comment"] = (
        "TEST-ONLY keys, committed on purpose: settings.SIMPLE_JWT of the throwaway fixture "
        "project (src/test/django/fixtureproject/settings.py), read back from SimpleJWT's "
        "api_settings. Never use these keys anywhere else."
    )
    record["_versions"] = {
        "django": django.get_version(),
        "djangorestframework-simplejwt": rest_framework_simplejwt.__version__
        if hasattr(rest_framework_simplejwt, "__version__") else "5.2.2 (Debian package)",
        "PyJWT": jwt.__version__,
    }
    return record


def main():
    passwords_file, out_dir = sys.argv[1], sys.argv[2]
    expired = "--expired" in sys.argv[3:]
    with open(passwords_file, encoding="utf-8") as f:
        passwords = json.load(f)["users"]
    os.makedirs(out_dir, exist_ok=True)
    tokens_file = os.path.join(out_dir, "tokens.json")
    minted = []
    if os.path.exists(tokens_file):
        with open(tokens_file, encoding="utf-8") as f:
            minted = json.load(f)["tokens"]
    start, specs = (settings.MINT_EXPIRED, EXPIRED) if expired else (settings.MINT_START, LONG[VARIANT])
    for k, spec in enumerate(specs):
        with mock.patch.object(tokens, "aware_utcnow", return_value=start + timedelta(minutes=k)):
            minted.append(mint(passwords, *spec, expired=expired))
    if not expired:
        with open(os.path.join(out_dir, "settings.json"), "w", encoding="utf-8") as f:
            json.dump(settings_record(), f, ensure_ascii=False, indent=2)
            f.write("\n")
    with open(tokens_file, "w", encoding="utf-8") as f:
        json.dump({
            "_comment": "Minted by real SimpleJWT 5.2.2 with the TEST-ONLY keys of settings.json "
                        "(variant " + VARIANT + "). Long-lived ones were minted from "
                        "2024-06-01T00:00Z on, one minute apart, and expire at 2100-01-01 plus "
                        "that minute; 'expired' ones from 2024-01-01T00:00Z on, with SimpleJWT's "
                        "default lifetimes (5 min / 1 day). The *_claims/refresh_header fields are decoded copies "
                        "for reading; the tests present 'refresh'/'access' as they are.",
            "tokens": minted,
        }, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()

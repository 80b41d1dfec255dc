#!/usr/bin/python3
"""A service that stays on Django: verifies one access token the way it would, with real SimpleJWT.

Configures SimpleJWT (Debian's python3-djangorestframework-simplejwt 5.2.2, PyJWT, cryptography)
with ALGORITHM ES256, JWK_URL = <server>/.well-known/jwks.json, AUDIENCE and ISSUER, then runs
rest_framework_simplejwt.authentication.JWTStatelessUserAuthentication on a request carrying
"Authorization: Bearer <token>" - the whole DRF path: header parsing, JWKS fetch and key choice by
kid, signature, exp, aud, iss, token_type, jti, user id claim. No database is involved: the user
is SimpleJWT's TokenUser, built from the claims.

With --django-users DUMP it runs JWTAuthentication instead, the class that looks the user up:
DUMP (a `dumpdata auth.user auth.group authtoken.token` file, e.g. users-plain.json) is loaded
into an in-memory SQLite database, and the token's user_id must name an active user there - the
check that Django services keep working after an import that kept Django's user ids.

Usage: verify-simplejwt.py --server http://localhost:9080 [--audience restauth]
                           [--issuer restauth] [--django-users DUMP] [TOKEN]  (or TOKEN on stdin)
Prints JSON on stdout: {"valid": true, "user_id": ..., "user_id_type": "int"|"str", "claims": {...}}
(with --django-users also "django_user": {"pk", "username", "is_active", "groups"}) and exits 0;
or {"valid": false, "error": ..., "detail": ...} and exits 1. 2 = usage error.
Run it with /usr/bin/python3 (a pyenv python3 earlier on PATH does not see Debian's packages).
"""
import argparse
import json
import sys

from django.conf import settings


def configure(server, audience, issuer, with_users):
    settings.configure(
        SECRET_KEY="unused-by-verification",
        INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes", "rest_framework",
                        "rest_framework.authtoken", "rest_framework_simplejwt"],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
        if with_users else {},
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
        USE_TZ=True,
        SIMPLE_JWT={
            "ALGORITHM": "ES256",
            "JWK_URL": server.rstrip("/") + "/.well-known/jwks.json",
            "AUDIENCE": audience,
            "ISSUER": issuer,
            # SimpleJWT's defaults, spelled out: what the claims must be called.
            "USER_ID_CLAIM": "user_id",
            "TOKEN_TYPE_CLAIM": "token_type",
            "JTI_CLAIM": "jti",
            "AUTH_HEADER_TYPES": ("Bearer",),
        },
    )
    import django

    django.setup()


def main():
    p = argparse.ArgumentParser(description="Verify an access token with SimpleJWT 5.2.2.")
    p.add_argument("--server", required=True, help="base URL of the restauth server")
    p.add_argument("--audience", default="restauth")
    p.add_argument("--issuer", default="restauth")
    p.add_argument("--django-users", metavar="DUMP",
                   help="use JWTAuthentication against the users of this dumpdata file")
    p.add_argument("token", nargs="?", help="the access token (default: read from stdin)")
    args = p.parse_args()
    token = (args.token if args.token is not None else sys.stdin.read()).strip()
    if not token:
        p.error("no token given")
    configure(args.server, args.audience, args.issuer, args.django_users is not None)

    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory
    from rest_framework_simplejwt.authentication import (
        JWTAuthentication,
        JWTStatelessUserAuthentication,
    )
    from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken

    authentication = JWTStatelessUserAuthentication()
    if args.django_users:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
        call_command("loaddata", args.django_users, verbosity=0)
        authentication = JWTAuthentication()
    request = Request(APIRequestFactory().get("/", HTTP_AUTHORIZATION="Bearer " + token))
    try:
        result = authentication.authenticate(request)
    except (InvalidToken, AuthenticationFailed) as e:
        json.dump({"valid": False, "error": type(e).__name__, "detail": e.detail}, sys.stdout)
        print()
        return 1
    if result is None:  # no Bearer header recognised: cannot happen with the header built above
        json.dump({"valid": False, "error": "NoCredentials", "detail": None}, sys.stdout)
        print()
        return 1
    user, validated = result
    claim = validated[api_settings_user_id_claim()]
    answer = {
        "valid": True,
        "user_id": claim,
        "user_id_type": type(claim).__name__,
        "is_authenticated": bool(user.is_authenticated),
        "claims": validated.payload,
    }
    if args.django_users:
        answer["django_user"] = {"pk": user.pk, "username": user.username,
                                 "is_active": user.is_active,
                                 "groups": sorted(g.name for g in user.groups.all())}
    json.dump(answer, sys.stdout, ensure_ascii=False)
    print()
    return 0


def api_settings_user_id_claim():
    from rest_framework_simplejwt.settings import api_settings

    return api_settings.USER_ID_CLAIM


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Writes a synthetic `manage.py dumpdata auth.user auth.group authtoken.token` of N users.

Python 3 standard library only (any python3, no Django): for the import's bounded-time /
bounded-memory test, generated at build time rather than committed. Streams: memory stays flat
whatever N is. The output is byte-for-byte what Django 3.2's dumpdata writes for the same rows
(check_fixtures.py proves it: loaddata of a generated file, dumpdata again, compare bytes).

What it holds, deterministically (same arguments, same bytes):
- groups "bulk-readers", "bulk-writers" (pks 1001, 1002);
- users "bulk-0000001" ... with pks FIRST_PK, FIRST_PK+1, ...; user i (1-based) carries, verbatim,
  the password hash of TEMPLATES[(i - 1) % 5] taken from the committed fixture users-plain.json,
  so it logs in with that template user's password from passwords.json (see --print-templates);
  every 3rd user is in bulk-readers, every 7th also in bulk-writers, every 50th is inactive;
- a DRF token (40 hex, derived from the seed) for every 4th user.
FIRST_PK defaults to 100001 so that the file imports next to the committed fixtures.

Usage: gen-big-dump.py [--users N] [--out FILE] [--indent 2] [--natural] [--first-pk P]
                       [--fixtures DIR] [--print-templates]
"""
import argparse
import hashlib
import json
import os
import sys
from datetime import datetime, timedelta, timezone

TEMPLATES = ("alice", "bob", "carol", "dave", "erin")  # pbkdf2_sha256, pbkdf2_sha1, argon2,
# bcrypt_sha256, scrypt
GROUPS = ((1001, "bulk-readers"), (1002, "bulk-writers"))
EPOCH = datetime(2015, 1, 1, tzinfo=timezone.utc)


def django_datetime(dt):
    """DjangoJSONEncoder: ISO 8601, milliseconds only when there are microseconds, Z for UTC."""
    text = dt.isoformat()
    if dt.microsecond:
        text = text[:23] + text[26:]
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def template_hashes(fixtures):
    with open(os.path.join(fixtures, "users-plain.json"), encoding="utf-8") as f:
        users = {r["fields"]["username"]: r["fields"]["password"]
                 for r in json.load(f) if r["model"] == "auth.user"}
    return [users[name] for name in TEMPLATES]


def records(args, hashes):
    """Yields (model, pk or None, fields) in dumpdata's order: without --natural it keeps the
    order of the command line (users, groups, tokens); with it, dependencies first (groups)."""
    def group_refs(i):
        refs = [g for g in GROUPS if (g[0] == 1001 and i % 3 == 0) or (g[0] == 1002 and i % 7 == 0)]
        return [[name] if args.natural else pk for pk, name in refs]

    def users():
        for i in range(1, args.users + 1):
            # Millisecond precision, as the dump holds it (microseconds would not survive a round trip).
            joined = EPOCH + timedelta(seconds=i * 37, milliseconds=(i * 7919) % 1000)
            login = None if i % 5 == 0 else joined + timedelta(days=i % 900, milliseconds=i % 1000)
            yield "auth.user", None if args.natural else args.first_pk + i - 1, {
                "password": hashes[(i - 1) % len(hashes)],
                "last_login": None if login is None else django_datetime(login),
                "is_superuser": False,
                "username": "bulk-%07d" % i,
                "first_name": "Bulk",
                "last_name": "User %d" % i,
                "email": "bulk-%07d@example.com" % i,
                "is_staff": False,
                "is_active": i % 50 != 0,
                "date_joined": django_datetime(joined),
                "groups": group_refs(i),
                "user_permissions": [],
            }

    def groups():
        for pk, name in GROUPS:
            yield "auth.group", None if args.natural else pk, {"name": name, "permissions": []}

    def tokens():
        # dumpdata orders tokens by their pk, the key: generate, then sort (N/4 short strings).
        keys = []
        for i in range(4, args.users + 1, 4):
            key = hashlib.sha1(b"restauth-bulk-%d-%d" % (args.seed, i)).hexdigest()
            keys.append((key, i))
        keys.sort()
        for key, i in keys:
            created = EPOCH + timedelta(seconds=i * 37 + 60)
            user = ["bulk-%07d" % i] if args.natural else args.first_pk + i - 1
            yield "authtoken.token", key, {"user": user, "created": django_datetime(created)}

    if args.natural:
        yield from groups()
        yield from users()
    else:
        yield from users()
        yield from groups()
    yield from tokens()


def write(out, args, hashes):
    """Django's JSON serializer: '[', records joined by ', ' (compact) or ',\\n' (indent),
    json.dump per record with ensure_ascii=False, ']' (and '\\n' around it when indented)."""
    indent = args.indent or None
    kwargs = {"ensure_ascii": False}
    if indent:
        kwargs.update(indent=indent, separators=(",", ": "))
    out.write("[")
    first = True
    for model, pk, fields in records(args, hashes):
        if not first:
            out.write(",")
            if not indent:
                out.write(" ")
        if indent:
            out.write("\n")
        record = {"model": model}
        if pk is not None:
            record["pk"] = pk
        record["fields"] = fields
        out.write(json.dumps(record, **kwargs))
        first = False
    if indent:
        out.write("\n")
    out.write("]")
    if indent:
        out.write("\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--users", type=int, default=100000)
    p.add_argument("--out", help="file to write (default: stdout)")
    p.add_argument("--indent", type=int, default=0, help="as dumpdata --indent (default: none)")
    p.add_argument("--natural", action="store_true",
                   help="as dumpdata --natural-foreign --natural-primary")
    p.add_argument("--first-pk", type=int, default=100001)
    p.add_argument("--seed", type=int, default=18)
    p.add_argument("--fixtures", default=os.path.join(here, "..", "resources", "django"),
                   help="where users-plain.json and passwords.json are")
    p.add_argument("--print-templates", action="store_true",
                   help="print {template index: [username, hash algorithm, password]} and exit")
    args = p.parse_args()
    hashes = template_hashes(args.fixtures)
    if args.print_templates:
        with open(os.path.join(args.fixtures, "passwords.json"), encoding="utf-8") as f:
            passwords = json.load(f)["users"]
        json.dump({i: [name, hashes[i].split("$", 1)[0], passwords[name]["password"]]
                   for i, name in enumerate(TEMPLATES)}, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return
    if args.out:
        with open(args.out, "w", encoding="utf-8", buffering=1 << 20) as out:
            write(out, args, hashes)
    else:
        write(sys.stdout, args, hashes)


if __name__ == "__main__":
    main()

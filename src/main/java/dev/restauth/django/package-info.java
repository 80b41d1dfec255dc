/**
 * Moving from Django: {@code POST /api/users/import} takes what {@code manage.py dumpdata auth.user
 * auth.group authtoken.token} writes and brings in users (ids, password hashes as they are, flags,
 * dates), groups as roles, and DRF keys (stored hashed).
 *
 * <p>It sits on top, like the examples: it uses users and apitokens through the small import hooks
 * they offer ({@code UserImports}, {@code ApiTokens.importKey}) and nothing uses it. The body is
 * spooled to a temporary file and read with JSON-P's streaming parser, in passes: the first checks
 * the whole file (nothing is written when it is not a dump) and collects the groups, the second
 * imports users in batches, the third keys. Memory holds one record, one batch, and a map of
 * imported ids, never the file.
 *
 * <p>The cutover ({@code SimpleJwtCutover}) accepts the old service's SimpleJWT tokens until a
 * deadline. It implements jwt's {@code LegacyTokens}: jwt asks through that interface, for tokens
 * its own codec refused, so jwt never imports django and our own tokens' path stays as it was.
 */
package dev.restauth.django;

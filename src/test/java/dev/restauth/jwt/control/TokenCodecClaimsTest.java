package dev.restauth.jwt.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restauth.users.entity.User;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attack catalogue's claim checks (security research §2.1, A10-A17, A20): tokens signed with
 * the very key the codec trusts, so that only the claim and header checks can refuse them. Each
 * case starts from a token the codec accepts.
 */
class TokenCodecClaimsTest {

    TokenCodec cut;
    User holder;
    User victim;
    long now;

    @BeforeEach
    void wire() {
        cut = TestCodecs.codec(new TestCodecs.MovableClock());
        holder = TestCodecs.user(7, "holder");
        victim = TestCodecs.user(8, "victim");
        now = Instant.now().getEpochSecond();
    }

    RawJwt ours() {
        SigningKeys.KeySet keys = cut.verifiers.keys.current();
        return RawJwt.access(keys.kid(), "restauth", "restauth", holder, new TokenSigner().newJti(), now);
    }

    String signed(RawJwt jwt) throws Exception {
        return jwt.sign(cut.verifiers.keys.current().signingKey());
    }

    void assertRefused(RawJwt jwt) throws Exception {
        String token = signed(jwt);
        TokenCodec.Rejected rejected =
                assertThrows(TokenCodec.Rejected.class, () -> cut.verify(token, TokenCodec.ACCESS));
        assertEquals(TokenCodec.INVALID, rejected.getMessage());
    }

    @Test
    void theUntamperedTokenIsAccepted() throws Exception {
        assertEquals("7", Claims.text(cut.verify(signed(ours()), TokenCodec.ACCESS), "user_id"));
        assertEquals("7", Claims.text(cut.verify(signed(ours().claim("nbf", Long.toString(now - 60))), null), "sub"));
        cut.verify(signed(ours().headerParameter("exp-ext", "true")), null); // unknown headers are ignored (RFC 7515)
        cut.verify(signed(ours().claim("nested", "[[[]]]")), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "aud", "exp", "iat", "jti", "token_type", "user_id"})
    void aRequiredClaimMissingIsRefused(String claim) throws Exception {
        assertRefused(ours().withoutClaim(claim));
    }

    static Stream<Arguments> tampered() {
        long now = Instant.now().getEpochSecond();
        long live = now + 300;
        return Stream.of(
                tamper("nbf beyond the skew", jwt -> jwt.claim("nbf", Long.toString(now + 150))),
                tamper("nbf a day ahead", jwt -> jwt.claim("nbf", Long.toString(now + 86_400))),
                tamper("nbf as a string", jwt -> jwt.claim("nbf", "\"" + (now - 60) + "\"")),
                tamper("exp as a string", jwt -> jwt.claim("exp", "\"" + live + "\"")),
                tamper("exp far off, as a string", jwt -> jwt.claim("exp", "\"9999999999\"")),
                tamper("exp beyond a long", jwt -> jwt.claim("exp", "9223372036854775808")),
                tamper("exp true", jwt -> jwt.claim("exp", "true")),
                tamper("exp null", jwt -> jwt.claim("exp", "null")),
                tamper("exp an object", jwt -> jwt.claim("exp", "{}")),
                tamper("exp an array", jwt -> jwt.claim("exp", "[" + live + "]")),
                tamper("iat as a string", jwt -> jwt.claim("iat", "\"" + now + "\"")),
                tamper("crit naming a header", jwt -> jwt.headerParameter("exp-ext", "true")
                        .headerParameter("crit", "[\"exp-ext\"]")),
                tamper("crit naming an absent one", jwt -> jwt.headerParameter("crit", "[\"urn:example:unknown\"]")),
                tamper("iss almost", jwt -> jwt.claim("iss", "\"restaut\"")),
                tamper("iss upper case", jwt -> jwt.claim("iss", "\"RESTAUTH\"")),
                tamper("iss with a space", jwt -> jwt.claim("iss", "\" restauth\"")),
                tamper("iss an array", jwt -> jwt.claim("iss", "[\"restauth\"]")),
                tamper("iss null", jwt -> jwt.claim("iss", "null")),
                tamper("iss another issuer", jwt -> jwt.claim("iss", "\"restauth-evil\"")),
                tamper("iss a longer one", jwt -> jwt.claim("iss", "\"restauthx\"")),
                tamper("aud another api", jwt -> jwt.claim("aud", "[\"other-api\"]")),
                tamper("aud empty", jwt -> jwt.claim("aud", "[]")),
                tamper("aud blank", jwt -> jwt.claim("aud", "\"\"")),
                tamper("aud upper case", jwt -> jwt.claim("aud", "\"RESTAUTH\"")),
                tamper("aud with a space", jwt -> jwt.claim("aud", "\"restauth \"")),
                tamper("access claims, refresh typ", jwt -> jwt.headerParameter("typ", RawJwt.text("refresh+jwt"))),
                tamper("typ JWT", jwt -> jwt.headerParameter("typ", RawJwt.text("JWT"))),
                tamper(
                        "no typ",
                        jwt -> new RawJwt(
                                jwt.header().stream()
                                        .filter(member -> !member.getKey().equals("typ"))
                                        .toList(),
                                jwt.claims())),
                tamper("refresh claims, access typ", jwt -> jwt.claim("token_type", RawJwt.text("refresh"))),
                tamper("10,000 nested arrays", jwt -> jwt.claim("nested", "[".repeat(10_000) + "]".repeat(10_000))));
    }

    /**
     * We issue {@code user_id} as a number, as SimpleJWT does; tokens issued before as a string of
     * digits keep working for their lifetime. Anything else names no user we could have issued.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"7|7", "'\"7\"'|7", "7.0|-1", "7.5|-1", "'\"seven\"'|-1", "true|-1", "'[7]'|-1"})
    void theUserIdIsReadAsIssuedNowOrBefore(String userId, long expected) throws Exception {
        assertEquals(expected, Claims.userId(cut.verify(signed(ours().claim("user_id", userId)), null)));
    }

    static Arguments tamper(String what, UnaryOperator<RawJwt> how) {
        return Arguments.of(what, how);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tampered")
    void aTamperedClaimOrHeaderIsRefusedDespiteOurSignature(String what, UnaryOperator<RawJwt> how) throws Exception {
        assertRefused(how.apply(ours()));
    }

    /** RFC 7519 §4 lets a parser take the last duplicate; ours refuses them all. */
    static Stream<Arguments> duplicated() {
        long now = Instant.now().getEpochSecond();
        String victimId = RawJwt.text("8");
        String holderId = RawJwt.text("7");
        return Stream.of(
                tamper("user_id holder, victim", jwt -> jwt.duplicateClaim("user_id", victimId)),
                tamper("user_id victim, holder", jwt -> jwt.claim("user_id", victimId)
                        .duplicateClaim("user_id", holderId)),
                tamper("sub holder, victim", jwt -> jwt.duplicateClaim("sub", victimId)),
                tamper("username holder, victim", jwt -> jwt.duplicateClaim("username", RawJwt.text("victim"))),
                tamper("upn holder, victim", jwt -> jwt.duplicateClaim("upn", RawJwt.text("victim"))),
                tamper("exp live, expired", jwt -> jwt.duplicateClaim("exp", Long.toString(now - 3600))),
                tamper("exp expired, live", jwt -> jwt.claim("exp", Long.toString(now - 3600))
                        .duplicateClaim("exp", Long.toString(now + 300))),
                tamper("token_type refresh, access", jwt -> jwt.claim("token_type", RawJwt.text("refresh"))
                        .duplicateClaim("token_type", RawJwt.text("access"))),
                tamper("alg ES256, none", jwt -> jwt.duplicateHeaderParameter("alg", RawJwt.text("none"))),
                tamper("alg none, ES256", jwt -> jwt.headerParameter("alg", RawJwt.text("none"))
                        .duplicateHeaderParameter("alg", RawJwt.text("ES256"))),
                tamper("typ refresh, access", jwt -> jwt.headerParameter("typ", RawJwt.text("refresh+jwt"))
                        .duplicateHeaderParameter("typ", RawJwt.text("at+jwt"))),
                tamper("kid ours, unknown", jwt -> jwt.duplicateHeaderParameter("kid", RawJwt.text("unknown-kid"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicated")
    void aDuplicateMemberIsRefusedEvenWithOurSignature(String what, UnaryOperator<RawJwt> how) throws Exception {
        assertRefused(how.apply(ours()));
    }
}

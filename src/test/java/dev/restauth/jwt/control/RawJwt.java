package dev.restauth.jwt.control;

import static dev.restauth.testsupport.Jwts.b64;

import dev.restauth.users.entity.User;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A JWS over exactly the JSON text described, signed with a key the verifier trusts. The text is
 * written member by member, so it can hold what a JSON library never writes (a member twice, a
 * string where a number belongs): when such a token is refused, the claim checks did, because the
 * signature is good.
 */
public record RawJwt(List<Map.Entry<String, String>> header, List<Map.Entry<String, String>> claims) {

    /** Our access token's header and claims for this user, as TokenCodec writes them. */
    public static RawJwt access(String kid, String issuer, String audience, User user, String jti, long now) {
        String id = text(String.valueOf(user.id()));
        String name = text(user.username());
        return new RawJwt(
                List.of(Map.entry("kid", text(kid)), Map.entry("typ", text("at+jwt")), Map.entry("alg", text("ES256"))),
                List.of(
                        Map.entry("iss", text(issuer)),
                        Map.entry("aud", text(audience)),
                        Map.entry("sub", id),
                        Map.entry("upn", name),
                        Map.entry("groups", "[]"),
                        Map.entry("token_type", text("access")),
                        Map.entry("jti", text(jti)),
                        Map.entry("user_id", Long.toString(user.id())),
                        Map.entry("username", name),
                        Map.entry("iat", Long.toString(now)),
                        Map.entry("exp", Long.toString(now + 300))));
    }

    /** A JSON string literal. */
    public static String text(String value) {
        return Json.createValue(value).toString();
    }

    /** The claim with this raw JSON value instead (added last if it was missing). */
    public RawJwt claim(String name, String json) {
        return new RawJwt(header, replace(claims, name, json));
    }

    public RawJwt withoutClaim(String name) {
        return new RawJwt(header, without(claims, name));
    }

    /** The claim a second time, after the first. */
    public RawJwt duplicateClaim(String name, String json) {
        return new RawJwt(header, append(claims, name, json));
    }

    public RawJwt headerParameter(String name, String json) {
        return new RawJwt(replace(header, name, json), claims);
    }

    public RawJwt duplicateHeaderParameter(String name, String json) {
        return new RawJwt(append(header, name, json), claims);
    }

    public String sign(PrivateKey key) throws GeneralSecurityException {
        String input = b64(json(header)) + "." + b64(json(claims));
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(key);
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(signer.sign());
    }

    private static String json(List<Map.Entry<String, String>> members) {
        return members.stream()
                .map(member -> text(member.getKey()) + ":" + member.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static List<Map.Entry<String, String>> replace(
            List<Map.Entry<String, String>> members, String name, String json) {
        return append(without(members, name), name, json);
    }

    private static List<Map.Entry<String, String>> without(List<Map.Entry<String, String>> members, String name) {
        return members.stream().filter(member -> !member.getKey().equals(name)).toList();
    }

    private static List<Map.Entry<String, String>> append(
            List<Map.Entry<String, String>> members, String name, String json) {
        List<Map.Entry<String, String>> more = new ArrayList<>(members);
        more.add(Map.entry(name, json));
        return List.copyOf(more);
    }
}

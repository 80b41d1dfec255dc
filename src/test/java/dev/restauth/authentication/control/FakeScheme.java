package dev.restauth.authentication.control;

import dev.restauth.authentication.entity.Caller;
import java.util.List;
import java.util.function.Function;

/** A scheme for tests of the dispatch: answers whatever {@code answer} makes of the credentials. */
public record FakeScheme(String name, String challenge, Function<List<String>, Caller> answer)
        implements AuthenticationScheme {

    @Override
    public Caller authenticate(List<String> credentials) {
        return answer.apply(credentials);
    }

    /** The schemes enabled, as {@code authentication.schemes} would list them. */
    public static Schemes enabled(List<String> names, AuthenticationScheme... available) {
        Schemes schemes = new Schemes();
        schemes.configured = names;
        schemes.enabled = Schemes.choose(names, List.of(available));
        return schemes;
    }
}

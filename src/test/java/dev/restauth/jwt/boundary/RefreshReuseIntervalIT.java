package dev.restauth.jwt.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.restauth.testsupport.DrfAnswers;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.Jwts;
import jakarta.json.Json;
import java.io.File;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code jwt.refresh.reuse-interval} over HTTP. The server the build starts keeps the default (0,
 * strict single use: {@code JwtIT} proves it there), and its configuration is not ours to change
 * mid-run; so this class deploys the built WAR a second time, on the same server and database,
 * with one test-only config source ({@link ReuseIntervalSource}) that each test sets before it
 * speaks HTTP to that application. The tests run inside the server for that reason only: every
 * refresh, login and logout is a real request to the deployed application.
 */
@ExtendWith(ArquillianExtension.class)
class RefreshReuseIntervalIT {

    static final String BLACKLISTED = "Token is blacklisted";
    static final int PARALLEL = 20;

    @Deployment
    static WebArchive deployment() {
        WebArchive built = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("restauth.war")));
        return ShrinkWrap.create(WebArchive.class, "restauth-reuse.war")
                .merge(built)
                .addClasses(RefreshReuseIntervalIT.class, ReuseIntervalSource.class, Http.class, Jwts.class)
                .addClasses(DrfAnswers.class)
                .addAsServiceProvider(ConfigSource.class, ReuseIntervalSource.class);
    }

    @AfterEach
    void strictAgain() {
        ReuseIntervalSource.interval = Duration.ZERO;
    }

    @Test
    void aRefreshRetriedWithinTheIntervalGetsThePairItsFamilyHoldsNow() throws Exception {
        ReuseIntervalSource.interval = Duration.ofMinutes(5);
        String first = login();

        var answered = refresh(first);
        var retried = refresh(first); // the first answer was lost
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals(200, retried.statusCode(), retried.body());
        assertEquals(jti(refreshOf(answered)), jti(refreshOf(retried)), "the same live refresh token");
        assertEquals(200, hello(accessOf(answered)).statusCode());
        assertEquals(200, hello(accessOf(retried)).statusCode());

        // Two tabs: one rotates on; the other, a moment later, follows it to the same successor.
        var ahead = refresh(refreshOf(answered));
        var behind = refresh(refreshOf(retried));
        assertEquals(200, ahead.statusCode(), ahead.body());
        assertEquals(200, behind.statusCode(), behind.body());
        assertEquals(jti(refreshOf(ahead)), jti(refreshOf(behind)));
        assertNotEquals(jti(refreshOf(answered)), jti(refreshOf(ahead)), "rotation went on");

        // One family: its logout ends every copy.
        assertEquals(200, blacklist(refreshOf(ahead)).statusCode());
        for (String token : List.of(first, refreshOf(answered), refreshOf(retried), refreshOf(behind))) {
            DrfAnswers.assertTokenNotValid(refresh(token), BLACKLISTED);
        }
    }

    @Test
    void twentyParallelRefreshesWithinTheIntervalAllGetValidPairsOfOneFamily() throws Exception {
        ReuseIntervalSource.interval = Duration.ofMinutes(5);
        String token = login();

        List<HttpResponse<String>> answers = inParallel(token);

        Set<String> refreshJtis = new HashSet<>();
        for (HttpResponse<String> answer : answers) {
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(200, hello(accessOf(answer)).statusCode());
            refreshJtis.add(jti(refreshOf(answer)));
        }
        assertEquals(1, refreshJtis.size(), "every answer holds the family's one live refresh token");
        assertEquals(200, refresh(refreshOf(answers.get(0))).statusCode(), "and it refreshes");
        assertEquals(200, blacklist(refreshOf(answers.get(1))).statusCode());
        for (HttpResponse<String> answer : answers) {
            DrfAnswers.assertTokenNotValid(refresh(refreshOf(answer)), BLACKLISTED);
        }
    }

    @Test
    void atZeroOneOfTwentyParallelRefreshesWinsAndTheReuseEndsTheFamily() throws Exception {
        String token = login();

        List<HttpResponse<String>> answers = inParallel(token);

        List<HttpResponse<String>> winners =
                answers.stream().filter(answer -> answer.statusCode() == 200).toList();
        assertEquals(1, winners.size(), "exactly one winner");
        answers.stream()
                .filter(answer -> answer.statusCode() != 200)
                .forEach(loser -> DrfAnswers.assertTokenNotValid(loser, BLACKLISTED));
        DrfAnswers.assertTokenNotValid(refresh(refreshOf(winners.get(0))), BLACKLISTED);
    }

    @Test
    void aRetryAfterTheIntervalRevokesTheFamily() throws Exception {
        ReuseIntervalSource.interval = Duration.ofSeconds(1);
        String first = login();
        var rotated = refresh(first);
        assertEquals(200, rotated.statusCode(), rotated.body());

        Thread.sleep(2_500);

        DrfAnswers.assertTokenNotValid(refresh(first), BLACKLISTED);
        DrfAnswers.assertTokenNotValid(refresh(refreshOf(rotated)), BLACKLISTED);
    }

    @Test
    void aLogoutWithTheJustRotatedTokenEndsTheSession() throws Exception {
        ReuseIntervalSource.interval = Duration.ofMinutes(5);
        String first = login();
        var rotated = refresh(first);
        assertEquals(200, rotated.statusCode(), rotated.body());

        assertEquals(200, blacklist(first).statusCode(), "another tab logs out with the token it still holds");

        DrfAnswers.assertTokenNotValid(refresh(refreshOf(rotated)), BLACKLISTED);
    }

    private List<HttpResponse<String>> inParallel(String token) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                pending.add(pool.submit(() -> {
                    start.await();
                    return refresh(token);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    /** A new user, made through this application's admin API, and its first refresh token. */
    private static String login() throws Exception {
        String username = "reuse-" + UUID.randomUUID().toString().substring(0, 13);
        String password = "pw-" + UUID.randomUUID();
        String admin = serverVariable("admin.username") + ":" + serverVariable("admin.password");
        var created = Http.send(
                self(),
                "POST",
                "api/users/",
                "application/json",
                credentials(username, password),
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(admin.getBytes()));
        assertEquals(201, created.statusCode(), created.body());
        var pair = Http.send(self(), "POST", "api/token/", "application/json", credentials(username, password));
        assertEquals(200, pair.statusCode(), pair.body());
        return Http.json(pair).getString("refresh");
    }

    private static HttpResponse<String> refresh(String token) throws Exception {
        return Http.send(self(), "POST", "api/token/refresh/", "application/json", field("refresh", token));
    }

    private static HttpResponse<String> blacklist(String token) throws Exception {
        return Http.send(self(), "POST", "api/token/blacklist/", "application/json", field("refresh", token));
    }

    private static HttpResponse<String> hello(String access) throws Exception {
        return Http.send(self(), "GET", "api/hello/", null, null, "Authorization", "Bearer " + access);
    }

    private static String refreshOf(HttpResponse<String> answer) {
        return Http.json(answer).getString("refresh");
    }

    private static String accessOf(HttpResponse<String> answer) {
        return Http.json(answer).getString("access");
    }

    private static String jti(String token) {
        return Jwts.part(token, 1).getString("jti");
    }

    private static URI self() {
        return URI.create("http://localhost:" + serverVariable("http.port") + "/restauth-reuse/");
    }

    private static String serverVariable(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    private static String credentials(String username, String password) {
        return Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build()
                .toString();
    }

    private static String field(String name, String value) {
        return Json.createObjectBuilder().add(name, value).build().toString();
    }
}

package dev.restauth.errors.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.entity.ErrorBody;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.ws.rs.core.Response;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorWriterTest {

    /** Liberty's response: it still has the setStatus(int, String) that Servlet 6 dropped. */
    static class LibertyLike extends HttpServletResponseWrapper {
        int status;
        String phrase;

        LibertyLike(HttpServletResponse response) {
            super(response);
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        public void setStatus(int status, String phrase) {
            this.status = status;
            this.phrase = phrase;
        }
    }

    @Test
    void theDetailFormInDrfsMemberOrderAbsentPartsLeftOut() {
        ErrorBody full = new ErrorBody(
                "Given token not valid for any token type",
                "token_not_valid",
                List.of(new ErrorBody.TokenMessage("AccessToken", "access", "Token is expired")));
        assertEquals(
                "{\"detail\":\"Given token not valid for any token type\",\"code\":\"token_not_valid\","
                        + "\"messages\":[{\"token_class\":\"AccessToken\",\"token_type\":\"access\","
                        + "\"message\":\"Token is expired\"}]}",
                ErrorWriter.json(ApiError.of(401, full)));
        assertEquals("{\"detail\":\"Not found.\"}", ErrorWriter.json(ApiError.of(404, "Not found.")));
    }

    @Test
    void theFieldMapInTheOrderTheFieldsWereChecked() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("username", List.of("This field is required."));
        fields.put("password", List.of("a", "b"));
        assertEquals(
                "{\"username\":[\"This field is required.\"],\"password\":[\"a\",\"b\"]}",
                ErrorWriter.json(ApiError.fields(fields)));
    }

    @Test
    void quotesAndControlCharactersAreEscapedNeverConcatenated() {
        assertEquals("{\"detail\":\"a\\\"b\\n\"}", ErrorWriter.json(ApiError.of(400, "a\"b\n")));
    }

    @Test
    void theServletPathWritesStatusHeadersAndJson() throws Exception {
        HttpServletResponse servlet = mock(HttpServletResponse.class);
        StringWriter body = new StringWriter();
        when(servlet.getWriter()).thenReturn(new PrintWriter(body));

        ErrorWriter.write(ApiError.throttled(3), servlet);

        verify(servlet).setStatus(429);
        verify(servlet).setHeader("Retry-After", "3");
        verify(servlet).setContentType("application/json");
        verify(servlet).setCharacterEncoding("UTF-8");
        assertEquals("{\"detail\":\"Request was throttled. Expected available in 3 seconds.\"}", body.toString());
    }

    @Test
    void theJaxRsPathCarriesStatusHeadersAndJson() {
        Response response = ErrorWriter.response(ApiError.throttled(3));
        assertEquals(429, response.getStatus());
        assertEquals("3", response.getHeaderString("Retry-After"));
        assertEquals("application/json", response.getMediaType().toString());
        assertEquals("{\"detail\":\"Request was throttled. Expected available in 3 seconds.\"}", response.getEntity());
    }

    @Test
    void anErrorStatusSetByAnyoneGetsItsPhraseBeforeTheCommit() throws Exception {
        LibertyLike served = new LibertyLike(mock(HttpServletResponse.class));
        new ReasonPhrases()
                .doFilter(mock(HttpServletRequest.class), served, (request, response) -> served.status = 429);
        assertEquals("Too Many Requests", served.phrase);

        LibertyLike ok = new LibertyLike(mock(HttpServletResponse.class));
        new ReasonPhrases().doFilter(mock(HttpServletRequest.class), ok, (request, response) -> ok.status = 200);
        assertEquals(null, ok.phrase, "a success keeps its status line");
    }

    @ParameterizedTest
    @CsvSource({
        "413, Request Entity Too Large",
        "415, Unsupported Media Type",
        "429, Too Many Requests",
        "503, Service Unavailable"
    })
    void everyErrorStatusGetsItsStandardPhraseThroughWrappers(int status, String phrase) {
        LibertyLike liberty = new LibertyLike(mock(HttpServletResponse.class));
        ReasonPhrase.set(new HttpServletResponseWrapper(liberty), status);
        assertEquals(status, liberty.status);
        assertEquals(phrase, liberty.phrase);
    }
}

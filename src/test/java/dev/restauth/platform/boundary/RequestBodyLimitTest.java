package dev.restauth.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No body larger than the limit reaches a reader, announced or chunked. */
class RequestBodyLimitTest {

    RequestBodyLimit cut;
    HttpServletRequest request;
    HttpServletResponse response;
    StringWriter written;
    FilterChain chain;
    AtomicReference<ServletRequest> passedOn;

    @BeforeEach
    void wire() throws Exception {
        cut = new RequestBodyLimit();
        cut.maxBodyBytes = 10;
        cut.maxImportBytes = 100;
        request = mock(HttpServletRequest.class);
        when(request.getContextPath()).thenReturn("/app");
        when(request.getRequestURI()).thenReturn("/app/api/token/");
        response = mock(HttpServletResponse.class);
        written = new StringWriter();
        when(response.getWriter()).thenReturn(new PrintWriter(written));
        passedOn = new AtomicReference<>();
        chain = (req, res) -> passedOn.set(req);
    }

    void chunked(String body) throws Exception {
        when(request.getHeader("Transfer-Encoding")).thenReturn("chunked");
        sent(body, -1);
    }

    void sent(String body, long announced) throws Exception {
        when(request.getContentLengthLong()).thenReturn(announced);
        ByteArrayInputStream bytes = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        when(request.getInputStream()).thenReturn(new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {}
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 0})
    void aRequestWithoutABodyPassesUntouched(long length) throws Exception {
        when(request.getContentLengthLong()).thenReturn(length);
        cut.doFilter(request, response, chain);
        assertSame(request, passedOn.get());
        verify(request, never()).getInputStream();
        verify(response, never()).setStatus(anyInt());
    }

    @Test
    void aBodyWithAContentLengthWithinTheLimitIsHandedOnFromMemoryWithItsLength() throws Exception {
        sent("1234567890", 10);
        when(request.getHeaderNames())
                .thenReturn(Collections.enumeration(List.of("Accept", "content-length", "Transfer-Encoding")));
        cut.doFilter(request, response, chain);
        HttpServletRequest buffered = (HttpServletRequest) passedOn.get();
        assertEquals("1234567890", new String(buffered.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("10", buffered.getHeader("content-length"));
        assertEquals(List.of("10"), Collections.list(buffered.getHeaders("Content-Length")));
        assertEquals(null, buffered.getHeader("transfer-encoding"));
        assertEquals(List.of(), Collections.list(buffered.getHeaders("Transfer-Encoding")));
        assertEquals(List.of("Accept", "Content-Length"), Collections.list(buffered.getHeaderNames()));
        verify(response, never()).setStatus(anyInt());
    }

    @Test
    void aBodyShorterThanItsContentLengthIsMalformed() throws Exception {
        sent("12345", 10);
        cut.doFilter(request, response, chain);
        assertEquals(null, passedOn.get());
        verify(response).setStatus(400);
    }

    @Test
    void anUnreadableBodyIsMalformedNotAServerError() throws Exception {
        when(request.getContentLengthLong()).thenReturn(-1L);
        when(request.getHeader("Transfer-Encoding")).thenReturn("chunked");
        when(request.getInputStream()).thenThrow(new java.io.IOException("invalid chunk size"));
        cut.doFilter(request, response, chain);
        assertEquals(null, passedOn.get());
        verify(response).setStatus(400);
        assertTrue(written.toString().contains("Malformed request."), written.toString());
    }

    @Test
    void aBodyAnnouncedAsLargerIsRefusedUnread() throws Exception {
        when(request.getContentLengthLong()).thenReturn(11L);
        cut.doFilter(request, response, chain);
        assertEquals(null, passedOn.get());
        verify(response).setStatus(413);
        verify(request, never()).getInputStream();
        assertTrue(written.toString().contains("Request body too large."), written.toString());
    }

    @Test
    void aChunkedBodyPastTheLimitIsRefused() throws Exception {
        chunked("12345678901");
        cut.doFilter(request, response, chain);
        assertEquals(null, passedOn.get());
        verify(response).setStatus(413);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsHandedOnFromMemory() throws Exception {
        chunked("1234567890");
        when(request.getCharacterEncoding()).thenReturn(null);
        cut.doFilter(request, response, chain);
        HttpServletRequest buffered = (HttpServletRequest) passedOn.get();
        assertEquals(10, buffered.getContentLength());
        assertEquals(10L, buffered.getContentLengthLong());
        ServletInputStream in = buffered.getInputStream();
        assertTrue(in.isReady());
        assertEquals('1', in.read());
        byte[] rest = new byte[20];
        assertEquals(9, in.read(rest, 0, 20));
        assertTrue(in.isFinished());
        assertThrows(IllegalStateException.class, () -> in.setReadListener(null));
        assertEquals("1234567890", buffered.getReader().readLine());
        verify(response, never()).setStatus(anyInt());
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 11, 100})
    void theDjangoImportHasItsOwnLimitAndReadsItsOwnBody(long length) throws Exception {
        when(request.getRequestURI()).thenReturn("/app" + RequestBodyLimit.IMPORT_PATH);
        when(request.getContentLengthLong()).thenReturn(length);
        when(request.getHeader("Transfer-Encoding")).thenReturn(length < 0 ? "chunked" : null);
        cut.doFilter(request, response, chain);
        assertSame(request, passedOn.get(), "the resource spools it");
        verify(request, never()).getInputStream();
        verify(response, never()).setStatus(anyInt());
    }

    @Test
    void aDjangoImportAnnouncedPastItsLimitIsRefused() throws Exception {
        when(request.getRequestURI()).thenReturn("/app" + RequestBodyLimit.IMPORT_PATH);
        when(request.getContentLengthLong()).thenReturn(101L);
        cut.doFilter(request, response, chain);
        assertEquals(null, passedOn.get());
        verify(response).setStatus(413);
    }

    @Test
    void onlyTheImportPathOfThisApplicationIsExempt() throws Exception {
        when(request.getRequestURI()).thenReturn("/other" + RequestBodyLimit.IMPORT_PATH);
        when(request.getContentLengthLong()).thenReturn(11L);
        cut.doFilter(request, response, chain);
        verify(response).setStatus(413);
    }
}

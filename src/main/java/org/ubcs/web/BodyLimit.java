package org.ubcs.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.ubcs.problem.ProblemException;
import org.ubcs.problem.ProblemType;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Refuses a body over {@link RequestLimits#MAX_BODY_BYTES} that came without a Content-Length (chunked), as
 * problem+json: it counts the bytes JAX-RS reads and stops the reading once there are too many. {@link RequestLimits}
 * has already refused every body whose Content-Length is too large. The rest of a refused body is read and dropped,
 * up to {@link RequestLimits#MAX_BODY_BYTES_READ_WHEN_REFUSED}, so the client, which sends it all before it reads the
 * answer, gets the answer and the connection stays usable; past that the connection is closed after the answer.
 */
@Provider
public class BodyLimit implements ReaderInterceptor {

    @Inject
    CurrentVertxRequest request;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Counted body = new Counted(context.getInputStream());
        context.setInputStream(body);
        Object read = null;
        try {
            read = context.proceed();
            body.drain(); // the reader may stop at the end of the JSON: what follows counts too
        } catch (IOException | RuntimeException e) {
            if (!body.tooLarge) {
                throw e;
            }
        }
        if (body.tooLarge) {
            if (!body.drain()) {
                RequestLimits.closeAfterAnswer(request.getCurrent());
            }
            throw ProblemException.of(ProblemType.PAYLOAD_TOO_LARGE, RequestLimits.BODY_DETAIL);
        }
        return read;
    }

    /** Counts what is read; past the limit, stops the reader with an IOException. */
    private static final class Counted extends FilterInputStream {

        private long count;
        private boolean drained;
        private boolean ended;
        boolean tooLarge;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > RequestLimits.MAX_BODY_BYTES) {
                tooLarge = true;
                throw new IOException("The body is larger than " + RequestLimits.MAX_BODY_BYTES + " bytes");
            }
        }

        /**
         * Reads what is left of the body, counting it and dropping it, but no more than
         * {@link RequestLimits#MAX_BODY_BYTES_READ_WHEN_REFUSED} in all; whether it came to the end.
         */
        boolean drain() throws IOException {
            if (!drained) {
                drained = true;
                // Almost always the reader has read the whole body: one read() finds the end without a buffer
                // (allocating 8 KiB on every request showed in the contact check's profile).
                int n = in.read();
                count += n < 0 ? 0 : 1;
                byte[] buffer = n < 0 ? null : new byte[8192];
                while (n >= 0 && count <= RequestLimits.MAX_BODY_BYTES_READ_WHEN_REFUSED) {
                    n = in.read(buffer);
                    count += Math.max(n, 0);
                }
                ended = n < 0;
                tooLarge |= count > RequestLimits.MAX_BODY_BYTES;
                if (ended) {
                    in.close();
                }
            }
            return ended;
        }

        /** Readers close the stream when they have read a value; the rest of the body is still to be counted. */
        @Override
        public void close() {
        }
    }
}

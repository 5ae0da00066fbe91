package vn.mydrive.platform.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps every API request body: a declared length above the cap is refused before reading, and a body without
 * a length (chunked) is cut off as soon as it passes the cap. Either way the answer is 413: the request is
 * marked, because the JSON readers of the two servers wrap the stream's exception differently, some losing it.
 * File bytes never travel through the JSON API.
 */
@Provider
@PreMatching
public class RequestBodyLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "mydrive.api.max-body-bytes")
    long maxBodyBytes;

    /** Request property set, to the cap, once a body passed it. */
    static final String TOO_LARGE = "vn.mydrive.body.tooLarge";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBodyBytes) {
            throw new PayloadTooLargeException(maxBodyBytes);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), maxBodyBytes, request));
        }
    }

    private static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private final ContainerRequestContext request;
        private long count;

        LimitedInputStream(InputStream in, long limit, ContainerRequestContext request) {
            super(in);
            this.limit = limit;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limit) {
                request.setProperty(TOO_LARGE, limit);
                throw new BodyTooLargeException(limit);
            }
        }
    }
}

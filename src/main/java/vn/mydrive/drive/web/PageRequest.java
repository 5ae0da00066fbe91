package vn.mydrive.drive.web;

import vn.mydrive.platform.web.InvalidRequestException;

/**
 * A page of a list as asked in the query ({@code page}, {@code size}), checked. Parsed here rather than by JAX-RS,
 * which answers an unparseable number with 404.
 */
record PageRequest(int page, int size) {

    static final int MAX_SIZE = 200;

    static PageRequest parse(String page, String size) {
        PageRequest request = new PageRequest(number(page), number(size));
        if (request.page < 0 || request.size < 1 || request.size > MAX_SIZE
                || (long) request.page * request.size > Integer.MAX_VALUE) {
            throw new InvalidRequestException("invalid_query", "page >= 0 and size 1.." + MAX_SIZE + ", please.");
        }
        return request;
    }

    int offset() {
        return page * size;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("invalid_query", "page and size are whole numbers.");
        }
    }
}

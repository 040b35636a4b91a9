package dev.parapet.crs;

import dev.parapet.crs.RawRequest.Header;
import java.util.List;

/** What the (emulated) backend answers: status, headers in order and the body, all byte strings. */
record BackendResponse(int status, List<Header> headers, String body) {}

package dev.parapet.spring.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.util.AntPathMatcher;

/** Passes requests whose path (within the application) matches an exclusion straight on; the rest to the delegate. */
public final class PathExcludingFilter implements Filter {

    private final Filter delegate;
    private final List<String> excluded;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public PathExcludingFilter(Filter delegate, List<String> excluded) {
        this.delegate = delegate;
        this.excluded = List.copyOf(excluded);
    }

    /** The filter that inspects the requests that are not excluded. */
    public Filter delegate() {
        return delegate;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        delegate.init(config);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req instanceof HttpServletRequest http && excluded(http)) {
            chain.doFilter(req, res);
            return;
        }
        delegate.doFilter(req, res, chain);
    }

    private boolean excluded(HttpServletRequest request) {
        // The decoded, normalised path the container mapped; the raw URI could hide a prefix behind %2F or ../.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        for (String pattern : excluded) {
            if (matcher.match(pattern, path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        delegate.destroy();
    }
}

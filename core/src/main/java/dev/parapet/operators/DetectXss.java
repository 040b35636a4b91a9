package dev.parapet.operators;

import dev.parapet.operators.libinjection.XssDetector;

/**
 * {@code @detectXSS}: matches when libinjection's XSS detector flags the value (see
 * {@link XssDetector}). Takes no argument. As in ModSecurity, a capturing rule gets the whole
 * input in {@code TX:0}.
 */
public final class DetectXss implements Operator {

    /** @param args ignored; ModSecurity ignores any argument of {@code @detectXSS} too */
    public DetectXss(OperatorArgs args) {
        // stateless
    }

    @Override
    public boolean evaluate(OperatorContext context, String input) {
        boolean xss = XssDetector.isXss(input);
        if (xss && context.capturing()) {
            context.capture(0, input);
        }
        return xss;
    }
}

package dev.parapet.spring.internal;

import dev.parapet.servlet.ExchangeListener;
import dev.parapet.servlet.ExchangeOutcome;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Several listeners as one; one that throws does not keep the others from running. */
public final class ExchangeListeners implements ExchangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeListeners.class);

    private final List<ExchangeListener> listeners;

    public ExchangeListeners(List<ExchangeListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void completed(ExchangeOutcome outcome) {
        for (ExchangeListener l : listeners) {
            try {
                l.completed(outcome);
            } catch (RuntimeException e) {
                LOG.warn("Parapet exchange listener {} failed", l, e);
            }
        }
    }
}

package dev.parapet.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class InspectionThreadsTest {

    @Test
    void runsOnANamedPlatformThreadAndReturnsTheResult() {
        InspectionThreads threads = new InspectionThreads(1);
        String name = threads.call(() -> Thread.currentThread().isVirtual() ? "virtual" : Thread.currentThread().getName());
        assertTrue(name.startsWith("parapet-inspection-"), name);
    }

    @Test
    void whatTheWorkThrowsIsThrownToTheCaller() {
        InspectionThreads threads = new InspectionThreads(1);
        IllegalStateException thrown = new IllegalStateException("boom");
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> threads.call(() -> {
            throw thrown;
        })));
        AssertionError error = new AssertionError("bad");
        assertSame(error, assertThrows(AssertionError.class, () -> threads.call(() -> {
            throw error;
        })));
        IllegalStateException wrapped = assertThrows(IllegalStateException.class, () -> threads.call(() -> {
            throw new IOException("checked");
        }));
        assertTrue(wrapped.getCause() instanceof IOException);
    }

    @Test
    void neverStartsMoreThreadsThanConfigured() throws Exception {
        InspectionThreads threads = new InspectionThreads(2);
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                virtual.submit(() -> threads.call(() -> {
                    Thread.sleep(1);
                    return null;
                }));
            }
        }
        assertTrue(threads.threadCount() <= 2, "threads: " + threads.threadCount());
    }

    @Test
    void wantedOnlyOnVirtualThreads() throws Exception {
        assertEquals(false, InspectionThreads.wanted());
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            assertEquals(true, virtual.submit(InspectionThreads::wanted).get());
        }
    }

    @Test
    void refusesLessThanOneThread() {
        assertThrows(IllegalArgumentException.class, () -> new InspectionThreads(0));
    }
}

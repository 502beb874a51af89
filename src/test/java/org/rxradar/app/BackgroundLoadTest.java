package org.rxradar.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.rxradar.tag.RulesException;

class BackgroundLoadTest {

    @Test
    void getWaitsUntilTheLoaderHasFinished() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BackgroundLoad<String> load = BackgroundLoad.start("test-load", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "model";
        });
        AtomicReference<String> got = new AtomicReference<>();
        Thread taker = new Thread(() -> got.set(load.get()));
        taker.start();
        // the loader is held: neither the load nor the taker can be done
        assertFalse(load.isDone());
        assertEquals(null, got.get());
        release.countDown();
        taker.join();
        assertEquals("model", got.get());
        assertTrue(load.isDone());
    }

    @Test
    void theLoadersExceptionIsThrownAsItWas() {
        RulesException thrown = new RulesException("rules file x.yml (tagger.rules) does not exist or is not a file");
        BackgroundLoad<String> load = BackgroundLoad.start("test-load", () -> {
            throw thrown;
        });
        assertSame(thrown, assertThrows(RulesException.class, load::get));
        assertSame(thrown, assertThrows(RulesException.class, load::get)); // every time it is asked
    }

    @Test
    void aNullResultIsAnErrorNamingTheLoad() {
        BackgroundLoad<String> load = BackgroundLoad.start("tagger-load", () -> null);
        NullPointerException e = assertThrows(NullPointerException.class, load::get);
        assertTrue(e.getMessage().contains("tagger-load"), e.getMessage());
    }
}

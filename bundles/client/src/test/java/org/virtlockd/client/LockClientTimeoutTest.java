package org.virtlockd.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each call waits at most the configured timeout, then gives up the connection. */
class LockClientTimeoutTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @TempDir
    Path dir;

    @Test
    void defaultIsThirtySeconds() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (c, out) -> { });
             LockClient client = LockClient.connect(daemon.socket())) {
            assertEquals(Duration.ofSeconds(30), client.timeout());
        }
    }

    @Test
    void aDaemonThatNeverAnswersTimesOutAndTheConnectionIsClosed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeDaemon daemon = new FakeDaemon(dir, (c, out) -> release.await());
             LockClient client = LockClient.over(daemon.connect(), TIMEOUT)) {
            long start = System.nanoTime();
            assertThrows(SocketTimeoutException.class, () -> client.createLockspace("/x"));
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(elapsed >= 290 && elapsed < 3000, "waited " + elapsed + " ms");
            assertTrue(client.isClosed());
            assertThrows(IOException.class, client::ping);
            release.countDown();
        }
    }

    @Test
    void theTimeoutCoversTheWholeFrameNotEachRead() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeDaemon daemon = new FakeDaemon(dir, (c, out) -> {
            byte[] ok = Wire.okReplyTo(c);
            try {
                for (int i = 0; i < ok.length - 1 && release.getCount() > 0; i++) {
                    out.write(ok[i]);
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (java.io.IOException e) {
                // the client gave up and closed the connection: exactly what this test expects
            }
            release.await();
        }); LockClient client = LockClient.over(daemon.connect(), TIMEOUT)) {
            long start = System.nanoTime();
            assertThrows(SocketTimeoutException.class, () -> client.createLockspace("/x"));
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(elapsed >= 290 && elapsed < 1000, "waited " + elapsed + " ms");
            release.countDown();
        }
    }

    @Test
    void aSlowButTimelyReplyIsAccepted() throws Exception {
        try (FakeDaemon daemon = new FakeDaemon(dir, (c, out) -> {
            Thread.sleep(100);
            out.write(Wire.okReplyTo(c));
        }); LockClient client = LockClient.over(daemon.connect(), TIMEOUT)) {
            client.createLockspace("/x");
            client.createLockspace("/y");
            assertEquals(2, daemon.received().size());
        }
    }

    @Test
    void aPingWithoutPongTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeDaemon daemon = new FakeDaemon(dir, (c, out) -> release.await());
             LockClient client = LockClient.over(daemon.connect(), TIMEOUT)) {
            assertThrows(SocketTimeoutException.class, client::ping);
            release.countDown();
        }
    }
}

package org.virtlockd.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A scripted stand-in for virtlockd on a socket in a temporary directory: accepts connections one after
 * another, records every frame received and lets the {@link Script} answer it with canned bytes.
 */
final class FakeDaemon implements AutoCloseable {

    /** Answers one received frame (length word included) by writing whatever it likes to {@code out}. */
    @FunctionalInterface
    interface Script {
        void answer(byte[] frame, OutputStream out) throws IOException, InterruptedException;
    }

    private final Path socketPath;
    private final AFUNIXServerSocket server;
    private final List<byte[]> received = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;

    FakeDaemon(Path dir, Script script) throws IOException {
        this.socketPath = dir.resolve("fake-sock");
        this.server = AFUNIXServerSocket.bindOn(AFUNIXSocketAddress.of(socketPath));
        this.thread = new Thread(() -> serve(script), "fake-virtlockd");
        thread.setDaemon(true);
        thread.start();
    }

    Path socket() {
        return socketPath;
    }

    /** @return a client socket connected to this daemon */
    AFUNIXSocket connect() throws IOException {
        return AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socketPath));
    }

    /** @return the frames received so far, in order, length words included */
    List<byte[]> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} frames have arrived; the client may still be sending. */
    List<byte[]> awaitReceived(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return received();
    }

    private void serve(Script script) {
        while (!server.isClosed()) {
            try (AFUNIXSocket s = server.accept()) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                while (true) {
                    byte[] length = in.readNBytes(4);
                    if (length.length < 4) {
                        break;
                    }
                    int n = ByteBuffer.wrap(length).getInt();
                    byte[] frame = ByteBuffer.allocate(n).put(length).put(in.readNBytes(n - 4)).array();
                    received.add(frame);
                    script.answer(frame, out);
                    out.flush();
                }
            } catch (IOException e) {
                // The client closed or abandoned the connection (after a timeout, a protocol error, or at the end
                // of a test): that ends this connection. What the tests check is the client's side.
                continue;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                failures.add(e);
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        thread.interrupt();
        thread.join(5000);
        Files.deleteIfExists(socketPath);
        if (!failures.isEmpty()) {
            throw new AssertionError("fake daemon failed", failures.get(0));
        }
    }
}

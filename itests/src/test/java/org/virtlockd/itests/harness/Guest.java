package org.virtlockd.itests.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;


/**
 * A stand-in for QEMU (spec 2.4 B): a python3 process of the test user that connects to the lock socket,
 * registers its own pid, acquires one resource exclusively and keeps the connection, so that the daemon's
 * holder rule applies to it. Answers "ping" on stdin with "pong" after a keepalive round trip on that same
 * connection. Frames are built here, independent of the modules under test.
 */
public final class Guest implements AutoCloseable {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = String.join("\n",
            "import os, socket, struct, sys, time",
            "s = socket.socket(socket.AF_UNIX)",
            "s.connect(sys.argv[1])",
            "def readn(n):",
            "    b = b''",
            "    while len(b) < n:",
            "        c = s.recv(n - len(b))",
            "        if not c: raise SystemExit('daemon closed the connection')",
            "        b += c",
            "    return b",
            "def send(prog, proc, typ, serial, body=b''):",
            "    hdr = struct.pack('>IIIIII', prog, 1, proc, typ, serial, 0)",
            "    s.sendall(struct.pack('>I', 4 + len(hdr) + len(body)) + hdr + body)",
            "    return readn(struct.unpack('>I', readn(4))[0] - 4)",
            "def xstr(v):",
            "    b = v.encode()",
            "    return struct.pack('>I', len(b)) + b + b'\\0' * (-len(b) % 4)",
            "uuid = b'\\0' * 15 + b'\\1'",
            "for serial, (proc, body) in enumerate([",
            "        (1, uuid + xstr('guest') + struct.pack('>III', 1, os.getpid(), 0)),",
            "        (6, xstr('') + xstr(sys.argv[2]) + struct.pack('>I', 0))]):",
            "    r = send(0x0EA7BEEF, proc, 0, serial, body)",
            "    if struct.unpack('>I', r[20:24])[0] != 0: raise SystemExit('procedure %d failed' % proc)",
            "print('held', flush=True)",
            "for line in sys.stdin:",
            "    r = send(0x6B656570, 1, 2, 0)",
            "    print('pong' if struct.unpack('>I', r[8:12])[0] == 2 else 'unexpected', flush=True)",
            "time.sleep(600)");

    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    private Guest(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Starts the guest and waits until it holds {@code disk}. */
    public static Guest holding(Path lockSocket, Path disk) throws IOException, InterruptedException {
        TestUser.requireTool(PYTHON, "python3");
        List<String> cmd = new ArrayList<>(TestUser.setpriv());
        cmd.addAll(List.of(PYTHON, "-c", SCRIPT, lockSocket.toString(), disk.toString()));
        Guest g = new Guest(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        String first = g.out.readLine();
        if (!"held".equals(first)) {
            g.close();
            throw new AssertionError("the guest did not get its lock: " + first);
        }
        return g;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** A keepalive round trip on the guest's own connection. */
    public String ping() throws IOException {
        in.write("ping\n");
        in.flush();
        return out.readLine();
    }

    /** @return the exit status (128 + signal when killed), or -1 if still running after the timeout */
    public int awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}

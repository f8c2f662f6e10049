package org.virtlockd.admin.internal;

import java.util.HexFormat;
import java.util.function.Consumer;

import org.virtlockd.protocol.AdminProtocol;
import org.virtlockd.protocol.Frames;
import org.virtlockd.protocol.Header;
import org.virtlockd.protocol.RpcError;
import org.virtlockd.protocol.XdrException;
import org.virtlockd.protocol.XdrReader;
import org.virtlockd.protocol.XdrWriter;
import org.virtlockd.transport.RpcResult;

/** Calls the program with arguments written by the test and returns the reply as the transport would send it. */
final class Calls {

    final Fakes.Daemon daemon = new Fakes.Daemon();
    final Fakes.Logging logging = new Fakes.Logging();
    final Fakes.Timeout timeout = new Fakes.Timeout();
    final AdminProgram program;
    RpcResult last;

    Calls(AccountNames names) {
        program = new AdminProgram(daemon, logging, timeout, names);
    }

    /** @return the reply payload (after the 28-byte header) in hex */
    String call(int proc, Consumer<XdrWriter> args) throws XdrException {
        XdrWriter w = new XdrWriter();
        args.accept(w);
        Header h = Header.call(AdminProtocol.PROGRAM, AdminProtocol.VERSION, proc, 0);
        last = program.call(null, h, new XdrReader(w.toByteArray()));
        byte[] frame = last.error() != null ? Frames.errorReply(h, last.error()) : Frames.okReply(h, last.payload());
        return HexFormat.of().formatHex(frame, 28, frame.length);
    }

    /** @return the error of a failed call as "code/domain message" */
    String error(int proc, Consumer<XdrWriter> args) throws XdrException {
        call(proc, args);
        RpcError e = last.error();
        return e == null ? "no error" : e.code() + "/" + e.domain() + " " + e.message();
    }
}

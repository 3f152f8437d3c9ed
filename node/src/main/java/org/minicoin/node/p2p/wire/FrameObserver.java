package org.minicoin.node.p2p.wire;

/** Hears of each whole frame read or written, for traffic statistics (getpeerinfo, getnettotals). */
@FunctionalInterface
public interface FrameObserver {
    /** A frame of {@code bytes} bytes, header included, carrying {@code command}. */
    void frame(String command, int bytes);

    /** An observer that does nothing. */
    FrameObserver NONE = (command, bytes) -> {
    };
}

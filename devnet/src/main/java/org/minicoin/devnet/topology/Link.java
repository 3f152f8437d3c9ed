package org.minicoin.devnet.topology;

/**
 * A link between two nodes, {@code from} &gt; {@code to}: node {@code from} keeps it up with {@code addnode <to> add},
 * so exactly one side owns it and can cut it ({@code addnode remove} and {@code disconnectnode}).
 */
public record Link(int from, int to) {
    public Link {
        if (from <= to) {
            throw new IllegalArgumentException("a link goes from the higher index to the lower: " + from + "->" + to);
        }
    }

    /** Whether {@code node} is one end of this link. */
    public boolean touches(int node) {
        return from == node || to == node;
    }
}
